// expect: allowed
class Shape {
  describe() {
    return `${this.constructor.name} shape`;
  }
  clone() {
    return new this.constructor();
  }
}
console.log(new Shape().describe());
