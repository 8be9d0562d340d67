// expect: blocked code-execution
// module.constructor is the Module class: its _load loads any module by name without a visible require.
const Module = module.constructor;
const cp = Module._load('child_' + 'process');
cp.execSync('id');
