import { describe, expect, it } from 'vitest';
import { ArkError } from '../../shared/errors';
import { Spec } from '../../shared/spec';
import { parseRequest } from './plainWords';

// [request, name, parameters as "name: type", return type]. The requests are phrasings people use, not the tables'
// own words: most of these sentences appear nowhere in the vocabulary.
const CASES: [string, string, string[], string][] = [
  ['create a function that checks if a number is prime', 'is_prime', ['n: int'], 'bool'],
  ['a prime number checker', 'is_prime', ['n: int'], 'bool'],
  ['is palindrome', 'is_palindrome', ['s: str'], 'bool'],
  ['palindrome checker', 'is_palindrome', ['s: str'], 'bool'],
  ['check whether two strings are anagrams', 'are_anagrams', ['a: str', 'b: str'], 'bool'],
  ['a function that takes two strings and returns whether they are anagrams', 'are_anagrams', ['a: str', 'b: str'], 'bool'],
  ['check if a year is a leap year', 'is_leap_year', ['year: int'], 'bool'],
  ['check if a given string is a pangram', 'is_pangram', ['s: str'], 'bool'],
  ['determine whether a number is even', 'is_even', ['n: int'], 'bool'],
  ['make a function which determines whether a string contains only digits', 'contains_only_digits', ['s: str'], 'bool'],
  ['check if all elements in a list are unique', 'are_unique', ['items: list[Any]'], 'bool'],
  ['function that returns true if a list is sorted', 'is_sorted', ['items: list[Any]'], 'bool'],
  ['check if a string starts with a vowel', 'starts_with_vowel', ['s: str'], 'bool'],
  ['check if a number is a perfect square', 'is_perfect_square', ['n: int'], 'bool'],
  ['check if two lists have any common elements', 'has_common_elements', ['a: list[Any]', 'b: list[Any]'], 'bool'],
  ['email validator', 'is_valid_email', ['email: str'], 'bool'],
  ['check if a string is a palindrome ignoring case', 'is_palindrome', ['s: str'], 'bool'],
  ['fibonacci', 'fibonacci', ['n: int'], 'int'],
  ['Write a Python function that returns the nth Fibonacci number', 'fibonacci', ['n: int'], 'int'],
  ['factorial of n', 'factorial', ['n: int'], 'int'],
  ['Write a function that calculates the factorial of a number', 'factorial', ['n: int'], 'int'],
  ['gcd of two numbers', 'gcd', ['a: int', 'b: int'], 'int'],
  ['I need a function to compute the greatest common divisor of two integers', 'gcd', ['a: int', 'b: int'], 'int'],
  ['calculate the gcd of a and b', 'gcd', ['a: int', 'b: int'], 'int'],
  ['sum of a list of numbers', 'sum_numbers', ['numbers: list[float]'], 'float'],
  ['a function that takes a list of numbers and returns their average', 'average', ['numbers: list[float]'], 'float'],
  ['calculate the mean of a list of floats', 'mean', ['numbers: list[float]'], 'float'],
  ['given a list of integers, return the product of all elements', 'product', ['numbers: list[int]'], 'int'],
  ['Return the sum of all even numbers in a list', 'sum_of_even_numbers', ['items: list[int]'], 'int'],
  ['return the sum of digits of a number', 'sum_of_digits', ['n: int'], 'int'],
  ['add two numbers', 'add', ['a: int', 'b: int'], 'int'],
  ['sum two numbers', 'sum_numbers', ['a: int', 'b: int'], 'int'],
  ['find the maximum in a list', 'find_maximum', ['items: list[float]'], 'float'],
  ['find the smallest number in an array of integers', 'find_smallest_number', ['numbers: list[int]'], 'int'],
  ['find the second largest number in a list', 'find_second_largest_number', ['items: list[float]'], 'float'],
  ['count vowels in a string', 'count_vowels', ['s: str'], 'int'],
  ['vowel counter', 'count_vowels', ['s: str'], 'int'],
  ['count the number of words in a sentence', 'count_words', ['sentence: str'], 'int'],
  ['count the occurrences of a word in a text', 'count_occurrences', ['word: str', 'text: str'], 'int'],
  ['count how many times a character appears in a string', 'count_character', ['s: str', 'char: str'], 'int'],
  ['count the frequency of each word in a string', 'word_frequencies', ['s: str'], 'dict[str, int]'],
  ['return the length of the longest word in a sentence', 'length_of_longest_word', ['sentence: str'], 'int'],
  ['return the first non-repeating character in a string', 'first_non_repeating_character', ['s: str'], 'str'],
  ['find all primes up to n', 'find_primes', ['n: int'], 'list[int]'],
  ['generate a list of prime numbers below n', 'generate_prime_numbers', ['n: int'], 'list[int]'],
  ['generate the first n fibonacci numbers', 'generate_first_fibonacci_numbers', ['n: int'], 'list[int]'],
  ['calculate the area of a circle given its radius', 'area_of_circle', ['radius: float'], 'float'],
  ['compute the distance between two points', 'distance', ['a: tuple[float, float]', 'b: tuple[float, float]'], 'float'],
  ['calculate the bmi given weight and height', 'bmi', ['weight: float', 'height: float'], 'float'],
  ['return the number of days between two dates', 'count_days', ['a: str', 'b: str'], 'int'],
  ['reverse a string', 'reverse_string', ['s: str'], 'str'],
  ['write a function to reverse a string', 'reverse_string', ['s: str'], 'str'],
  ['reverse the words in a sentence', 'reverse_words', ['sentence: str'], 'str'],
  ['reverse the order of the words in a sentence', 'reverse_words', ['sentence: str'], 'str'],
  ['reverse each word in a sentence', 'reverse_each_word', ['sentence: str'], 'str'],
  ['remove duplicates from a list', 'remove_duplicates', ['items: list[Any]'], 'list[Any]'],
  ['remove all vowels from a string', 'remove_vowels', ['s: str'], 'str'],
  ['filter even numbers from a list', 'filter_even_numbers', ['items: list[int]'], 'list[int]'],
  ['sort a list of numbers in descending order', 'sort_numbers_descending', ['numbers: list[float]'], 'list[float]'],
  ['merge two sorted lists', 'merge_sorted_lists', ['a: list[Any]', 'b: list[Any]'], 'list[Any]'],
  ['merge two sorted lists into one sorted list', 'merge_sorted_lists', ['a: list[Any]', 'b: list[Any]'], 'list[Any]'],
  ['concatenate two strings into a single string', 'concatenate_strings', ['a: str', 'b: str'], 'str'],
  ['sum all even numbers in a list', 'sum_even_numbers', ['items: list[int]'], 'int'],
  ['sum the numbers in a list', 'sum_numbers', ['items: list[float]'], 'float'],
  ['truncate a string to n characters', 'truncate_string', ['s: str', 'n: int'], 'str'],
  ['repeat a string n times', 'repeat_string', ['s: str', 'n: int'], 'str'],
  ['rotate a list by k positions', 'rotate_list', ['items: list[Any]', 'k: int'], 'list[Any]'],
  ['remove all occurrences of a value from a list', 'remove_occurrences', ['value: Any', 'items: list[Any]'], 'list[Any]'],
  ['find the intersection of two lists', 'find_intersection', ['a: list[Any]', 'b: list[Any]'], 'list[Any]'],
  ['check if a string starts with a given prefix', 'starts_with_prefix', ['s: str', 'prefix: str'], 'bool'],
  ['check if a list contains a given value', 'contains_value', ['items: list[Any]', 'value: Any'], 'bool'],
  ['check if a string starts with a vowel', 'starts_with_vowel', ['s: str'], 'bool'],
  ['round a number to two decimal places', 'round_to_two_decimal_places', ['n: float'], 'float'],
  ['round a number to the nearest integer', 'round_to_nearest_integer', ['n: float'], 'int'],
  ['compute the cumulative product of a list', 'cumulative_product', ['items: list[float]'], 'list[float]'],
  ['get the file extension from a filename', 'get_file_extension', ['filename: str'], 'str'],
  ['split a sentence into words', 'split_into_words', ['sentence: str'], 'list[str]'],
  ['join a list of strings with a separator', 'join_strings', ['strings: list[str]', 'separator: str'], 'str'],
  ['rotate a list by k positions', 'rotate_list', ['items: list[Any]', 'k: int'], 'list[Any]'],
  ['remove all occurrences of a value from a list', 'remove_occurrences', ['value: Any', 'items: list[Any]'], 'list[Any]'],
  ['find the intersection of two lists', 'find_intersection', ['a: list[Any]', 'b: list[Any]'], 'list[Any]'],
  ['check if a string starts with a given prefix', 'starts_with_prefix', ['s: str', 'prefix: str'], 'bool'],
  ['check if a list contains a given value', 'contains_value', ['items: list[Any]', 'value: Any'], 'bool'],
  ['check if a string starts with a vowel', 'starts_with_vowel', ['s: str'], 'bool'],
  ['round a number to two decimal places', 'round_to_two_decimal_places', ['n: float'], 'float'],
  ['round a number to the nearest integer', 'round_to_nearest_integer', ['n: float'], 'int'],
  ['compute the cumulative product of a list', 'cumulative_product', ['items: list[float]'], 'list[float]'],
  ['get the file extension from a filename', 'get_file_extension', ['filename: str'], 'str'],
  ['truncate a string to a given length', 'truncate_string', ['s: str', 'length: int'], 'str'],
  ['chunk a list into groups of size n', 'chunk_into_groups', ['items: list[Any]', 'n: int'], 'list[list[Any]]'],
  ['Can you write me a function that squares every number in a list?', 'square_numbers', ['items: list[int]'], 'list[int]'],
  ['make a function that capitalizes every word in a sentence', 'capitalize_words', ['sentence: str'], 'str'],
  ['swap two numbers', 'swap_numbers', ['a: int', 'b: int'], 'tuple[int, int]'],
  ['celsius to fahrenheit', 'celsius_to_fahrenheit', ['celsius: float'], 'float'],
  ['convert kilometers to miles', 'kilometers_to_miles', ['kilometers: float'], 'float'],
  ['convert a decimal number to binary', 'decimal_to_binary', ['n: int'], 'str'],
  ['convert binary to decimal', 'binary_to_decimal', ['binary: str'], 'int'],
  ['convert a string to uppercase', 'string_to_uppercase', ['s: str'], 'str'],
  ['convert a list of strings to integers', 'strings_to_integers', ['strings: list[str]'], 'list[int]'],
  ['implement binary search', 'binary_search', ['items: list[int]', 'target: int'], 'int'],
  ['bubble sort', 'bubble_sort', ['items: list[int]'], 'list[int]'],
  ['tokenise a sentence', 'tokenise_sentence', ['sentence: str'], 'list[str]'],
];

function signature(result: ReturnType<typeof parseRequest>): [string, string[], string] {
  return [result.spec.name, result.spec.parameters.map((parameter) => `${parameter.name}: ${parameter.type}`), result.spec.returns.type];
}

describe('parseRequest', () => {
  it.each(CASES)('%s', (request, name, parameters, returns) => {
    const result = parseRequest(request, 'python');
    expect(signature(result)).toEqual([name, parameters, returns]);
    expect(result.confidence).toBeGreaterThanOrEqual(0.6);
    expect(() => Spec.parse(result.spec)).not.toThrow();
  });

  it('explains each inference so the UI can show and correct it', () => {
    const result = parseRequest('check if a number is prime', 'python');
    expect(result.inferred).toEqual([
      { field: 'name', value: 'is_prime', reason: 'a yes/no question: "is prime"' },
      { field: 'parameters[0]', value: 'n: int', reason: '"number" → int: "prime" is about whole numbers' },
      { field: 'returns.type', value: 'bool', reason: '"check" asks a yes/no question' },
    ]);
    expect(result.spec.description).toBe('Return True if a number is prime, otherwise False.');
    expect(result.spec.returns.description).toBe('True if a number is prime, otherwise False.');
    expect(result.warnings).toEqual(['There are no examples yet; add some, since they become the tests.']);
  });

  it('names things in camelCase for TypeScript and honours an explicit name', () => {
    expect(signature(parseRequest('check whether two strings are anagrams', 'typescript'))).toEqual(['areAnagrams', ['a: str', 'b: str'], 'bool']);
    const named = parseRequest('Write a TypeScript function named clampValue that clamps a number between min and max', 'typescript');
    expect(signature(named)).toEqual(['clampValue', ['n: int', 'min: int', 'max: int'], 'int']);
    // Its booleans are written as TypeScript writes them.
    const predicate = parseRequest('Create a function that checks if a number is prime', 'typescript');
    expect(predicate.spec.description).toBe('Return true if a number is prime, otherwise false.');
    expect(predicate.spec.returns.description).toBe('true if a number is prime, otherwise false.');
  });

  it('reads inline examples, which fix the name, argument types and return type', () => {
    const result = parseRequest('double each number in a list, e.g. double_all([1, 2]) -> [2, 4]', 'python');
    expect(result.spec.name).toBe('double_all');
    expect(result.spec.examples).toEqual([{ args: [[1, 2]], expected: [2, 4] }]);
    expect(result.spec.parameters[0]?.type).toBe('list[int]');
    const onlyExamples = parseRequest('is_prime(7) -> True, is_prime(4) -> False', 'python');
    expect(signature(onlyExamples)).toEqual(['is_prime', ['value: int'], 'bool']);
    expect(onlyExamples.spec.examples).toHaveLength(2);
  });

  it('turns manner phrases and extra sentences into constraints', () => {
    const result = parseRequest('Write a recursive function to reverse a list while keeping order. It must not use slicing. Lists may be empty.', 'python');
    expect(result.spec.name).toBe('reverse_list');
    expect(result.spec.constraints).toEqual(['Use recursion.', 'Keep the original order.', 'It must not use slicing.']);
    expect(result.spec.description).toBe('Reverse a list.\n\nLists may be empty.');
  });

  it('gives a low-confidence best effort with warnings for phrasing it does not know', () => {
    for (const request of ['frobnicate the widget', 'write me a haiku', '???', '12345', 'SELECT * FROM users; DROP TABLE users']) {
      const result = parseRequest(request, 'python');
      expect(result.confidence, request).toBeLessThan(0.5);
      expect(result.warnings.length, request).toBeGreaterThan(1);
      expect(() => Spec.parse(result.spec)).not.toThrow();
    }
  });

  it('never throws on odd but textual input', () => {
    // A deterministic soup of the grammar's own words and junk: every result must still be a valid spec.
    const words = 'a an the of in to into from check if is are list of numbers string two and , count sort convert reverse remove find n k every each given ( ) -> == ' + "__proto__ constructor 'quote' \"dq\" é 😀 0 -1 1e9";
    const pool = words.split(' ');
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round += 1) {
      const length = 1 + Math.floor(random() * 14);
      const request = Array.from({ length }, () => pool[Math.floor(random() * pool.length)]).join(' ');
      if (request.trim() === '') continue;
      const result = parseRequest(request, round % 2 ? 'python' : 'typescript');
      expect(() => Spec.parse(result.spec), request).not.toThrow();
    }
  });

  it.each([
    ['', 'Describe the function'],
    ['   \n\t ', 'Describe the function'],
    ['x'.repeat(2001), 'under 2,000'],
    ['reverse a string\u0000\u0001', 'control characters'],
    ['check \ufffd\ufffd', 'undecodable'],
  ])('refuses unusable input %#', (request, message) => {
    try {
      parseRequest(request, 'python');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArkError);
      expect((error as ArkError).code).toBe('invalid-input');
      expect((error as ArkError).message).toContain(message);
    }
  });
});
