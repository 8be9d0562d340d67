// The built-in library: curated Python implementations of common tasks, each with examples that a test runs in the
// sandbox. An entry is only ever used after it passes the spec's own examples, or — when the spec has none — when the
// spec's name and signature match it closely and the entry is not `ambiguous`.
import type { SpecExample, SpecLanguage, SpecValue } from '../../shared/spec';

export type LibraryParameter = { name: string; type: string };

export type LibraryEntry = {
  id: string;
  /** Python entries are below; TypeScript ones mirror some of them (typescriptEntries.ts). */
  language: SpecLanguage;
  /** The entry's own function name. */
  name: string;
  /** Other names a spec may give the same function (as the plain-words parser tends to spell them). */
  aliases: string[];
  summary: string;
  /** Words people use for this task, for intent search. */
  synonyms: string[];
  parameters: LibraryParameter[];
  returns: string;
  /** The function body, unindented, in terms of `parameters`' names. */
  body: string;
  examples: SpecExample[];
  /**
   * Why the task has more than one reasonable reading (population or sample deviation, which way to rotate): such an
   * entry is never used on a name match alone, only when the spec's examples pass against it.
   */
  ambiguous?: string;
  /** The arguments can be swapped without changing the result (gcd, add): their order needs no names to decide it. */
  symmetric?: boolean;
  origin: 'builtin' | 'approved';
};

type Case = [args: SpecValue[], expected: SpecValue] | { args: SpecValue[]; raises: string };

function entry(
  id: string,
  names: string[],
  summary: string,
  synonyms: string,
  signature: string,
  returns: string,
  body: string,
  cases: Case[],
  ambiguous?: string,
): LibraryEntry {
  const parameters = signature
    ? splitTopLevel(signature).map((part) => {
        const at = part.indexOf(':');
        return { name: part.slice(0, at).trim(), type: part.slice(at + 1).trim() };
      })
    : [];
  const [name = id, ...aliases] = names;
  return {
    id: `py.${id}`,
    language: 'python',
    name,
    aliases,
    summary,
    synonyms: synonyms.split(',').map((word) => word.trim()).filter(Boolean),
    parameters,
    returns,
    body: body.replace(/^\n+|\s+$/g, ''),
    examples: cases.map((item) => (Array.isArray(item) ? { args: item[0], expected: item[1] } : { args: item.args, raises: item.raises })),
    ...(ambiguous ? { ambiguous } : {}),
    origin: 'builtin',
  };
}

/** Splits "a: int, b: dict[str, int]" at commas outside brackets. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '[') depth += 1;
    if (char === ']') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current);
  return parts.map((part) => part.trim());
}

const tuple = (...items: SpecValue[]): SpecValue => ({ $tuple: items });

// Entries whose arguments commute; checked by the library test (every example also passes with its arguments swapped).
const SYMMETRIC = new Set(['py.gcd', 'py.lcm', 'py.days_between', 'py.dot_product', 'py.add', 'py.multiply', 'py.hypotenuse', 'py.are_anagrams', 'py.merge_sorted_lists', 'py.absolute_difference', 'py.perimeter_of_rectangle', 'py.area_of_triangle']);

const ENTRIES: LibraryEntry[] = [
  /* ---------------------------------------------------------------- number theory */
  entry('is_prime', ['is_prime', 'check_prime', 'is_prime_number', 'check_if_prime'], 'Return True if n is a prime number, otherwise False.', 'prime, primality, prime number, check prime', 'n: int', 'bool', `
if n < 2:
    return False
if n < 4:
    return True
if n % 2 == 0:
    return False
divisor = 3
while divisor * divisor <= n:
    if n % divisor == 0:
        return False
    divisor += 2
return True`, [[[2], true], [[1], false], [[0], false], [[-7], false], [[17], true], [[21], false], [[97], true], [[7919], true]]),
  entry('factorial', ['factorial', 'compute_factorial', 'calculate_factorial', 'factorial_of_number'], 'Return n! for a non-negative integer n; a negative n raises ValueError.', 'factorial, product of integers', 'n: int', 'int', `
if n < 0:
    raise ValueError("factorial is not defined for negative numbers")
result = 1
for factor in range(2, n + 1):
    result *= factor
return result`, [[[0], 1], [[1], 1], [[5], 120], [[10], 3628800], { args: [-1], raises: 'ValueError' }]),
  entry('fibonacci', ['fibonacci', 'nth_fibonacci', 'fibonacci_number', 'fib', 'nth_fibonacci_number'], 'Return the nth Fibonacci number, with fibonacci(0) == 0 and fibonacci(1) == 1.', 'fibonacci, fib, sequence', 'n: int', 'int', `
if n < 0:
    raise ValueError("n must not be negative")
previous, current = 0, 1
for _ in range(n):
    previous, current = current, previous + current
return previous`, [[[0], 0], [[1], 1], [[2], 1], [[10], 55], [[20], 6765], { args: [-1], raises: 'ValueError' }]),
  entry('gcd', ['gcd', 'greatest_common_divisor', 'find_gcd', 'compute_gcd', 'hcf', 'greatest_common_factor'], 'Return the greatest common divisor of a and b (never negative; gcd(0, 0) is 0).', 'greatest common divisor, gcd, highest common factor, hcf', 'a: int, b: int', 'int', `
a, b = abs(a), abs(b)
while b:
    a, b = b, a % b
return a`, [[[12, 18], 6], [[17, 5], 1], [[0, 9], 9], [[-24, 36], 12], [[0, 0], 0]]),
  entry('lcm', ['lcm', 'least_common_multiple', 'find_lcm', 'lowest_common_multiple', 'compute_lcm'], 'Return the least common multiple of a and b (0 when either is 0).', 'least common multiple, lcm, lowest common multiple', 'a: int, b: int', 'int', `
if a == 0 or b == 0:
    return 0
x, y = abs(a), abs(b)
while y:
    x, y = y, x % y
return abs(a * b) // x`, [[[4, 6], 12], [[21, 6], 42], [[0, 5], 0], [[7, 13], 91]]),
  entry('is_even', ['is_even', 'check_even', 'is_even_number'], 'Return True if n is even.', 'even, divisible by two, parity', 'n: int', 'bool', 'return n % 2 == 0', [[[4], true], [[7], false], [[0], true], [[-2], true]]),
  entry('is_odd', ['is_odd', 'check_odd', 'is_odd_number'], 'Return True if n is odd.', 'odd, not divisible by two, parity', 'n: int', 'bool', 'return n % 2 != 0', [[[3], true], [[8], false], [[0], false], [[-5], true]]),
  entry('sum_of_digits', ['sum_of_digits', 'digit_sum', 'sum_digits'], 'Return the sum of the decimal digits of n (the sign is ignored).', 'sum of digits, digit sum, add digits', 'n: int', 'int', 'return sum(int(digit) for digit in str(abs(n)))', [[[123], 6], [[0], 0], [[-45], 9], [[9999], 36]]),
  entry('is_perfect_square', ['is_perfect_square', 'perfect_square', 'check_perfect_square'], 'Return True if n is the square of an integer.', 'perfect square, square number', 'n: int', 'bool', `
if n < 0:
    return False
root = int(n ** 0.5)
while root * root > n:
    root -= 1
while (root + 1) * (root + 1) <= n:
    root += 1
return root * root == n`, [[[16], true], [[15], false], [[0], true], [[1], true], [[-4], false], [[1000000], true]]),
  entry('first_primes', ['first_primes', 'first_prime_numbers', 'first_n_primes', 'n_primes'], 'Return a list of the first n prime numbers.', 'first primes, list of primes, prime numbers', 'n: int', 'list[int]', `
primes = []
candidate = 2
while len(primes) < n:
    if all(candidate % prime for prime in primes if prime * prime <= candidate):
        primes.append(candidate)
    candidate += 1
return primes`, [[[0], []], [[1], [2]], [[5], [2, 3, 5, 7, 11]], [[10], [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]]]),
  entry('primes_up_to', ['primes_up_to', 'primes_below', 'sieve_of_eratosthenes', 'primes_less_than_or_equal', 'list_primes_up_to'], 'Return every prime number less than or equal to limit, in increasing order.', 'sieve, primes up to, primes below, eratosthenes', 'limit: int', 'list[int]', `
if limit < 2:
    return []
sieve = [True] * (limit + 1)
sieve[0] = sieve[1] = False
for number in range(2, int(limit ** 0.5) + 1):
    if sieve[number]:
        for multiple in range(number * number, limit + 1, number):
            sieve[multiple] = False
return [number for number, is_prime in enumerate(sieve) if is_prime]`, [[[10], [2, 3, 5, 7]], [[1], []], [[2], [2]], [[30], [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]]]),
  entry('prime_factors', ['prime_factors', 'prime_factorization', 'factorize', 'get_prime_factors', 'find_prime_factors'], 'Return the prime factors of n in increasing order, with repetition (an empty list for n < 2).', 'prime factors, factorization, factorize', 'n: int', 'list[int]', `
factors = []
divisor = 2
while divisor * divisor <= n:
    while n % divisor == 0:
        factors.append(divisor)
        n //= divisor
    divisor += 1
if n > 1:
    factors.append(n)
return factors`, [[[12], [2, 2, 3]], [[1], []], [[13], [13]], [[360], [2, 2, 2, 3, 3, 5]]]),
  entry('count_digits', ['count_digits', 'number_of_digits', 'digit_count'], 'Return how many decimal digits n has (the sign is not a digit).', 'count digits, number of digits, length of number', 'n: int', 'int', 'return len(str(abs(n)))', [[[0], 1], [[12345], 5], [[-907], 3]]),
  entry('reverse_number', ['reverse_number', 'reverse_integer', 'reverse_digits'], 'Return n with its decimal digits reversed, keeping its sign (reverse_number(-120) == -21).', 'reverse digits, reverse integer, reverse number', 'n: int', 'int', `
sign = -1 if n < 0 else 1
return sign * int(str(abs(n))[::-1])`, [[[123], 321], [[-120], -21], [[0], 0], [[5], 5]]),
  entry('is_power_of_two', ['is_power_of_two', 'power_of_two', 'check_power_of_two'], 'Return True if n is a power of two (1, 2, 4, 8, …).', 'power of two, power of 2', 'n: int', 'bool', 'return n > 0 and n & (n - 1) == 0', [[[1], true], [[16], true], [[18], false], [[0], false], [[-8], false]]),
  entry('is_armstrong_number', ['is_armstrong_number', 'is_armstrong', 'is_narcissistic_number'], 'Return True if n equals the sum of its digits each raised to the number of digits.', 'armstrong, narcissistic number', 'n: int', 'bool', `
if n < 0:
    return False
digits = str(n)
return n == sum(int(digit) ** len(digits) for digit in digits)`, [[[153], true], [[370], true], [[10], false], [[9], true]]),
  entry('digital_root', ['digital_root', 'repeated_digit_sum'], 'Return the digital root of a non-negative n: sum its digits repeatedly until one digit remains.', 'digital root, repeated digit sum', 'n: int', 'int', `
while n >= 10:
    n = sum(int(digit) for digit in str(n))
return n`, [[[16], 7], [[942], 6], [[0], 0], [[493193], 2]]),
  entry('power', ['power', 'pow', 'raise_to_power', 'exponent'], 'Return base raised to the (non-negative integer) exponent.', 'power, exponent, raise to the power', 'base: int, exponent: int', 'int', `
if exponent < 0:
    raise ValueError("exponent must not be negative")
return base ** exponent`, [[[2, 10], 1024], [[5, 0], 1], [[-3, 3], -27], { args: [2, -1], raises: 'ValueError' }]),
  entry('is_perfect_number', ['is_perfect_number', 'is_perfect', 'perfect_number'], 'Return True if n equals the sum of its proper divisors (6, 28, 496, …).', 'perfect number, sum of divisors', 'n: int', 'bool', `
if n < 2:
    return False
total = 1
divisor = 2
while divisor * divisor <= n:
    if n % divisor == 0:
        total += divisor
        if divisor != n // divisor:
            total += n // divisor
    divisor += 1
return total == n`, [[[6], true], [[28], true], [[12], false], [[1], false], [[496], true]]),

  /* ---------------------------------------------------------------- strings */
  entry('reverse_string', ['reverse_string', 'reverse_str', 'reverse_text', 'string_reverse', 'reversed_string'], 'Return the string s reversed.', 'reverse, backwards, reversed string', 's: str', 'str', 'return s[::-1]', [[['hello'], 'olleh'], [[''], ''], [['a'], 'a'], [['ab c'], 'c ba']]),
  entry('is_palindrome', ['is_palindrome', 'check_palindrome', 'palindrome'], 'Return True if s reads the same backwards, exactly as written (case and spaces count).', 'palindrome, reads the same backwards', 's: str', 'bool', 'return s == s[::-1]', [[['racecar'], true], [['hello'], false], [[''], true], [['Aba'], false]], 'whether case, spaces and punctuation count is a matter of taste'),
  entry('is_palindrome_ignoring_case', ['is_palindrome_ignoring_case', 'is_palindrome_normalized', 'is_palindrome_phrase'], 'Return True if s reads the same backwards when only letters and digits count and case is ignored.', 'palindrome, ignore case, ignore punctuation, phrase palindrome', 's: str', 'bool', `
cleaned = [char.lower() for char in s if char.isalnum()]
return cleaned == cleaned[::-1]`, [[['A man, a plan, a canal: Panama'], true], [['race a car'], false], [[''], true], [['Aba'], true]], 'whether case, spaces and punctuation count is a matter of taste'),
  entry('count_vowels', ['count_vowels', 'number_of_vowels', 'vowel_count', 'count_the_vowels'], 'Return how many vowels (a, e, i, o, u, in either case) s contains.', 'vowels, count vowels, aeiou', 's: str', 'int', 'return sum(1 for char in s.lower() if char in "aeiou")', [[['hello'], 2], [['AEIOU'], 5], [['rhythm'], 0], [[''], 0]]),
  entry('count_consonants', ['count_consonants', 'number_of_consonants', 'consonant_count'], 'Return how many consonants (ASCII letters other than a, e, i, o, u) s contains.', 'consonants, count consonants', 's: str', 'int', 'return sum(1 for char in s.lower() if "a" <= char <= "z" and char not in "aeiou")', [[['hello'], 3], [['AEIOU'], 0], [['rhythm'], 6], [['a-b c!'], 2]]),
  entry('count_words', ['count_words', 'word_count', 'number_of_words', 'count_words_in_sentence'], 'Return the number of whitespace-separated words in text.', 'count words, word count, number of words', 'text: str', 'int', 'return len(text.split())', [[['hello world'], 2], [[''], 0], [['  one   two three  '], 3], [['single'], 1]]),
  entry('to_uppercase', ['to_uppercase', 'string_to_uppercase', 'uppercase', 'to_upper', 'convert_to_uppercase', 'upper'], 'Return s with every letter in upper case.', 'uppercase, upper case, capital letters', 's: str', 'str', 'return s.upper()', [[['hello'], 'HELLO'], [['Mixed 123'], 'MIXED 123'], [[''], '']]),
  entry('to_lowercase', ['to_lowercase', 'string_to_lowercase', 'lowercase', 'to_lower', 'convert_to_lowercase', 'lower'], 'Return s with every letter in lower case.', 'lowercase, lower case, small letters', 's: str', 'str', 'return s.lower()', [[['HELLO'], 'hello'], [['Mixed 123'], 'mixed 123'], [[''], '']]),
  entry('capitalize_words', ['capitalize_words', 'capitalize_each_word', 'title_case', 'to_title_case'], 'Return s with the first letter of every space-separated word in upper case, the rest unchanged.', 'capitalize, title case, capital first letter', 's: str', 'str', 'return " ".join(word[:1].upper() + word[1:] for word in s.split(" "))', [[['hello world'], 'Hello World'], [["don't stop"], "Don't Stop"], [[''], ''], [['a  b'], 'A  B']]),
  entry('are_anagrams', ['are_anagrams', 'is_anagram', 'check_anagram', 'anagrams'], 'Return True if a and b contain the same letters the same number of times, ignoring case and spaces.', 'anagram, same letters, rearrangement', 'a: str, b: str', 'bool', `
def letters(text):
    return sorted(char for char in text.lower() if not char.isspace())
return letters(a) == letters(b)`, [[['listen', 'silent'], true], [['Dormitory', 'dirty room'], true], [['abc', 'abd'], false], [['aab', 'abb'], false]], 'whether case and spaces count differs between uses'),
  entry('character_frequencies', ['character_frequencies', 'char_frequency', 'count_characters', 'character_count', 'count_each_character', 'letter_frequencies'], 'Return a dict from each character of s to how many times it occurs.', 'character frequency, count characters, occurrences of each character', 's: str', 'dict[str, int]', `
counts = {}
for char in s:
    counts[char] = counts.get(char, 0) + 1
return counts`, [[['hello'], { h: 1, e: 1, l: 2, o: 1 }], [[''], {}], [['aaa'], { a: 3 }]]),
  entry('word_frequencies', ['word_frequencies', 'word_frequency', 'count_word_occurrences', 'word_counts'], 'Return a dict from each lower-cased, whitespace-separated word of text to its number of occurrences.', 'word frequency, count each word, occurrences of words', 'text: str', 'dict[str, int]', `
counts = {}
for word in text.lower().split():
    counts[word] = counts.get(word, 0) + 1
return counts`, [[['the cat The dog'], { the: 2, cat: 1, dog: 1 }], [[''], {}]], 'whether punctuation and case belong to words differs between uses'),
  entry('is_digits', ['is_digits', 'contains_only_digits', 'is_numeric', 'is_all_digits', 'only_digits', 'has_only_digits'], 'Return True if s is non-empty and every character is a decimal digit 0–9.', 'digits only, numeric string, all digits', 's: str', 'bool', 'return s != "" and all("0" <= char <= "9" for char in s)', [[['12345'], true], [['12a45'], false], [[''], false], [['-12'], false]]),
  entry('remove_whitespace', ['remove_whitespace', 'remove_spaces', 'strip_whitespace', 'delete_spaces'], 'Return s without any whitespace characters.', 'remove spaces, strip whitespace, delete blanks', 's: str', 'str', 'return "".join(s.split())', [[['a b\tc\nd'], 'abcd'], [['  '], ''], [['abc'], 'abc']]),
  entry('count_occurrences_of_char', ['count_occurrences_of_char', 'count_char', 'count_character', 'char_count', 'count_occurrences_of_character'], 'Return how many times the character char occurs in s.', 'count character, occurrences of a letter', 's: str, char: str', 'int', 'return s.count(char)', [[['hello', 'l'], 2], [['hello', 'z'], 0], [['', 'a'], 0]]),
  entry('string_length', ['string_length', 'length', 'length_of_string', 'str_length', 'get_length'], 'Return the number of characters in s.', 'length, number of characters, size of string', 's: str', 'int', 'return len(s)', [[['hello'], 5], [[''], 0], [['a b'], 3]]),
  entry('is_pangram', ['is_pangram', 'check_pangram', 'pangram'], 'Return True if s contains every letter of the English alphabet (case ignored).', 'pangram, every letter, whole alphabet', 's: str', 'bool', 'return set("abcdefghijklmnopqrstuvwxyz") <= set(s.lower())', [[['The quick brown fox jumps over the lazy dog'], true], [['hello world'], false], [[''], false]]),
  entry('caesar_cipher', ['caesar_cipher', 'caesar_encrypt', 'caesar_shift', 'shift_letters', 'encrypt_caesar'], 'Return text with each ASCII letter shifted forward by shift places in the alphabet (wrapping, case kept); other characters unchanged.', 'caesar cipher, shift cipher, rot, encrypt', 'text: str, shift: int', 'str', `
result = []
for char in text:
    if "a" <= char <= "z":
        result.append(chr((ord(char) - ord("a") + shift) % 26 + ord("a")))
    elif "A" <= char <= "Z":
        result.append(chr((ord(char) - ord("A") + shift) % 26 + ord("A")))
    else:
        result.append(char)
return "".join(result)`, [[['abc', 1], 'bcd'], [['xyz', 3], 'abc'], [['Hello, World!', 13], 'Uryyb, Jbeyq!'], [['abc', -1], 'zab']]),
  entry('longest_word', ['longest_word', 'find_longest_word', 'get_longest_word'], 'Return the longest whitespace-separated word of text (the first one on a tie; "" for no words).', 'longest word', 'text: str', 'str', `
longest = ""
for word in text.split():
    if len(word) > len(longest):
        longest = word
return longest`, [[['the quick brown fox'], 'quick'], [[''], ''], [['a bb cc'], 'bb']]),
  entry('reverse_words', ['reverse_words', 'reverse_word_order', 'reverse_order_of_words', 'reverse_the_words', 'reverse_sentence'], 'Return the whitespace-separated words of text in reverse order, joined by single spaces.', 'reverse words, reverse word order, words backwards', 'text: str', 'str', 'return " ".join(reversed(text.split()))', [[['hello world'], 'world hello'], [['  the quick  brown '], 'brown quick the'], [['one'], 'one'], [[''], '']]),
  entry('reverse_each_word', ['reverse_each_word', 'reverse_every_word', 'reverse_letters_of_each_word', 'reverse_characters_of_each_word'], 'Return text with the letters of each space-separated word reversed, the words and the spaces in place.', 'reverse each word, reverse every word, mirror words', 'text: str', 'str', 'return " ".join(word[::-1] for word in text.split(" "))', [[['hello world'], 'olleh dlrow'], [['a  bc'], 'a  cb'], [[''], '']]),
  entry('snake_to_camel', ['snake_to_camel', 'snake_case_to_camel_case', 'to_camel_case'], 'Return a snake_case identifier in camelCase.', 'camel case, snake case, convert case', 's: str', 'str', `
head, *rest = s.split("_")
return head + "".join(part[:1].upper() + part[1:] for part in rest)`, [[['hello_world'], 'helloWorld'], [['one'], 'one'], [['get_user_name'], 'getUserName']]),
  entry('camel_to_snake', ['camel_to_snake', 'camel_case_to_snake_case', 'to_snake_case'], 'Return a camelCase identifier in snake_case.', 'snake case, camel case, convert case', 's: str', 'str', `
result = []
for char in s:
    if char.isupper():
        if result:
            result.append("_")
        result.append(char.lower())
    else:
        result.append(char)
return "".join(result)`, [[['helloWorld'], 'hello_world'], [['one'], 'one'], [['getUserName'], 'get_user_name']]),

  /* ---------------------------------------------------------------- lists */
  entry('find_maximum', ['find_maximum', 'find_max', 'maximum', 'max_value', 'find_maximum_value', 'largest_number', 'find_largest', 'find_largest_number', 'max_in_list', 'get_maximum'], 'Return the largest item of a non-empty list; an empty list raises ValueError.', 'maximum, largest, biggest, max', 'items: list[float]', 'float', `
if not items:
    raise ValueError("the list is empty")
largest = items[0]
for item in items[1:]:
    if item > largest:
        largest = item
return largest`, [[[[3, 1, 4, 1, 5]], 5], [[[-2, -7]], -2], [[[2.5]], 2.5], { args: [[]], raises: 'ValueError' }]),
  entry('find_minimum', ['find_minimum', 'find_min', 'minimum', 'min_value', 'find_minimum_value', 'smallest_number', 'find_smallest', 'find_smallest_number', 'min_in_list', 'get_minimum'], 'Return the smallest item of a non-empty list; an empty list raises ValueError.', 'minimum, smallest, least, min', 'items: list[float]', 'float', `
if not items:
    raise ValueError("the list is empty")
smallest = items[0]
for item in items[1:]:
    if item < smallest:
        smallest = item
return smallest`, [[[[3, 1, 4, 1, 5]], 1], [[[-2, -7]], -7], [[[2.5]], 2.5], { args: [[]], raises: 'ValueError' }]),
  entry('sum_list', ['sum_list', 'sum_numbers', 'sum_of_list', 'list_sum', 'total', 'sum_of_numbers', 'add_numbers', 'sum_of_elements'], 'Return the sum of the numbers in a list (0 for an empty list).', 'sum, total, add up', 'numbers: list[float]', 'float', 'return sum(numbers)', [[[[1, 2, 3]], 6], [[[]], 0], [[[1.5, 2.25]], 3.75], [[[-1, 1]], 0]]),
  entry('average', ['average', 'mean', 'find_average', 'calculate_average', 'average_of_list', 'arithmetic_mean', 'compute_average', 'get_average'], 'Return the arithmetic mean of a non-empty list of numbers; an empty list raises ValueError.', 'average, mean, arithmetic mean', 'numbers: list[float]', 'float', `
if not numbers:
    raise ValueError("cannot average an empty list")
return sum(numbers) / len(numbers)`, [[[[1, 2, 3, 4]], 2.5], [[[5]], 5], [[[-1, 1]], 0], { args: [[]], raises: 'ValueError' }]),
  entry('product_of_list', ['product_of_list', 'product', 'multiply_list', 'list_product', 'product_of_numbers', 'multiply_numbers'], 'Return the product of the numbers in a list (1 for an empty list).', 'product, multiply all', 'numbers: list[float]', 'float', `
result = 1
for number in numbers:
    result *= number
return result`, [[[[1, 2, 3, 4]], 24], [[[]], 1], [[[2.5, 2]], 5], [[[0, 7]], 0]]),
  entry('reverse_list', ['reverse_list', 'reversed_list', 'list_reverse', 'reverse_items'], 'Return a new list with the items in reverse order.', 'reverse, backwards', 'items: list[Any]', 'list[Any]', 'return list(reversed(items))', [[[[1, 2, 3]], [3, 2, 1]], [[[]], []], [[['a', 'b']], ['b', 'a']]]),
  entry('remove_duplicates', ['remove_duplicates', 'deduplicate', 'unique', 'unique_items', 'dedupe', 'remove_duplicate_items', 'unique_elements'], 'Return the items without repeats, keeping the first occurrence of each, in order.', 'remove duplicates, unique, distinct, dedupe', 'items: list[Any]', 'list[Any]', `
seen = []
for item in items:
    if item not in seen:
        seen.append(item)
return seen`, [[[[1, 2, 1, 3, 2]], [1, 2, 3]], [[[]], []], [[['b', 'a', 'b']], ['b', 'a']]]),
  entry('sort_numbers', ['sort_numbers', 'sort_list', 'sort_ascending', 'sorted_list', 'bubble_sort', 'sort_numbers_ascending', 'insertion_sort', 'merge_sort', 'quick_sort', 'quicksort'], 'Return a new list of the numbers in ascending order.', 'sort, ascending, order, bubble sort, merge sort, quicksort', 'numbers: list[float]', 'list[float]', 'return sorted(numbers)', [[[[3, 1, 2]], [1, 2, 3]], [[[]], []], [[[2.5, -1, 2.5]], [-1, 2.5, 2.5]]]),
  entry('sort_descending', ['sort_descending', 'sort_numbers_descending', 'reverse_sort'], 'Return a new list of the numbers in descending order.', 'sort descending, largest first', 'numbers: list[float]', 'list[float]', 'return sorted(numbers, reverse=True)', [[[[3, 1, 2]], [3, 2, 1]], [[[]], []]]),
  entry('is_sorted', ['is_sorted', 'check_sorted', 'is_sorted_ascending', 'is_list_sorted'], 'Return True if every item is less than or equal to the next (an empty list is sorted).', 'sorted, in order, ascending', 'items: list[Any]', 'bool', 'return all(items[index] <= items[index + 1] for index in range(len(items) - 1))', [[[[1, 2, 2, 3]], true], [[[3, 1]], false], [[[]], true], [[['a', 'b']], true]]),
  entry('second_largest', ['second_largest', 'find_second_largest', 'find_second_largest_number', 'second_maximum', 'second_largest_number'], 'Return the second largest distinct value of the list; fewer than two distinct values raises ValueError.', 'second largest, runner-up, second maximum', 'items: list[float]', 'float', `
distinct = sorted(set(items), reverse=True)
if len(distinct) < 2:
    raise ValueError("there is no second largest value")
return distinct[1]`, [[[[3, 1, 4, 1, 5]], 4], [[[5, 5, 4]], 4], { args: [[7, 7]], raises: 'ValueError' }], 'whether repeated values count separately'),
  entry('flatten', ['flatten', 'flatten_list', 'flatten_nested_list', 'deep_flatten'], 'Return the items of arbitrarily nested lists as one flat list, in order.', 'flatten, nested list, unnest', 'items: list[Any]', 'list[Any]', `
flat = []
stack = [iter(items)]
while stack:
    for item in stack[-1]:
        if isinstance(item, list):
            stack.append(iter(item))
            break
        flat.append(item)
    else:
        stack.pop()
return flat`, [[[[1, [2, [3, 4]], 5]], [1, 2, 3, 4, 5]], [[[]], []], [[[[], [[]]]], []], [[['a', ['b']]], ['a', 'b']]]),
  entry('chunk_list', ['chunk_list', 'split_into_chunks', 'chunks', 'split_list', 'chunk', 'split_list_into_chunks'], 'Return the list split into consecutive chunks of size n (the last may be shorter); n < 1 raises ValueError.', 'chunks, split list, batches, groups of n', 'items: list[Any], n: int', 'list[list[Any]]', `
if n < 1:
    raise ValueError("chunk size must be at least 1")
return [items[start:start + n] for start in range(0, len(items), n)]`, [[[[1, 2, 3, 4, 5], 2], [[1, 2], [3, 4], [5]]], [[[], 3], []], [[[1, 2], 5], [[1, 2]]], { args: [[1], 0], raises: 'ValueError' }]),
  entry('count_even_numbers', ['count_even_numbers', 'count_evens', 'number_of_even_numbers', 'count_even'], 'Return how many integers in the list are even.', 'count even numbers, evens', 'items: list[int]', 'int', 'return sum(1 for item in items if item % 2 == 0)', [[[[1, 2, 3, 4]], 2], [[[]], 0], [[[-2, 0, 7]], 2]]),
  entry('count_odd_numbers', ['count_odd_numbers', 'count_odds', 'number_of_odd_numbers', 'count_odd'], 'Return how many integers in the list are odd.', 'count odd numbers, odds', 'items: list[int]', 'int', 'return sum(1 for item in items if item % 2 != 0)', [[[[1, 2, 3, 4]], 2], [[[]], 0], [[[-3, 0, 7]], 2]]),
  entry('filter_even_numbers', ['filter_even_numbers', 'even_numbers', 'get_even_numbers', 'filter_evens', 'only_even_numbers'], 'Return the even integers of the list, in order.', 'filter even, keep even numbers', 'items: list[int]', 'list[int]', 'return [item for item in items if item % 2 == 0]', [[[[1, 2, 3, 4]], [2, 4]], [[[]], []], [[[-2, 5]], [-2]]]),
  entry('cumulative_sum', ['cumulative_sum', 'running_sum', 'running_total', 'prefix_sums', 'cumulative_total'], 'Return the running totals of the list: item i is the sum of the first i + 1 numbers.', 'cumulative sum, running total, prefix sum', 'numbers: list[float]', 'list[float]', `
totals = []
total = 0
for number in numbers:
    total += number
    totals.append(total)
return totals`, [[[[1, 2, 3]], [1, 3, 6]], [[[]], []], [[[5, -5]], [5, 0]]]),
  entry('dot_product', ['dot_product', 'inner_product', 'scalar_product'], 'Return the dot product of two equally long vectors; different lengths raise ValueError.', 'dot product, inner product, scalar product, vectors', 'a: list[float], b: list[float]', 'float', `
if len(a) != len(b):
    raise ValueError("vectors must have the same length")
return sum(x * y for x, y in zip(a, b))`, [[[[1, 2, 3], [4, 5, 6]], 32], [[[], []], 0], { args: [[1], [1, 2]], raises: 'ValueError' }]),
  entry('list_difference', ['list_difference', 'difference', 'items_not_in'], 'Return the items of a that are not in b, in their order in a.', 'difference, subtract lists, not in', 'a: list[Any], b: list[Any]', 'list[Any]', 'return [item for item in a if item not in b]', [[[[1, 2, 3, 4], [2, 4]], [1, 3]], [[[], [1]], []]]),
  entry('rotate_list', ['rotate_list', 'rotate', 'rotate_left'], 'Return the list rotated left by k places (k may exceed the length).', 'rotate, shift, circular', 'items: list[Any], k: int', 'list[Any]', `
if not items:
    return []
k %= len(items)
return items[k:] + items[:k]`, [[[[1, 2, 3, 4, 5], 2], [3, 4, 5, 1, 2]], [[[], 3], []], [[[1, 2], 5], [2, 1]]], 'rotating left or right is a matter of convention'),
  entry('range_of_list', ['range_of_list', 'value_range', 'spread', 'max_minus_min'], 'Return the largest minus the smallest number of a non-empty list.', 'range, spread, max minus min', 'numbers: list[float]', 'float', `
if not numbers:
    raise ValueError("the list is empty")
return max(numbers) - min(numbers)`, [[[[3, 9, 1]], 8], [[[4]], 0], { args: [[]], raises: 'ValueError' }]),

  /* ---------------------------------------------------------------- dictionaries */
  entry('merge_dictionaries', ['merge_dictionaries', 'merge_dicts', 'combine_dictionaries', 'merge_two_dictionaries', 'merge'], 'Return a new dict with the entries of a and b; where both have a key, b\'s value wins.', 'merge dictionaries, combine dicts, update', 'a: dict[str, Any], b: dict[str, Any]', 'dict[str, Any]', 'return {**a, **b}', [[[{ x: 1, y: 2 }, { y: 3, z: 4 }], { x: 1, y: 3, z: 4 }], [[{}, {}], {}], [[{ a: 1 }, {}], { a: 1 }]]),
  entry('invert_dictionary', ['invert_dictionary', 'invert_dict', 'swap_keys_and_values', 'reverse_dictionary', 'swap_keys_values'], 'Return a dict mapping each value of mapping to its key (for repeated values the last key wins).', 'invert, swap keys and values, reverse mapping', 'mapping: dict[Any, Any]', 'dict[Any, Any]', 'return {value: key for key, value in mapping.items()}', [[[{ a: 1, b: 2 }], { $dict: [[1, 'a'], [2, 'b']] }], [[{}], {}], [[{ x: 'y' }], { y: 'x' }]]),
  entry('count_occurrences', ['count_occurrences', 'frequency_count', 'count_items', 'item_frequencies', 'count_elements', 'frequencies'], 'Return a dict from each item of the list to how many times it occurs.', 'count occurrences, frequency, histogram, tally', 'items: list[Any]', 'dict[Any, int]', `
counts = {}
for item in items:
    counts[item] = counts.get(item, 0) + 1
return counts`, [[[['a', 'b', 'a']], { a: 2, b: 1 }], [[[]], {}], [[[1, 1, 1]], { $dict: [[1, 3]] }]]),
  entry('zip_to_dict', ['zip_to_dict', 'lists_to_dict', 'make_dict', 'keys_values_to_dict', 'combine_lists_to_dict'], 'Return a dict pairing each key with the value at the same position; different lengths raise ValueError.', 'zip, pair keys with values, two lists to dict', 'keys: list[Any], values: list[Any]', 'dict[Any, Any]', `
if len(keys) != len(values):
    raise ValueError("keys and values must have the same length")
return dict(zip(keys, values))`, [[[['a', 'b'], [1, 2]], { a: 1, b: 2 }], [[[], []], {}], { args: [['a'], []], raises: 'ValueError' }]),
  entry('sum_dictionary_values', ['sum_dictionary_values', 'sum_values', 'sum_dict_values', 'total_of_values'], 'Return the sum of the values of a dict of numbers.', 'sum values, total of dictionary', 'mapping: dict[str, float]', 'float', 'return sum(mapping.values())', [[[{ a: 1, b: 2.5 }], 3.5], [[{}], 0]]),
  entry('key_with_max_value', ['key_with_max_value', 'key_of_max_value', 'max_key', 'argmax_key'], 'Return the key whose value is largest (the first such key on a tie); an empty dict raises ValueError.', 'key with largest value, argmax', 'mapping: dict[str, float]', 'str', `
if not mapping:
    raise ValueError("the dictionary is empty")
best = None
for key, value in mapping.items():
    if best is None or value > mapping[best]:
        best = key
return best`, [[[{ a: 1, b: 5, c: 3 }], 'b'], [[{ x: 2, y: 2 }], 'x'], { args: [{}], raises: 'ValueError' }]),

  /* ---------------------------------------------------------------- searching */
  entry('binary_search', ['binary_search', 'search_sorted', 'bisect_search'], 'Return the index of target in the ascending list items, or -1 if it is absent.', 'binary search, bisect, search sorted list, find index', 'items: list[int], target: int', 'int', `
low, high = 0, len(items) - 1
while low <= high:
    middle = (low + high) // 2
    if items[middle] == target:
        return middle
    if items[middle] < target:
        low = middle + 1
    else:
        high = middle - 1
return -1`, [[[[1, 3, 5, 7, 9], 7], 3], [[[1, 3, 5], 4], -1], [[[], 1], -1], [[[2], 2], 0]]),
  entry('linear_search', ['linear_search', 'index_of', 'find_index_of', 'sequential_search'], 'Return the index of the first item equal to target, or -1 if there is none.', 'linear search, index of, position of', 'items: list[Any], target: Any', 'int', `
for index, item in enumerate(items):
    if item == target:
        return index
return -1`, [[[[4, 2, 4], 4], 0], [[['a', 'b'], 'b'], 1], [[[], 1], -1]]),
  entry('merge_sorted_lists', ['merge_sorted_lists', 'merge_sorted', 'merge_two_sorted_lists', 'merge_sorted_arrays', 'merge_two_sorted_arrays'], 'Return one ascending list from two ascending lists.', 'merge sorted lists, merge step', 'a: list[float], b: list[float]', 'list[float]', `
merged = []
i = j = 0
while i < len(a) and j < len(b):
    if a[i] <= b[j]:
        merged.append(a[i])
        i += 1
    else:
        merged.append(b[j])
        j += 1
return merged + a[i:] + b[j:]`, [[[[1, 3, 5], [2, 4]], [1, 2, 3, 4, 5]], [[[], [1]], [1]], [[[], []], []]]),
  entry('kth_smallest', ['kth_smallest', 'find_kth_smallest', 'kth_smallest_element'], 'Return the k-th smallest item (k counts from 1); k outside 1..len raises ValueError.', 'kth smallest, order statistic', 'items: list[float], k: int', 'float', `
if k < 1 or k > len(items):
    raise ValueError("k is out of range")
return sorted(items)[k - 1]`, [[[[7, 2, 9, 4], 2], 4], [[[5], 1], 5], { args: [[1, 2], 3], raises: 'ValueError' }]),

  /* ---------------------------------------------------------------- dates */
  entry('is_leap_year', ['is_leap_year', 'leap_year', 'check_leap_year', 'is_leap'], 'Return True if year is a leap year in the Gregorian calendar.', 'leap year, february 29', 'year: int', 'bool', 'return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)', [[[2024], true], [[1900], false], [[2000], true], [[2023], false]]),
  entry('days_between', ['days_between', 'days_between_dates', 'count_days', 'get_count_days', 'number_of_days_between', 'days_between_two_dates', 'date_difference'], 'Return the number of days between two ISO dates (YYYY-MM-DD), never negative.', 'days between dates, date difference', 'start: str, end: str', 'int', `
from datetime import date
return abs((date.fromisoformat(end) - date.fromisoformat(start)).days)`, [[['2024-01-01', '2024-03-01'], 60], [['2024-03-01', '2024-01-01'], 60], [['2023-05-05', '2023-05-05'], 0]]),
  entry('day_of_week', ['day_of_week', 'weekday_name', 'get_day_of_week', 'weekday'], 'Return the English name of the weekday of an ISO date (YYYY-MM-DD), e.g. "Monday".', 'day of week, weekday', 'iso_date: str', 'str', `
from datetime import date
names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
return names[date.fromisoformat(iso_date).weekday()]`, [[['2024-01-01'], 'Monday'], [['2000-02-29'], 'Tuesday'], [['2023-12-31'], 'Sunday']]),
  entry('days_in_month', ['days_in_month', 'number_of_days_in_month', 'month_length', 'get_days_in_month'], 'Return how many days the month (1–12) of the year has; another month raises ValueError.', 'days in month, month length', 'year: int, month: int', 'int', `
if not 1 <= month <= 12:
    raise ValueError("month must be between 1 and 12")
if month == 2:
    return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
return 30 if month in (4, 6, 9, 11) else 31`, [[[2024, 2], 29], [[2023, 2], 28], [[2023, 4], 30], [[2023, 12], 31], { args: [2023, 13], raises: 'ValueError' }]),
  entry('add_days', ['add_days', 'add_days_to_date', 'date_plus_days', 'shift_date'], 'Return the ISO date (YYYY-MM-DD) that is days days after iso_date (before it when negative).', 'add days, date arithmetic', 'iso_date: str, days: int', 'str', `
from datetime import date, timedelta
return (date.fromisoformat(iso_date) + timedelta(days=days)).isoformat()`, [[['2024-02-28', 1], '2024-02-29'], [['2024-01-01', -1], '2023-12-31'], [['2023-12-31', 0], '2023-12-31']]),
  entry('age_in_years', ['age_in_years', 'calculate_age', 'compute_age', 'get_age', 'age'], 'Return the completed years between the ISO birth date and the ISO date on.', 'age, years old, birthday', 'birth_date: str, on: str', 'int', `
from datetime import date
born = date.fromisoformat(birth_date)
today = date.fromisoformat(on)
return today.year - born.year - ((today.month, today.day) < (born.month, born.day))`, [[['2000-06-15', '2024-06-14'], 23], [['2000-06-15', '2024-06-15'], 24], [['2024-01-01', '2024-01-01'], 0]]),

  /* ---------------------------------------------------------------- conversions */
  entry('celsius_to_fahrenheit', ['celsius_to_fahrenheit', 'c_to_f', 'convert_celsius_to_fahrenheit', 'to_fahrenheit'], 'Return the temperature in degrees Fahrenheit for celsius degrees Celsius.', 'celsius, fahrenheit, temperature', 'celsius: float', 'float', 'return celsius * 9 / 5 + 32', [[[0], 32], [[100], 212], [[-40], -40], [[37], 98.6]]),
  entry('fahrenheit_to_celsius', ['fahrenheit_to_celsius', 'f_to_c', 'convert_fahrenheit_to_celsius', 'to_celsius'], 'Return the temperature in degrees Celsius for fahrenheit degrees Fahrenheit.', 'fahrenheit, celsius, temperature', 'fahrenheit: float', 'float', 'return (fahrenheit - 32) * 5 / 9', [[[32], 0], [[212], 100], [[-40], -40], [[98.6], 37]]),
  entry('celsius_to_kelvin', ['celsius_to_kelvin', 'c_to_k', 'convert_celsius_to_kelvin'], 'Return the temperature in kelvin for celsius degrees Celsius.', 'celsius, kelvin, temperature', 'celsius: float', 'float', 'return celsius + 273.15', [[[0], 273.15], [[-273.15], 0], [[100], 373.15]]),
  entry('kilometers_to_miles', ['kilometers_to_miles', 'km_to_miles', 'convert_kilometers_to_miles'], 'Return the distance in miles for kilometers km (1 mile = 1.609344 km).', 'kilometers, miles, distance', 'kilometers: float', 'float', 'return kilometers / 1.609344', [[[0], 0], [[1.609344], 1], [[100], 62.13711922373339]]),
  entry('miles_to_kilometers', ['miles_to_kilometers', 'miles_to_km', 'convert_miles_to_kilometers'], 'Return the distance in kilometers for miles miles (1 mile = 1.609344 km).', 'miles, kilometers, distance', 'miles: float', 'float', 'return miles * 1.609344', [[[0], 0], [[1], 1.609344], [[10], 16.09344]]),
  entry('kilograms_to_pounds', ['kilograms_to_pounds', 'kg_to_lb', 'kg_to_pounds', 'convert_kilograms_to_pounds'], 'Return the mass in pounds for kilograms kg (1 lb = 0.45359237 kg).', 'kilograms, pounds, weight, mass', 'kilograms: float', 'float', 'return kilograms / 0.45359237', [[[0], 0], [[0.45359237], 1], [[1], 2.2046226218487757]]),
  entry('decimal_to_binary', ['decimal_to_binary', 'to_binary', 'int_to_binary', 'integer_to_binary', 'convert_to_binary', 'number_to_binary'], 'Return the binary digits of n without a prefix ("-" first for a negative n).', 'binary, base 2, convert to binary', 'n: int', 'str', `
if n == 0:
    return "0"
digits = []
value = abs(n)
while value:
    digits.append(str(value % 2))
    value //= 2
return ("-" if n < 0 else "") + "".join(reversed(digits))`, [[[10], '1010'], [[0], '0'], [[1], '1'], [[255], '11111111'], [[-5], '-101']]),
  entry('binary_to_decimal', ['binary_to_decimal', 'from_binary', 'binary_to_int', 'binary_to_integer', 'parse_binary'], 'Return the integer a string of binary digits stands for; other characters raise ValueError.', 'binary, base 2, parse binary', 'binary: str', 'int', `
if binary == "" or any(char not in "01" for char in binary):
    raise ValueError("not a binary number: " + repr(binary))
value = 0
for char in binary:
    value = value * 2 + (1 if char == "1" else 0)
return value`, [[['1010'], 10], [['0'], 0], [['11111111'], 255], { args: ['102'], raises: 'ValueError' }]),
  entry('decimal_to_hexadecimal', ['decimal_to_hexadecimal', 'to_hex', 'int_to_hex', 'decimal_to_hex', 'integer_to_hex'], 'Return the hexadecimal digits of a non-negative n, lower case and without a prefix.', 'hexadecimal, hex, base 16', 'n: int', 'str', `
if n < 0:
    raise ValueError("n must not be negative")
return format(n, "x")`, [[[255], 'ff'], [[0], '0'], [[4096], '1000']], 'upper or lower case digits, and a 0x prefix or not, vary'),
  entry('roman_to_integer', ['roman_to_integer', 'roman_to_int', 'from_roman', 'parse_roman_numeral', 'roman_numeral_to_integer'], 'Return the integer a Roman numeral (I, V, X, L, C, D, M; subtractive notation) stands for.', 'roman numerals, roman to integer', 'roman: str', 'int', `
values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
if roman == "" or any(char not in values for char in roman):
    raise ValueError("not a Roman numeral: " + repr(roman))
total = 0
for index, char in enumerate(roman):
    value = values[char]
    if index + 1 < len(roman) and values[roman[index + 1]] > value:
        total -= value
    else:
        total += value
return total`, [[['III'], 3], [['IV'], 4], [['MCMXCIV'], 1994], [['LVIII'], 58], { args: ['ABC'], raises: 'ValueError' }]),
  entry('integer_to_roman', ['integer_to_roman', 'int_to_roman', 'to_roman', 'to_roman_numeral', 'number_to_roman'], 'Return the Roman numeral for n in 1..3999; other values raise ValueError.', 'roman numerals, integer to roman', 'n: int', 'str', `
if not 1 <= n <= 3999:
    raise ValueError("Roman numerals cover 1 to 3999")
numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
parts = []
for value, numeral in numerals:
    while n >= value:
        parts.append(numeral)
        n -= value
return "".join(parts)`, [[[3], 'III'], [[4], 'IV'], [[1994], 'MCMXCIV'], [[3999], 'MMMCMXCIX'], { args: [0], raises: 'ValueError' }]),

  /* ---------------------------------------------------------------- statistics and geometry */
  entry('median', ['median', 'find_median', 'calculate_median', 'compute_median', 'median_of_list', 'get_median'], 'Return the median of a non-empty list (the mean of the two middle values for an even count).', 'median, middle value', 'numbers: list[float]', 'float', `
if not numbers:
    raise ValueError("cannot take the median of an empty list")
ordered = sorted(numbers)
middle = len(ordered) // 2
if len(ordered) % 2:
    return ordered[middle]
return (ordered[middle - 1] + ordered[middle]) / 2`, [[[[3, 1, 2]], 2], [[[4, 1, 3, 2]], 2.5], [[[7]], 7], { args: [[]], raises: 'ValueError' }]),
  entry('mode', ['mode', 'find_mode', 'most_common', 'most_frequent', 'most_frequent_item', 'most_common_element'], 'Return the most frequent item (the one seen first on a tie); an empty list raises ValueError.', 'mode, most common, most frequent', 'items: list[Any]', 'Any', `
if not items:
    raise ValueError("cannot take the mode of an empty list")
counts = {}
for item in items:
    counts[item] = counts.get(item, 0) + 1
best = items[0]
for item in items:
    if counts[item] > counts[best]:
        best = item
return best`, [[[[1, 2, 2, 3]], 2], [[['a', 'b', 'b', 'a']], 'a'], [[[5]], 5]], 'which value wins a tie varies'),
  entry('population_standard_deviation', ['population_standard_deviation', 'pstdev', 'population_std'], 'Return the population standard deviation (dividing by n) of a non-empty list.', 'standard deviation, population, spread', 'numbers: list[float]', 'float', `
if not numbers:
    raise ValueError("the list is empty")
mean = sum(numbers) / len(numbers)
return (sum((number - mean) ** 2 for number in numbers) / len(numbers)) ** 0.5`, [[[[2, 4, 4, 4, 5, 5, 7, 9]], 2], [[[5]], 0], [[[1, 2, 3, 4]], 1.118033988749895]], 'population and sample standard deviation differ'),
  entry('sample_standard_deviation', ['sample_standard_deviation', 'stdev', 'sample_std'], 'Return the sample standard deviation (dividing by n - 1) of a list of at least two numbers.', 'standard deviation, sample, spread', 'numbers: list[float]', 'float', `
if len(numbers) < 2:
    raise ValueError("need at least two numbers")
mean = sum(numbers) / len(numbers)
return (sum((number - mean) ** 2 for number in numbers) / (len(numbers) - 1)) ** 0.5`, [[[[2, 4, 4, 4, 5, 5, 7, 9]], 2.138089935299395], [[[1, 2, 3, 4]], 1.2909944487358056], { args: [[1]], raises: 'ValueError' }], 'population and sample standard deviation differ'),
  entry('variance', ['variance', 'population_variance', 'pvariance'], 'Return the population variance (dividing by n) of a non-empty list.', 'variance, spread', 'numbers: list[float]', 'float', `
if not numbers:
    raise ValueError("the list is empty")
mean = sum(numbers) / len(numbers)
return sum((number - mean) ** 2 for number in numbers) / len(numbers)`, [[[[2, 4, 4, 4, 5, 5, 7, 9]], 4], [[[5]], 0]], 'population and sample variance differ'),
  entry('area_of_circle', ['area_of_circle', 'circle_area', 'calculate_circle_area', 'area_circle'], 'Return the area of a circle of the given radius (pi r squared).', 'area of circle, circle, pi', 'radius: float', 'float', `
import math
return math.pi * radius ** 2`, [[[1], 3.141592653589793], [[0], 0], [[2], 12.566370614359172]]),
  entry('hypotenuse', ['hypotenuse', 'pythagoras', 'hypotenuse_length'], 'Return the length of the hypotenuse of a right triangle with legs a and b.', 'hypotenuse, pythagoras, right triangle', 'a: float, b: float', 'float', `
import math
return math.hypot(a, b)`, [[[3, 4], 5], [[5, 12], 13], [[0, 0], 0]]),
  entry('square', ['square', 'square_number', 'square_of_number', 'compute_square'], 'Return n multiplied by itself.', 'square, squared, times itself', 'n: int', 'int', 'return n * n', [[[3], 9], [[-4], 16], [[1.5], 2.25]]),
  entry('percentage', ['percentage', 'percent', 'calculate_percentage', 'compute_percentage'], 'Return part as a percentage of whole; a whole of 0 raises ZeroDivisionError.', 'percentage, percent, ratio', 'part: float, whole: float', 'float', 'return part / whole * 100', [[[1, 4], 25], [[3, 3], 100], { args: [1, 0], raises: 'ZeroDivisionError' }]),
  entry('clamp', ['clamp', 'clamp_value', 'limit_value', 'bound'], 'Return value limited to the range low..high.', 'clamp, limit, bound, restrict to range', 'value: float, low: float, high: float', 'float', 'return max(low, min(value, high))', [[[5, 0, 10], 5], [[-1, 0, 10], 0], [[11, 0, 10], 10]]),
  entry('absolute_value', ['absolute_value', 'abs_value', 'absolute'], 'Return the absolute value of n.', 'absolute value, magnitude, distance from zero', 'n: int', 'int', 'return -n if n < 0 else n', [[[-5], 5], [[3.5], 3.5], [[0], 0]]),
  entry('add', ['add', 'add_two_numbers', 'sum_two_numbers', 'add_numbers_together', 'plus'], 'Return the sum of a and b.', 'add, plus, sum of two numbers', 'a: int, b: int', 'int', 'return a + b', [[[1, 2], 3], [[-4, 4], 0], [[2.5, 0.5], 3]]),
  entry('multiply', ['multiply', 'multiply_two_numbers', 'product_of_two_numbers', 'times'], 'Return a multiplied by b.', 'multiply, times, product of two numbers', 'a: int, b: int', 'int', 'return a * b', [[[3, 4], 12], [[-2, 5], -10], [[0, 9], 0]]),
  entry('is_negative', ['is_negative', 'check_negative', 'is_negative_number'], 'Return True if n is less than zero.', 'negative, below zero', 'n: int', 'bool', 'return n < 0', [[[-3], true], [[0], false], [[5], false]]),
  entry('is_positive', ['is_positive', 'check_positive', 'is_positive_number'], 'Return True if n is greater than zero.', 'positive, above zero', 'n: int', 'bool', 'return n > 0', [[[3], true], [[0], false], [[-5], false]]),
  entry('area_of_rectangle', ['area_of_rectangle', 'rectangle_area', 'calculate_rectangle_area'], 'Return the area of a rectangle: width times height.', 'area of rectangle, rectangle', 'width: float, height: float', 'float', 'return width * height', [[[3, 4], 12], [[2.5, 2], 5], [[0, 7], 0]]),
  entry('sum_of_squares', ['sum_of_squares', 'sum_squares', 'squares_sum'], 'Return the sum of the squares of the numbers in a list (0 for an empty list).', 'sum of squares, squared values', 'numbers: list[float]', 'float', 'return sum(number * number for number in numbers)', [[[[1, 2, 3]], 14], [[[]], 0], [[[-2, 0.5]], 4.25]]),
  entry('contains_duplicates', ['contains_duplicates', 'has_duplicates', 'check_duplicates', 'has_duplicate'], 'Return True if some item occurs more than once in the list.', 'duplicates, repeated items, unique check', 'items: list[Any]', 'bool', `
seen = []
for item in items:
    if item in seen:
        return True
    seen.append(item)
return False`, [[[[1, 2, 3, 1]], true], [[[1, 2, 3]], false], [[[]], false], [[['a', 'b', 'a']], true]]),
  entry('all_unique', ['all_unique', 'are_unique', 'is_unique', 'all_elements_unique', 'has_no_duplicates', 'are_all_unique'], 'Return True if no item occurs more than once in the list (True for an empty list).', 'unique, distinct, no duplicates', 'items: list[Any]', 'bool', `
seen = []
for item in items:
    if item in seen:
        return False
    seen.append(item)
return True`, [[[[1, 2, 3]], true], [[[1, 2, 1]], false], [[[]], true], [[['a', 'b']], true]]),
  entry('second_smallest', ['second_smallest', 'find_second_smallest', 'second_smallest_number', 'second_minimum'], 'Return the second smallest distinct value of the list; fewer than two distinct values raises ValueError.', 'second smallest, second minimum', 'items: list[float]', 'float', `
distinct = sorted(set(items))
if len(distinct) < 2:
    raise ValueError("there is no second smallest value")
return distinct[1]`, [[[[3, 1, 4, 1, 5]], 3], [[[4, 4, 5]], 5], { args: [[7, 7]], raises: 'ValueError' }], 'whether repeated values count separately'),
  entry('count_uppercase_letters', ['count_uppercase_letters', 'count_uppercase', 'count_capital_letters', 'number_of_uppercase_letters', 'uppercase_count'], 'Return how many upper-case letters s contains.', 'uppercase letters, capital letters, count capitals', 's: str', 'int', 'return sum(1 for char in s if char.isupper())', [[['Hello World'], 2], [['abc'], 0], [['ABC def G'], 4], [[''], 0]]),
  entry('count_lowercase_letters', ['count_lowercase_letters', 'count_lowercase', 'count_small_letters', 'number_of_lowercase_letters', 'lowercase_count'], 'Return how many lower-case letters s contains.', 'lowercase letters, small letters', 's: str', 'int', 'return sum(1 for char in s if char.islower())', [[['Hello World'], 8], [['ABC'], 0], [[''], 0]]),
  entry('is_vowel', ['is_vowel', 'check_vowel', 'is_a_vowel'], 'Return True if char is one of the vowels a, e, i, o, u in either case.', 'vowel check, is vowel', 'char: str', 'bool', 'return len(char) == 1 and char.lower() in "aeiou"', [[['a'], true], [['E'], true], [['b'], false], [['y'], false], [[''], false]]),
  entry('is_alpha', ['is_alpha', 'contains_only_letters', 'is_all_letters', 'only_letters', 'is_alphabetic', 'has_only_letters'], 'Return True if s is not empty and every character of it is a letter.', 'only letters, alphabetic, letters only', 's: str', 'bool', 'return s.isalpha()', [[['hello'], true], [['hello world'], false], [['abc1'], false], [[''], false]], 'whether an empty string counts as only letters'),
  entry('remove_punctuation', ['remove_punctuation', 'strip_punctuation', 'delete_punctuation'], 'Return s without the ASCII punctuation characters (string.punctuation).', 'punctuation, strip punctuation', 's: str', 'str', 'return "".join(char for char in s if char not in "!\\"#$%&\'()*+,-./:;<=>?@[\\\\]^_`{|}~")', [[['Hello, world!'], 'Hello world'], [['no punctuation'], 'no punctuation'], [["it's (fine)."], 'its fine'], [[''], '']]),
  entry('longest_common_prefix', ['longest_common_prefix', 'common_prefix', 'find_longest_common_prefix'], 'Return the longest string that every string of the list starts with ("" for an empty list).', 'common prefix, longest prefix', 'strings: list[str]', 'str', `
if not strings:
    return ""
prefix = strings[0]
for text in strings[1:]:
    while not text.startswith(prefix):
        prefix = prefix[:-1]
return prefix`, [[[['flower', 'flow', 'flight']], 'fl'], [[['dog', 'racecar', 'car']], ''], [[['same']], 'same'], [[[]], '']]),
  entry('capitalize_first_letter', ['capitalize_first_letter', 'capitalize_first', 'capitalize_string', 'uppercase_first_letter'], 'Return s with its first character in upper case and the rest unchanged.', 'capitalize first letter, sentence case', 's: str', 'str', 'return s[:1].upper() + s[1:]', [[['hello world'], 'Hello world'], [['hELLO'], 'HELLO'], [[''], '']]),
  entry('repeat_string', ['repeat_string', 'repeat', 'repeat_text'], 'Return s repeated n times ("" when n is 0 or less).', 'repeat, duplicate string, n times', 's: str, n: int', 'str', 'return s * n', [[['ab', 3], 'ababab'], [['x', 0], ''], [['', 5], '']]),
  entry('count_lines', ['count_lines', 'number_of_lines', 'line_count'], 'Return the number of lines in text, as str.splitlines counts them (a final line break does not start a new line).', 'lines, count lines, line count', 'text: str', 'int', 'return len(text.splitlines())', [[['a\nb\nc'], 3], [['a\nb\n'], 2], [[''], 0], [['one line'], 1]]),
  entry('absolute_difference', ['absolute_difference', 'abs_difference', 'absolute_diff', 'distance_between_numbers'], 'Return the absolute difference |a - b| of two numbers.', 'absolute difference, distance between numbers', 'a: float, b: float', 'float', 'return abs(a - b)', [[[3, 8], 5], [[8, 3], 5], [[-2, 2], 4], [[1.5, 1.5], 0]]),
  entry('hours_to_minutes', ['hours_to_minutes', 'convert_hours_to_minutes'], 'Return the number of minutes in the given hours.', 'hours to minutes, time conversion', 'hours: float', 'float', 'return hours * 60', [[[1], 60], [[2.5], 150], [[0], 0]]),
  entry('minutes_to_hours', ['minutes_to_hours', 'convert_minutes_to_hours'], 'Return the number of hours in the given minutes.', 'minutes to hours, time conversion', 'minutes: float', 'float', 'return minutes / 60', [[[60], 1], [[90], 1.5], [[0], 0]]),
  entry('perimeter_of_rectangle', ['perimeter_of_rectangle', 'rectangle_perimeter', 'calculate_rectangle_perimeter'], 'Return the perimeter of a rectangle: twice width plus height.', 'perimeter of rectangle, rectangle', 'width: float, height: float', 'float', 'return 2 * (width + height)', [[[3, 4], 14], [[2.5, 1], 7], [[0, 0], 0]]),
  entry('area_of_triangle', ['area_of_triangle', 'triangle_area', 'calculate_triangle_area'], 'Return the area of a triangle from its base and height: base times height over 2.', 'area of triangle, triangle', 'base: float, height: float', 'float', 'return base * height / 2', [[[10, 5], 25], [[3, 4], 6], [[0, 9], 0]]),
  entry('tuple_min_max', ['min_max', 'find_min_max', 'min_and_max'], 'Return (smallest, largest) of a non-empty list.', 'min and max, extremes', 'numbers: list[float]', 'tuple[float, float]', `
if not numbers:
    raise ValueError("the list is empty")
return (min(numbers), max(numbers))`, [[[[3, 1, 2]], tuple(1, 3)], [[[5]], tuple(5, 5)], { args: [[]], raises: 'ValueError' }]),
];

export const BUILTIN_ENTRIES: LibraryEntry[] = ENTRIES.map((item) => (SYMMETRIC.has(item.id) ? { ...item, symmetric: true } : item));
