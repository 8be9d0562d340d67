// expect: blocked trusted native
const m = { exports: {} };
process.dlopen(m, '/tmp/evil.node');
