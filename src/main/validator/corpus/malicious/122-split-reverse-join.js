// expect: blocked trusted process
const mod = 'ssecorp_dlihc'.split('').reverse().join('');
require(mod).exec('id');
