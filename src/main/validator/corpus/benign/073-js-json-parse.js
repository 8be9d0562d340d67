// expect: allowed
const data = JSON.parse('{"a": 1}');
console.log(data.a);
