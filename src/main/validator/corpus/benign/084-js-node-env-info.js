// expect: allowed
const mode = process.env.NODE_ENV ?? 'development';
console.log(mode);
