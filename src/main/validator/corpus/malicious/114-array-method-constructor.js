// expect: blocked trusted code-execution
[].map.constructor('return this')();
