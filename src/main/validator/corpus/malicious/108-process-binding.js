// expect: blocked trusted native
const spawn = process.binding('spawn_sync');
