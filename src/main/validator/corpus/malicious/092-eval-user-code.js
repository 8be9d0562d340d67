// expect: blocked trusted code-execution
const code = process.argv[2];
eval(code);
