// expect: blocked trusted code-execution
await import('data:text/javascript,console.log(1)');
