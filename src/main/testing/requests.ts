// A request through the app's real dispatch loop, for handler tests: its reply, or its value (an error fails the test).
import type { Input, Output, RequestName } from '../../shared/contract';
import type { Reply } from '../../shared/errors';
import type { App } from '../app';
import { dispatch } from '../hosts/dispatch';

export async function sendRequest<N extends RequestName>(app: App, name: N, input: Input<N>): Promise<Reply<Output<N>>> {
  return (await dispatch(app.handlers, name, input, new AbortController().signal)) as Reply<Output<N>>;
}

export async function requestValue<N extends RequestName>(app: App, name: N, input: Input<N>): Promise<Output<N>> {
  const reply = await sendRequest(app, name, input);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.value;
}
