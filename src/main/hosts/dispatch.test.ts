import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { ArkError } from '../../shared/errors';
import { dispatch } from './dispatch';

const signal = new AbortController().signal;
const quietLogger = { error: vi.fn() };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unused = async () => {
    throw new Error('not used in this test');
  };
  return new Proxy(overrides as Handlers, { get: (target, key) => (key in target ? target[key as keyof Handlers] : unused) });
}

describe('dispatch', () => {
  it.each(['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null, undefined, { name: 'app.info' }])(
    'refuses the unknown request name %j as invalid input',
    async (name) => {
      const reply = await dispatch(handlersWith({}), name, {}, signal, quietLogger);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    },
  );

  it('rejects malformed input before the handler runs, naming the field', async () => {
    const handler = vi.fn();
    const reply = await dispatch(handlersWith({ 'audit.list': handler }), 'audit.list', { limit: 'ten' }, signal, quietLogger);
    expect(handler).not.toHaveBeenCalled();
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid-input');
      expect(reply.error.message).toContain('limit');
    }
  });

  it('keeps the code and message of an ArkError', async () => {
    const reply = await dispatch(
      handlersWith({ 'app.info': async () => Promise.reject(new ArkError('not-found', 'No such project: 7.', { id: 7 })) }),
      'app.info',
      {},
      signal,
      quietLogger,
    );
    expect(reply).toEqual({ ok: false, error: { code: 'not-found', message: 'No such project: 7.', details: { id: 7 } } });
  });

  it('turns a bug into an internal error without its stack, and logs the stack', async () => {
    const logger = { error: vi.fn() };
    const reply = await dispatch(handlersWith({ 'app.info': async () => Promise.reject(new TypeError('x is undefined at secret.ts:12')) }), 'app.info', {}, signal, logger);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('internal');
      expect(JSON.stringify(reply)).not.toContain('secret.ts');
    }
    expect(logger.error).toHaveBeenCalled();
  });

  it('reports an aborted request as cancelled', async () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const reply = await dispatch(handlersWith({ 'app.info': async () => Promise.reject(abort) }), 'app.info', {}, signal, quietLogger);
    expect(reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('maps a locked database to a clear unavailable error', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const reply = await dispatch(handlersWith({ 'app.info': async () => Promise.reject(busy) }), 'app.info', {}, signal, quietLogger);
    expect(reply).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
