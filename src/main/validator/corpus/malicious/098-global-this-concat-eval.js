// expect: blocked trusted code-execution
globalThis['ev' + 'al']('1 + 1');
