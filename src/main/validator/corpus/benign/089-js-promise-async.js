// expect: allowed
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function main() {
  await sleep(10);
  return 'done';
}
main().then(console.log);
