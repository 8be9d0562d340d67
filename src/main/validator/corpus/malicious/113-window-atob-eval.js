// expect: blocked trusted code-execution
window[atob('ZXZhbA==')]('alert(1)');
