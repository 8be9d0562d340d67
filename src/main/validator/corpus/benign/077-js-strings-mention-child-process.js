// expect: allowed
// We do not use child_process or eval here.
const note = "never call require('child_process') or eval(code)";
console.log(note.length);
