// expect: allowed
setTimeout(() => console.log('done'), 100);
const handle = setInterval(function tick() {}, 1000);
clearInterval(handle);
