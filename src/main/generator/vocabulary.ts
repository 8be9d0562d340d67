// The word tables behind the plain-words parser: verbs by kind, nouns to types and parameter names, result words.

/** A lookup table without a prototype, so user words such as "constructor" or "__proto__" find nothing. */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** What a noun stands for as a parameter: its type (`list` means list of the element noun), name and how sure we are. */
export type NounInfo = { type: string; name: string; generic?: boolean; container?: 'list' | 'set' | 'dict' | 'matrix' | 'tuple' };

const noun = (type: string, name: string, extra: Partial<NounInfo> = {}): NounInfo => ({ type, name, ...extra });

/** Nouns a parameter can be described by. Plurals are found through singular(). */
export const NOUNS: Record<string, NounInfo> = table({
  number: noun('int', 'n', { generic: true }),
  num: noun('int', 'n', { generic: true }),
  integer: noun('int', 'n', { generic: true }),
  int: noun('int', 'n', { generic: true }),
  digit: noun('int', 'digit'),
  float: noun('float', 'x', { generic: true }),
  decimal: noun('float', 'x', { generic: true }),
  real: noun('float', 'x', { generic: true }),
  value: noun('Any', 'value', { generic: true }),
  item: noun('Any', 'item', { generic: true }),
  element: noun('Any', 'item', { generic: true }),
  entry: noun('Any', 'item', { generic: true }),
  object: noun('Any', 'obj', { generic: true }),
  thing: noun('Any', 'item', { generic: true }),
  input: noun('Any', 'value', { generic: true }),
  argument: noun('Any', 'value', { generic: true }),
  string: noun('str', 's', { generic: true }),
  str: noun('str', 's', { generic: true }),
  text: noun('str', 'text', { generic: true }),
  word: noun('str', 'word'),
  sentence: noun('str', 'sentence'),
  phrase: noun('str', 'phrase'),
  paragraph: noun('str', 'paragraph'),
  line: noun('str', 'line'),
  character: noun('str', 'char'),
  char: noun('str', 'char'),
  letter: noun('str', 'letter'),
  symbol: noun('str', 'symbol'),
  name: noun('str', 'name'),
  email: noun('str', 'email'),
  address: noun('str', 'address'),
  url: noun('str', 'url'),
  password: noun('str', 'password'),
  username: noun('str', 'username'),
  path: noun('str', 'path'),
  filename: noun('str', 'filename'),
  date: noun('str', 'date'),
  time: noun('str', 'time'),
  key: noun('str', 'key'),
  separator: noun('str', 'separator'),
  delimiter: noun('str', 'delimiter'),
  prefix: noun('str', 'prefix'),
  suffix: noun('str', 'suffix'),
  substring: noun('str', 'substring'),
  pattern: noun('str', 'pattern'),
  message: noun('str', 'message'),
  sequence: noun('list', 'items', { container: 'list', generic: true }),
  list: noun('list', 'items', { container: 'list', generic: true }),
  array: noun('list', 'items', { container: 'list', generic: true }),
  collection: noun('list', 'items', { container: 'list', generic: true }),
  vector: noun('list', 'values', { container: 'list', generic: true }),
  set: noun('set', 'items', { container: 'set', generic: true }),
  tuple: noun('tuple', 'values', { container: 'tuple', generic: true }),
  pair: noun('tuple', 'pair', { container: 'tuple' }),
  matrix: noun('matrix', 'matrix', { container: 'matrix' }),
  grid: noun('matrix', 'grid', { container: 'matrix' }),
  dictionary: noun('dict', 'mapping', { container: 'dict', generic: true }),
  dict: noun('dict', 'mapping', { container: 'dict', generic: true }),
  map: noun('dict', 'mapping', { container: 'dict', generic: true }),
  mapping: noun('dict', 'mapping', { container: 'dict', generic: true }),
  hashmap: noun('dict', 'mapping', { container: 'dict', generic: true }),
  boolean: noun('bool', 'flag'),
  bool: noun('bool', 'flag'),
  flag: noun('bool', 'flag'),
  year: noun('int', 'year'),
  age: noun('int', 'age'),
  month: noun('int', 'month'),
  day: noun('int', 'day'),
  hour: noun('float', 'hours'),
  minute: noun('float', 'minutes'),
  second: noun('float', 'seconds'),
  index: noun('int', 'index'),
  position: noun('int', 'position'),
  count: noun('int', 'count'),
  size: noun('int', 'size'),
  limit: noun('int', 'limit'),
  capacity: noun('int', 'capacity'),
  times: noun('int', 'times'),
  step: noun('int', 'step'),
  exponent: noun('int', 'exponent'),
  power: noun('int', 'exponent'),
  base: noun('float', 'base'),
  radius: noun('float', 'radius'),
  diameter: noun('float', 'diameter'),
  width: noun('float', 'width'),
  height: noun('float', 'height'),
  length: noun('int', 'length'),
  side: noun('float', 'side'),
  distance: noun('float', 'distance'),
  weight: noun('float', 'weight'),
  mass: noun('float', 'mass'),
  speed: noun('float', 'speed'),
  price: noun('float', 'price'),
  cost: noun('float', 'cost'),
  amount: noun('float', 'amount'),
  salary: noun('float', 'salary'),
  temperature: noun('float', 'temperature'),
  rate: noun('float', 'rate'),
  percentage: noun('float', 'percentage'),
  threshold: noun('float', 'threshold'),
  score: noun('float', 'score'),
  principal: noun('float', 'principal'),
  balance: noun('float', 'balance'),
  angle: noun('float', 'angle'),
  point: noun('tuple[float, float]', 'point'),
  coordinate: noun('tuple[float, float]', 'point'),
  target: noun('Any', 'target'),
});

/** Units and representations: what "convert X to Y" converts between. */
export const UNITS: Record<string, { type: string; name: string }> = table({
  celsius: { type: 'float', name: 'celsius' },
  fahrenheit: { type: 'float', name: 'fahrenheit' },
  kelvin: { type: 'float', name: 'kelvin' },
  meter: { type: 'float', name: 'meters' },
  metre: { type: 'float', name: 'meters' },
  kilometer: { type: 'float', name: 'kilometers' },
  km: { type: 'float', name: 'kilometers' },
  mile: { type: 'float', name: 'miles' },
  foot: { type: 'float', name: 'feet' },
  feet: { type: 'float', name: 'feet' },
  inch: { type: 'float', name: 'inches' },
  centimeter: { type: 'float', name: 'centimeters' },
  cm: { type: 'float', name: 'centimeters' },
  millimeter: { type: 'float', name: 'millimeters' },
  yard: { type: 'float', name: 'yards' },
  kilogram: { type: 'float', name: 'kilograms' },
  kg: { type: 'float', name: 'kilograms' },
  pound: { type: 'float', name: 'pounds' },
  lb: { type: 'float', name: 'pounds' },
  gram: { type: 'float', name: 'grams' },
  ounce: { type: 'float', name: 'ounces' },
  liter: { type: 'float', name: 'liters' },
  litre: { type: 'float', name: 'liters' },
  gallon: { type: 'float', name: 'gallons' },
  second: { type: 'float', name: 'seconds' },
  minute: { type: 'float', name: 'minutes' },
  hour: { type: 'float', name: 'hours' },
  day: { type: 'float', name: 'days' },
  week: { type: 'float', name: 'weeks' },
  degree: { type: 'float', name: 'degrees' },
  radian: { type: 'float', name: 'radians' },
  mph: { type: 'float', name: 'mph' },
  kph: { type: 'float', name: 'kph' },
  binary: { type: 'str', name: 'binary' },
  hex: { type: 'str', name: 'hex_string' },
  hexadecimal: { type: 'str', name: 'hex_string' },
  octal: { type: 'str', name: 'octal' },
  roman: { type: 'str', name: 'roman' },
  numeral: { type: 'str', name: 'numeral' },
  morse: { type: 'str', name: 'morse' },
  json: { type: 'str', name: 'json_text' },
  csv: { type: 'str', name: 'csv_text' },
  uppercase: { type: 'str', name: 's' },
  lowercase: { type: 'str', name: 's' },
  camelcase: { type: 'str', name: 's' },
  snakecase: { type: 'str', name: 's' },
  titlecase: { type: 'str', name: 's' },
  decimal: { type: 'int', name: 'n' },
  words: { type: 'str', name: 'words' },
  ascii: { type: 'int', name: 'code' },
});

export const ARTICLES = new Set(
  'a an the some any this that these those its their his her my your our given input provided specified certain arbitrary each every all one'.split(' '),
);
export const COUNT_WORDS: Record<string, number> = table({ two: 2, three: 3, four: 4, both: 2, '2': 2, '3': 3, '4': 4, couple: 2 });
export const FUNCTION_NOUNS = new Set('function func method routine procedure program script utility helper snippet code lambda def fn algorithm subroutine tool'.split(' '));
export const FUNCTION_ADJECTIVES = new Set(
  'simple small short quick basic little python python3 typescript ts js javascript py recursive iterative efficient pure new reusable tiny generic fast clean custom good nice robust one-line oneliner single proper'.split(' '),
);
export const POLITE = new Set('please kindly hey hi hello ok okay so now also just'.split(' '));
export const CREATE_VERBS = new Set('write create make implement build generate code define develop design construct program produce add give show provide need get'.split(' '));
/** Creation verbs that, without "a function" after them, mean the work itself: "implement binary search". */
export const SKIPPABLE_CREATE_VERBS = new Set('write code implement define develop design program'.split(' '));
export const CONNECTORS = new Set('that which to for who where will would should can could must shall may might and then also just basically simply it'.split(' '));

export const PREDICATE_VERBS = new Set('check test determine verify validate tell see detect decide confirm ask know'.split(' '));
export const CONVERT_VERBS = new Set('convert turn transform change translate cast'.split(' '));
export const RESULT_VERBS = new Set(
  'calculate compute find count return get give obtain output print produce generate list sum total add multiply subtract divide average determine evaluate solve search locate extract collect measure estimate make create build tell identify select pick choose retrieve fetch'.split(' '),
);
/** Result verbs whose name is the result itself (calculate the factorial → factorial), not verb + result. */
export const SILENT_RESULT_VERBS = new Set('calculate compute return give obtain output produce determine evaluate tell print make create build retrieve fetch'.split(' '));
export const TRANSFORM_VERBS = new Set(
  ('reverse sort order filter remove delete drop strip trim merge combine concatenate join split flatten capitalize capitalise uppercase lowercase ' +
    'shuffle rotate replace swap dedupe deduplicate compress decompress encode decode encrypt decrypt normalize normalise format clean square double ' +
    'increment decrement transpose invert rearrange group partition chunk zip interleave pad truncate repeat mask censor escape unescape slugify ' +
    'tokenize tokenise parse serialize shift append insert prepend extend update round abbreviate pluralize hash scale negate halve cube clamp limit').split(' '),
);

/** Agent nouns: "a prime checker" asks for the verb's work on what precedes it. */
export const AGENT_NOUNS: Record<string, string> = table({
  checker: 'check',
  validator: 'validate',
  tester: 'check',
  detector: 'detect',
  verifier: 'check',
  counter: 'count',
  calculator: 'calculate',
  converter: 'convert',
  generator: 'generate',
  finder: 'find',
  sorter: 'sort',
  reverser: 'reverse',
  remover: 'remove',
  filter: 'filter',
  merger: 'merge',
  splitter: 'split',
  parser: 'parse',
  formatter: 'format',
  encoder: 'encode',
  decoder: 'decode',
  encrypter: 'encrypt',
  encryptor: 'encrypt',
  decrypter: 'decrypt',
  decryptor: 'decrypt',
  flattener: 'flatten',
  capitalizer: 'capitalize',
  cleaner: 'clean',
  searcher: 'search',
  adder: 'add',
  multiplier: 'multiply',
  rotator: 'rotate',
  shuffler: 'shuffle',
  compressor: 'compress',
  tokenizer: 'tokenize',
  normalizer: 'normalize',
  deduplicator: 'deduplicate',
  joiner: 'join',
});

export const PREPOSITIONS = new Set('of in from for among within inside on between across at into to by with using given without than containing after before under below above over until up upto onto'.split(' '));

/** Words that fix a result's type: what "the X of ..." returns. `elem` means the element type of the input list. */
export const RESULT_TYPES: Record<string, string> = table({
  count: 'int',
  number: 'int',
  length: 'int',
  size: 'int',
  index: 'int',
  position: 'int',
  factorial: 'int',
  fibonacci: 'int',
  gcd: 'int',
  hcf: 'int',
  lcm: 'int',
  remainder: 'int',
  quotient: 'int',
  digit: 'int',
  sum: 'elem',
  total: 'elem',
  product: 'elem',
  max: 'elem',
  maximum: 'elem',
  largest: 'elem',
  biggest: 'elem',
  greatest: 'elem',
  highest: 'elem',
  min: 'elem',
  minimum: 'elem',
  smallest: 'elem',
  lowest: 'elem',
  least: 'elem',
  mode: 'elem',
  range: 'elem',
  difference: 'elem',
  power: 'elem',
  square: 'elem',
  cube: 'elem',
  absolute: 'elem',
  average: 'float',
  mean: 'float',
  median: 'float',
  variance: 'float',
  deviation: 'float',
  area: 'float',
  perimeter: 'float',
  circumference: 'float',
  volume: 'float',
  distance: 'float',
  hypotenuse: 'float',
  bmi: 'float',
  percentage: 'float',
  ratio: 'float',
  root: 'float',
  sqrt: 'float',
  interest: 'float',
  speed: 'float',
  velocity: 'float',
  density: 'float',
  probability: 'float',
  temperature: 'float',
  score: 'float',
  frequency: 'dict[str, int]',
  frequencies: 'dict[str, int]',
  occurrence: 'dict[str, int]',
  histogram: 'dict[str, int]',
  reverse: 'same',
  intersection: 'same',
  union: 'same',
  string: 'str',
  word: 'str',
  character: 'str',
  letter: 'str',
  substring: 'str',
  prefix: 'str',
  suffix: 'str',
  extension: 'str',
  palindrome: 'str',
  name: 'str',
  acronym: 'str',
  fizzbuzz: 'str',
  initials: 'str',
  binary: 'str',
  vowel: 'str',
});

/** Plural results that are lists of something: primes are ints, words are strings. */
export const LIST_RESULTS: Record<string, string> = table({
  prime: 'int',
  factor: 'int',
  divisor: 'int',
  digit: 'int',
  multiple: 'int',
  square: 'int',
  even: 'int',
  odd: 'int',
  number: 'elem',
  element: 'elem',
  item: 'elem',
  value: 'elem',
  duplicate: 'elem',
  word: 'str',
  vowel: 'str',
  consonant: 'str',
  character: 'str',
  letter: 'str',
  permutation: 'str',
  anagram: 'str',
  line: 'str',
  string: 'str',
  name: 'str',
  subset: 'list[elem]',
  combination: 'list[elem]',
  pair: 'tuple[elem, elem]',
  index: 'int',
  indices: 'int',
  fibonacci: 'int',
});

/** Properties a predicate can test, with the input they are about when the request leaves it out. */
export const PREDICATE_SUBJECTS: Record<string, NounInfo> = table({
  prime: NOUNS.number as NounInfo,
  composite: NOUNS.number as NounInfo,
  perfect: NOUNS.number as NounInfo,
  armstrong: NOUNS.number as NounInfo,
  happy: NOUNS.number as NounInfo,
  even: NOUNS.number as NounInfo,
  odd: NOUNS.number as NounInfo,
  positive: NOUNS.number as NounInfo,
  negative: NOUNS.number as NounInfo,
  divisible: NOUNS.number as NounInfo,
  fibonacci: NOUNS.number as NounInfo,
  power: NOUNS.number as NounInfo,
  leap: noun('int', 'year'),
  palindrome: NOUNS.string as NounInfo,
  anagram: noun('str', 's'),
  pangram: NOUNS.string as NounInfo,
  isogram: NOUNS.string as NounInfo,
  vowel: NOUNS.character as NounInfo,
  consonant: NOUNS.character as NounInfo,
  uppercase: NOUNS.string as NounInfo,
  lowercase: NOUNS.string as NounInfo,
  alphabetic: NOUNS.string as NounInfo,
  numeric: NOUNS.string as NounInfo,
  alphanumeric: NOUNS.string as NounInfo,
  balanced: NOUNS.string as NounInfo,
  email: noun('str', 'email'),
  url: noun('str', 'url'),
  password: noun('str', 'password'),
  sorted: NOUNS.list as NounInfo,
  unique: NOUNS.list as NounInfo,
  duplicate: NOUNS.list as NounInfo,
  empty: NOUNS.list as NounInfo,
});

/** Shapes whose measurements are the inputs of "the area of a circle". */
export const SHAPES = new Set('circle sphere square cube rectangle triangle cylinder cone'.split(' '));

/** Properties that, named alone ("palindrome", "a prime checker"), ask for a yes/no check rather than a value. */
export const NOMINAL_PREDICATES = new Set('prime palindrome anagram pangram isogram leap armstrong perfect even odd happy balanced'.split(' '));

/** Inputs that well-known computations take when the request does not name them. */
export const CONCEPT_INPUTS: Record<string, NounInfo[]> = table({
  factorial: [NOUNS.number as NounInfo],
  fibonacci: [NOUNS.number as NounInfo],
  fizzbuzz: [NOUNS.number as NounInfo],
  prime: [NOUNS.number as NounInfo],
  gcd: [noun('int', 'a'), noun('int', 'b')],
  hcf: [noun('int', 'a'), noun('int', 'b')],
  lcm: [noun('int', 'a'), noun('int', 'b')],
  hypotenuse: [noun('float', 'a'), noun('float', 'b')],
  bmi: [noun('float', 'weight'), noun('float', 'height')],
  circle: [noun('float', 'radius')],
  sphere: [noun('float', 'radius')],
  square: [noun('float', 'side')],
  cube: [noun('float', 'side')],
  rectangle: [noun('float', 'width'), noun('float', 'height')],
  triangle: [noun('float', 'base'), noun('float', 'height')],
  cylinder: [noun('float', 'radius'), noun('float', 'height')],
  cone: [noun('float', 'radius'), noun('float', 'height')],
  search: [noun('list[int]', 'items'), noun('int', 'target')],
  sort: [noun('list[int]', 'items')],
  palindrome: [NOUNS.string as NounInfo],
  vowel: [NOUNS.string as NounInfo],
  consonant: [NOUNS.string as NounInfo],
  word: [NOUNS.text as NounInfo],
  password: [noun('int', 'length')],
  interest: [noun('float', 'principal'), noun('float', 'rate'), noun('int', 'years')],
});

/** Words that hint the numbers involved are whole numbers, or real ones. */
export const INTEGER_HINTS = new Set(
  'prime primes even odd factorial digit digits divisible divisor divisors gcd hcf lcm fibonacci integer integers int ints whole natural count index parity multiple multiples factor factors modulo remainder binary armstrong perfect'.split(' '),
);
export const REAL_HINTS = new Set(
  'average mean median float floats real variance deviation temperature temperatures price prices percentage ratio fraction sqrt root area grade grades measurement measurements weight height'.split(' '),
);

/** Superlatives and ordinals: "the longest word in a sentence" describes the result, not the input. */
export const SELECTORS = new Set(
  'longest shortest largest smallest biggest greatest highest lowest first last second third nth kth most least maximum minimum max min middle top bottom best worst next previous unique distinct repeated duplicate common frequent'.split(' '),
);

/** Words after "with"/"by" that are fixed values, not inputs ("join with a comma"). */
export const CONSTANT_NOUNS = new Set('comma space spaces dash dashes hyphen hyphens underscore underscores newline newlines tab tabs zero zeros asterisk asterisks star stars dot dots period colon semicolon slash'.split(' '));

/** Python built-ins a generated name must not shadow. */
export const PYTHON_BUILTINS = new Set(
  'abs all any ascii bin bool bytes callable chr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hash help hex id input int isinstance iter len list locals map max min next object oct open ord pow print range repr reversed round set slice sorted str sum tuple type vars zip'.split(' '),
);

const IRREGULAR_SINGULAR: Record<string, string> = table({
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  children: 'child',
  people: 'person',
  feet: 'foot',
  inches: 'inch',
  series: 'series',
  times: 'times',
  analysis: 'analysis',
  radius: 'radius',
  status: 'status',
  bus: 'bus',
  alias: 'alias',
});

/** A plural noun's singular, by English spelling rules (good enough for the words above). */
export function singular(word: string): string {
  const irregular = IRREGULAR_SINGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const ALL_VERBS = new Set([...PREDICATE_VERBS, ...CONVERT_VERBS, ...RESULT_VERBS, ...TRANSFORM_VERBS, ...CREATE_VERBS]);

/** The base form of a verb (checks → check, sorting → sort, reversed → reverse), or undefined if it is not a known verb. */
export function verbBase(word: string): string | undefined {
  const candidates = [word];
  if (word.endsWith('ies')) candidates.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) candidates.push(word.slice(0, -2));
  if (word.endsWith('s')) candidates.push(word.slice(0, -1));
  if (word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    candidates.push(stem, `${stem}e`);
    if (/(.)\1$/.test(stem)) candidates.push(stem.slice(0, -1));
  }
  if (word.endsWith('ed')) {
    const stem = word.slice(0, -2);
    candidates.push(stem, `${stem}e`, word.slice(0, -1));
    if (/(.)\1$/.test(stem)) candidates.push(stem.slice(0, -1));
    if (word.endsWith('ied')) candidates.push(`${word.slice(0, -3)}y`);
  }
  if (word === 'capitalises' || word === 'capitalising') candidates.push('capitalise');
  return candidates.find((candidate) => ALL_VERBS.has(candidate));
}
