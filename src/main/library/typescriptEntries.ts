// The built-in library's TypeScript bodies: the same tasks as the Python entries of the same name (their names,
// synonyms, signature and examples), written in TypeScript. A test runs every one against its examples in the sandbox
// with node:test, as the Python entries are run; the pipeline uses one only after it passes the spec's own examples.
import { BUILTIN_ENTRIES, type LibraryEntry } from './entries';

// Python raises ValueError where JavaScript code throws RangeError (a value outside what the function accepts): the
// TypeScript entries throw RangeError, and their own examples say so.
const ERROR_NAMES: Record<string, string> = { ValueError: 'RangeError' };

/** TypeScript bodies by the name of the Python entry they mirror; each uses the entry's parameter names. */
const BODIES: Record<string, string> = {
  is_prime: `
if (!Number.isInteger(n) || n < 2) return false;
for (let divisor = 2; divisor * divisor <= n; divisor += 1) {
  if (n % divisor === 0) return false;
}
return true;`,
  factorial: `
if (!Number.isInteger(n) || n < 0) throw new RangeError('factorial needs a whole number of at least 0');
let result = 1;
for (let factor = 2; factor <= n; factor += 1) result *= factor;
return result;`,
  fibonacci: `
if (!Number.isInteger(n) || n < 0) throw new RangeError('fibonacci needs a whole number of at least 0');
let [current, next] = [0, 1];
for (let step = 0; step < n; step += 1) [current, next] = [next, current + next];
return current;`,
  gcd: `
let [x, y] = [Math.abs(a), Math.abs(b)];
while (y !== 0) [x, y] = [y, x % y];
return x;`,
  lcm: `
if (a === 0 || b === 0) return 0;
let [x, y] = [Math.abs(a), Math.abs(b)];
while (y !== 0) [x, y] = [y, x % y];
return Math.abs(a * b) / x;`,
  is_even: `return n % 2 === 0;`,
  sum_of_digits: `return [...String(Math.abs(n))].reduce((total, digit) => total + Number(digit), 0);`,
  is_power_of_two: `
if (!Number.isInteger(n) || n < 1) return false;
let value = n;
while (value % 2 === 0) value /= 2;
return value === 1;`,
  reverse_string: `return [...s].reverse().join('');`,
  reverse_words: `return text.split(/\\s+/).filter((word) => word !== '').reverse().join(' ');`,
  reverse_each_word: `return text.split(' ').map((word) => [...word].reverse().join('')).join(' ');`,
  is_palindrome: `return s === [...s].reverse().join('');`,
  count_vowels: `return (s.match(/[aeiou]/gi) ?? []).length;`,
  count_words: `return text.split(/\\s+/).filter((word) => word !== '').length;`,
  capitalize_words: `return s.split(' ').map((word) => word.slice(0, 1).toUpperCase() + word.slice(1)).join(' ');`,
  snake_to_camel: `
const [head = '', ...rest] = s.split('_');
return head + rest.map((part) => part.slice(0, 1).toUpperCase() + part.slice(1)).join('');`,
  camel_to_snake: `
let result = '';
for (const char of s) {
  const upper = char !== char.toLowerCase() && char === char.toUpperCase();
  result += upper ? (result ? '_' : '') + char.toLowerCase() : char;
}
return result;`,
  find_maximum: `
if (items.length === 0) throw new RangeError('an empty list has no maximum');
return items.reduce((best, item) => (item > best ? item : best));`,
  find_minimum: `
if (items.length === 0) throw new RangeError('an empty list has no minimum');
return items.reduce((best, item) => (item < best ? item : best));`,
  sum_list: `return numbers.reduce((total, value) => total + value, 0);`,
  average: `
if (numbers.length === 0) throw new RangeError('cannot average an empty list');
return numbers.reduce((total, value) => total + value, 0) / numbers.length;`,
  reverse_list: `return [...items].reverse();`,
  // Equal values, not only the same object, count as duplicates (as Python's == does for lists and dicts).
  remove_duplicates: `
const seen: unknown[] = [];
const keys = new Set<string>();
for (const item of items) {
  const key = typeof item === 'object' && item !== null ? JSON.stringify(item) : typeof item + ':' + String(item);
  if (!keys.has(key)) {
    keys.add(key);
    seen.push(item);
  }
}
return seen;`,
  sort_numbers: `return [...numbers].sort((a, b) => a - b);`,
  is_sorted: `
const values = items as Array<number | string>;
return values.every((value, index) => index === 0 || (values[index - 1] as number | string) <= value);`,
  count_even_numbers: `return items.filter((item) => item % 2 === 0).length;`,
  filter_even_numbers: `return items.filter((item) => item % 2 === 0);`,
  cumulative_sum: `
let total = 0;
return numbers.map((value) => (total += value));`,
  dot_product: `
if (a.length !== b.length) throw new RangeError('the vectors differ in length');
return a.reduce((total, value, index) => total + value * (b[index] as number), 0);`,
  binary_search: `
let [low, high] = [0, items.length - 1];
while (low <= high) {
  const middle = Math.floor((low + high) / 2);
  const value = items[middle] as number;
  if (value === target) return middle;
  if (value < target) low = middle + 1;
  else high = middle - 1;
}
return -1;`,
  linear_search: `
const key = JSON.stringify(target);
return items.findIndex((item) => item === target || (typeof item === 'object' && item !== null && JSON.stringify(item) === key));`,
  is_leap_year: `return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;`,
  celsius_to_fahrenheit: `return (celsius * 9) / 5 + 32;`,
  fahrenheit_to_celsius: `return ((fahrenheit - 32) * 5) / 9;`,
  decimal_to_binary: `return (n < 0 ? '-' : '') + Math.abs(n).toString(2);`,
  binary_to_decimal: `
if (!/^[01]+$/.test(binary)) throw new RangeError('not a binary number: ' + JSON.stringify(binary));
return [...binary].reduce((value, digit) => value * 2 + (digit === '1' ? 1 : 0), 0);`,
  roman_to_integer: `
const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
if (!/^[IVXLCDM]+$/.test(roman)) throw new RangeError('not a Roman numeral: ' + JSON.stringify(roman));
let total = 0;
for (let index = 0; index < roman.length; index += 1) {
  const value = values[roman[index] as string] as number;
  const next = values[roman[index + 1] ?? ''] ?? 0;
  total += value < next ? -value : value;
}
return total;`,
  integer_to_roman: `
if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError('Roman numerals cover 1 to 3999');
const numerals: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
let rest = n;
let result = '';
for (const [value, numeral] of numerals) {
  while (rest >= value) {
    result += numeral;
    rest -= value;
  }
}
return result;`,
  median: `
if (numbers.length === 0) throw new RangeError('cannot take the median of an empty list');
const ordered = [...numbers].sort((a, b) => a - b);
const middle = Math.floor(ordered.length / 2);
return ordered.length % 2 ? (ordered[middle] as number) : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;`,
  area_of_circle: `return Math.PI * radius * radius;`,
  hypotenuse: `return Math.hypot(a, b);`,
  clamp: `return Math.max(low, Math.min(value, high));`,
  absolute_value: `return Math.abs(n);`,
  add: `return a + b;`,
  multiply: `return a * b;`,
  count_uppercase_letters: `return [...s].filter((char) => char !== char.toLowerCase() && char === char.toUpperCase()).length;`,
  count_lowercase_letters: `return [...s].filter((char) => char !== char.toUpperCase() && char === char.toLowerCase()).length;`,
  is_vowel: `return char.length === 1 && 'aeiou'.includes(char.toLowerCase());`,
  remove_punctuation: `return [...s].filter((char) => !'!"#$%&\\'()*+,-./:;<=>?@[\\\\]^_\`{|}~'.includes(char)).join('');`,
  longest_common_prefix: `
if (strings.length === 0) return '';
let prefix = strings[0] as string;
for (const text of strings.slice(1)) {
  while (!text.startsWith(prefix)) prefix = prefix.slice(0, -1);
}
return prefix;`,
  capitalize_first_letter: `return s.slice(0, 1).toUpperCase() + s.slice(1);`,
  repeat_string: `return n > 0 ? s.repeat(n) : '';`,
  all_unique: `return new Set(items.map((item) => JSON.stringify(item))).size === items.length;`,
  absolute_difference: `return Math.abs(a - b);`,
  hours_to_minutes: `return hours * 60;`,
  minutes_to_hours: `return minutes / 60;`,
  perimeter_of_rectangle: `return 2 * (width + height);`,
  area_of_triangle: `return (base * height) / 2;`,
};

function mirror(python: LibraryEntry, body: string): LibraryEntry {
  return {
    ...python,
    id: `ts.${python.name}`,
    language: 'typescript',
    body: body.replace(/^\n+|\s+$/g, ''),
    examples: python.examples.map((example) => (example.raises ? { ...example, raises: ERROR_NAMES[example.raises] ?? example.raises } : example)),
  };
}

export const TYPESCRIPT_ENTRIES: LibraryEntry[] = Object.entries(BODIES).map(([name, body]) => {
  const python = BUILTIN_ENTRIES.find((entry) => entry.name === name);
  if (!python) throw new Error(`The TypeScript library entry "${name}" has no Python entry of that name to mirror.`);
  return mirror(python, body);
});
