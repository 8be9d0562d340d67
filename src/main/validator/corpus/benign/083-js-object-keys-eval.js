// expect: allowed
const table = { eval: 1, exec: 2, system: 3 };
for (const key of Object.keys(table)) console.log(key, table[key]);
console.log(table.eval, new Map([[1, 2]]).size, Array.from('abc'));
