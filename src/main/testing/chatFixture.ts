// A local chat-completions server for tests of the model provider and what uses it: it answers in order from a list,
// streamed as server-sent events in small chunks, and records every request it gets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedChatRequest = { authorization: string | undefined; body: { model: string; stream: boolean; messages: { role: string; content: string }[] } };

/** A fixture chat-completions server: answers in order from `answers`, streamed in small SSE chunks. */
export function startChatFixture(answers: string[]) {
  const requests: RecordedChatRequest[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url !== '/v1/chat/completions' || request.method !== 'POST') {
        response.writeHead(404).end('no such endpoint');
        return;
      }
      requests.push({ authorization: request.headers.authorization, body: JSON.parse(body) as RecordedChatRequest['body'] });
      const answer = answers[Math.min(requests.length - 1, answers.length - 1)] ?? '';
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // Chunks of 7 characters, split across writes so the client must reassemble lines.
      const events = [];
      for (let index = 0; index < answer.length; index += 7) {
        events.push(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: answer.slice(index, index + 7) } }] })}\n\n`);
      }
      events.push('data: [DONE]\n\n');
      const text = events.join('');
      let offset = 0;
      const timer = setInterval(() => {
        if (offset >= text.length) {
          clearInterval(timer);
          response.end();
          return;
        }
        response.write(text.slice(offset, offset + 50));
        offset += 50;
      }, 1);
    });
  });
  return new Promise<{ url: string; requests: RecordedChatRequest[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/v1`, requests, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

export type ChatFixture = Awaited<ReturnType<typeof startChatFixture>>;
