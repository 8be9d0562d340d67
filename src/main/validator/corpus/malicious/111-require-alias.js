// expect: blocked trusted process
const r = require;
r('child_process').execSync('id');
