// expect: blocked trusted code-execution
const f = ''.constructor.constructor('return globalThis')();
