// expect: allowed
const values = [3, 1, 2].map((x) => x * 2).filter((x) => x > 2).sort((a, b) => a - b);
const total = values.reduce((sum, x) => sum + x, 0);
console.log(values, total);
