// expect: blocked trusted process
const cp = require('child_' + 'process');
cp.exec('id');
