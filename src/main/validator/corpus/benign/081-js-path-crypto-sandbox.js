// expect: allowed
const path = require('path');
const crypto = require('node:crypto');
console.log(path.join('a', 'b'), crypto.randomUUID());
