#!/usr/bin/env node
// The `ark` command: runs the built CLI (out/main/ark.js). Build it first with `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'out', 'main', 'ark.js');
if (!fs.existsSync(built)) {
  process.stderr.write('ark: the CLI is not built yet. Run "npm run build" in ' + path.join(__dirname, '..') + ' first.\n');
  process.exit(3);
}
require(built).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write('ark: ' + (err && err.stack ? err.stack : String(err)) + '\n'); process.exitCode = 1; },
);
