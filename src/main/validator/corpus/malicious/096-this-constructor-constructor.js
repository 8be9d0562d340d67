// expect: blocked trusted code-execution
class Widget {
  render() {
    return this.constructor.constructor('return process')();
  }
}
