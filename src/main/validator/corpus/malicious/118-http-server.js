// expect: blocked trusted network
require('http').createServer((req, res) => res.end('x')).listen(8080);
