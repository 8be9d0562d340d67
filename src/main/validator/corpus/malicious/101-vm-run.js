// expect: blocked trusted code-execution
const vm = require('vm');
vm.runInNewContext('this.constructor.constructor("return process")()');
