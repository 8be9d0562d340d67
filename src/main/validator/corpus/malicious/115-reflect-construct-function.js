// expect: blocked trusted code-execution
const fn = Reflect.construct(Function, ['return 1']);
