// expect: allowed
const model = { eval() { return 1; }, exec() { return 2; } };
model.eval();
model.exec();
const pattern = /a(b)/;
console.log(pattern.exec('ab'));
