// expect: blocked trusted code-execution
(0, eval)('globalThis');
