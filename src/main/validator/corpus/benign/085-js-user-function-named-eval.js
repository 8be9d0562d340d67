// expect: allowed
function evaluate(expression) {
  return expression.split('+').reduce((sum, part) => sum + Number(part), 0);
}
const compile = (source) => source.trim();
console.log(evaluate('1+2'), compile(' x '));
