// The model provider: any OpenAI-compatible chat-completions endpoint (Ollama, LM Studio, llama.cpp server, vLLM,
// OpenAI …), asked for one Python function body, its tokens streamed as they arrive.
import { ArkError } from '../../shared/errors';
import type { ProviderSettings } from '../../shared/generation';
import type { Spec } from '../../shared/spec';
import type { BodyProvider } from '../pipeline';

/** The settings; `apiKey` here is for callers that hold the key themselves (tests), else `options.apiKey` reads it. */
export type ProviderConfig = ProviderSettings & { apiKey?: string | null };

export type ChatProviderOptions = {
  /** Reads the stored key when a request is made; throws (with a message to show) when it cannot be read. */
  apiKey?: () => Promise<string | null>;
};

// A function body is small; an answer longer than this is a runaway model, not a function.
const MAX_ANSWER_CHARS = 200_000;
const REQUEST_TIMEOUT_MS = 120_000;

const SYSTEM_PROMPT = [
  'You write one Python function that satisfies a spec, for a code generator that validates and tests your answer.',
  'Answer with a single fenced ```python code block that defines exactly the function named in the spec, with the given parameters.',
  'Use only the Python standard library; no file, network, process or eval use; no prints; no top-level code other than imports.',
].join(' ');

/** The spec as the model reads it: the signature, the description and the examples as calls. */
export function describeSpec(spec: Spec): string {
  const signature = `def ${spec.name}(${spec.parameters.map((parameter) => `${parameter.name}: ${parameter.type}`).join(', ')}) -> ${spec.returns.type}`;
  const examples = spec.examples.map((example) => {
    const call = `${spec.name}(${example.args.map((arg) => JSON.stringify(arg)).join(', ')})`;
    return example.raises ? `${call} raises ${example.raises}` : example.expected !== undefined ? `${call} == ${JSON.stringify(example.expected)}` : call;
  });
  return [
    `Signature: ${signature}`,
    `Description: ${spec.description || '(none)'}`,
    ...(spec.constraints.length ? [`Constraints:\n${spec.constraints.map((constraint) => `- ${constraint}`).join('\n')}`] : []),
    examples.length ? `Examples (values in JSON):\n${examples.join('\n')}` : 'No examples.',
  ].join('\n');
}

type Message = { role: 'system' | 'user' | 'assistant'; content: string };

export function buildMessages(spec: Spec, previous?: { code: string; feedback: string }): Message[] {
  const messages: Message[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: describeSpec(spec) },
  ];
  if (previous) {
    messages.push({ role: 'assistant', content: `\`\`\`python\n${previous.code}\n\`\`\`` });
    messages.push({ role: 'user', content: `That answer did not pass:\n${previous.feedback}\nFix it and answer with the whole function again.` });
  }
  return messages;
}

/** Checks a base URL: http or https, no credentials in it; returns it without a trailing slash. */
export function normalizeBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ArkError('invalid-input', `"${text}" is not a URL; give the endpoint's base, e.g. http://127.0.0.1:11434/v1.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ArkError('invalid-input', 'The provider URL must start with http:// or https://.');
  if (url.username || url.password) throw new ArkError('invalid-input', 'Put the API key in its own field, not in the URL.');
  return url.toString().replace(/\/+$/, '');
}

/** Reads a chat-completions stream (server-sent events), calling onDelta with each piece of content. */
export async function readStream(body: ReadableStream<Uint8Array>, onDelta: (text: string) => void): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let answer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (!line.startsWith('data:')) continue;
      const data = line.slice('data:'.length).trim();
      if (data === '[DONE]') return answer;
      let event: { choices?: { delta?: { content?: string | null } }[]; error?: { message?: string } };
      try {
        event = JSON.parse(data) as typeof event;
      } catch {
        continue;
      }
      if (event.error) throw new ArkError('unavailable', `The model provider reported an error: ${event.error.message ?? 'unknown'}.`);
      const delta = event.choices?.[0]?.delta?.content;
      if (typeof delta === 'string' && delta) {
        answer += delta;
        if (answer.length > MAX_ANSWER_CHARS) {
          await reader.cancel();
          throw new ArkError('unavailable', 'The model answered with more than 200 000 characters; stopped.');
        }
        onDelta(delta);
      }
    }
  }
  return answer;
}

export function createChatProvider(config: () => ProviderConfig, options: ChatProviderOptions = {}): BodyProvider {
  return {
    get name() {
      return `model ${config().model}`;
    },
    configured: () => {
      const current = config();
      return current.enabled && current.baseUrl !== '' && current.model !== '';
    },
    maxAttempts: () => config().maxAttempts,
    async complete({ spec, previous }, onToken, signal) {
      const current = config();
      const url = `${normalizeBaseUrl(current.baseUrl)}/chat/completions`;
      const apiKey = options.apiKey ? await options.apiKey() : (current.apiKey ?? null);
      const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
          body: JSON.stringify({ model: current.model, stream: true, temperature: 0, messages: buildMessages(spec, previous) }),
          signal: combined,
        });
      } catch (error) {
        const reason = timeout.aborted ? 'no answer within 120 s' : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        throw new ArkError('unavailable', `Cannot reach the model provider at ${url}: ${reason}.`);
      }
      if (!response.ok || !response.body) {
        const text = (await response.text().catch(() => '')).slice(0, 300);
        throw new ArkError('unavailable', `The model provider at ${url} answered ${response.status}${text ? `: ${text}` : ''}.`);
      }
      return readStream(response.body, onToken);
    },
  };
}
