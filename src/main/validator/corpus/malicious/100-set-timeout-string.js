// expect: blocked trusted code-execution
setTimeout('console.log(1)', 100);
