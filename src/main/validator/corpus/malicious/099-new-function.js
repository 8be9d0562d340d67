// expect: blocked trusted code-execution
const add = new Function('a', 'b', 'return a + b');
