// The TypeScript checker's own thread: building a program and checking it is synchronous and costs over a second
// the first time (parsing and binding lib.dom.d.ts), which on the main thread would stall every request and event.
// The thread keeps the compiler and the parsed library files between checks.
import { parentPort } from 'node:worker_threads';
import { checkTypeScript, loadTypeScript } from './typescriptCheck';
import type { TypeScriptCheckReply, TypeScriptCheckRequest } from './typescriptThread';

const port = parentPort;
if (!port) throw new Error('The TypeScript checker must run in a worker thread.');

port.on('message', (request: TypeScriptCheckRequest) => {
  let reply: TypeScriptCheckReply;
  try {
    const ts = loadTypeScript();
    reply = ts
      ? { id: request.id, ok: true, findings: checkTypeScript(ts, request.code, request.language, request.filename) }
      : { id: request.id, ok: false, message: 'the typescript package is not installed' };
  } catch (err) {
    reply = { id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
