// expect: blocked trusted code-execution
function load(name) {
  return require(name);
}
