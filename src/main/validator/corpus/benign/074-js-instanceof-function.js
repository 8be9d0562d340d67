// expect: allowed
function isCallable(value) {
  return value instanceof Function || typeof value === 'function';
}
const call = Function.prototype.call.bind(Array.prototype.slice);
console.log(isCallable(isCallable), call([1, 2, 3], 1));
