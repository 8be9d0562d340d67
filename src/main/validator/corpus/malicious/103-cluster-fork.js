// expect: blocked trusted process
const cluster = require('cluster');
cluster.fork();
