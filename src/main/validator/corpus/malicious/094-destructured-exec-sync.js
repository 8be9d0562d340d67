// expect: blocked trusted process
const { execSync } = require('child_process');
execSync('id');
