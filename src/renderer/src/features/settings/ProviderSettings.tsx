// Settings › Model provider: an OpenAI-compatible chat-completions endpoint the pipeline asks for a body when neither
// the project nor the built-in library has one that passes the examples. Off until configured.
import { useEffect, useState } from 'react';
import type { ErrorData } from '../../../../shared/errors';
import type { ProviderInfo } from '../../../../shared/generation';
import { bridge } from '../../bridge';
import { ErrorNotice } from '../../ui/ErrorNotice';

type Draft = { enabled: boolean; baseUrl: string; model: string; maxAttempts: number; apiKey: string };

/** The editable part of what the service reports; the key field starts empty (a stored key is never sent back). */
function toDraft(info: ProviderInfo): Draft {
  return { enabled: info.enabled, baseUrl: info.baseUrl, model: info.model, maxAttempts: info.maxAttempts, apiKey: '' };
}

export function ProviderSettings() {
  const [info, setInfo] = useState<ProviderInfo | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void bridge.invoke('provider.get', {}).then((reply) => {
      if (!live) return;
      if (reply.ok) {
        setInfo(reply.value);
        setDraft(toDraft(reply.value));
      } else setError(reply.error);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!draft || !info) return error ? <ErrorNotice error={error} /> : null;
  const save = async (removeKey = false) => {
    const { apiKey, ...settings } = draft;
    const reply = await bridge.invoke('provider.set', { ...settings, ...(removeKey ? { apiKey: '' } : apiKey ? { apiKey } : {}) });
    if (reply.ok) {
      setInfo(reply.value);
      setDraft(toDraft(reply.value));
      setError(null);
      setSaved(true);
    } else setError(reply.error);
  };
  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };

  return (
    <div className="provider-settings" data-testid="provider-settings">
      <p className="muted">
        Any OpenAI-compatible chat-completions endpoint: Ollama (<span className="mono">http://127.0.0.1:11434/v1</span>), LM Studio, llama.cpp server, vLLM,
        OpenAI. Its answers are validated and run against the spec&apos;s examples like any other body; failures go back to it for repair.
      </p>
      <label className="field field-check">
        <input type="checkbox" checked={draft.enabled} onChange={(event) => change({ enabled: event.target.checked })} />
        <span>Ask the model when nothing else passes the examples</span>
      </label>
      <label className="field">
        <span>Base URL</span>
        <input type="text" className="mono" data-testid="provider-url" value={draft.baseUrl} placeholder="http://127.0.0.1:11434/v1" onChange={(event) => change({ baseUrl: event.target.value })} />
      </label>
      <label className="field">
        <span>Model</span>
        <input type="text" className="mono" value={draft.model} placeholder="qwen2.5-coder:7b" onChange={(event) => change({ model: event.target.value })} />
      </label>
      <label className="field">
        <span>Attempts</span>
        <input type="number" min={1} max={10} value={draft.maxAttempts} onChange={(event) => change({ maxAttempts: Math.min(10, Math.max(1, Number(event.target.value) || 1)) })} />
      </label>
      <label className="field">
        <span>API key</span>
        <input type="password" autoComplete="off" value={draft.apiKey} placeholder={info.hasApiKey ? 'stored (type to replace)' : 'none'} onChange={(event) => change({ apiKey: event.target.value })} />
        {info.hasApiKey && (
          <button type="button" onClick={() => void save(true)}>
            Remove key
          </button>
        )}
      </label>
      <p className="muted" data-testid="provider-key-storage">
        The key is kept in {info.keyStorage} and sent only to the base URL above.
      </p>
      {info.keyProblem && (
        <p className="error-text" role="alert" data-testid="provider-key-problem">
          {info.keyProblem}
        </p>
      )}
      <div className="policy-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save
        </button>
        {saved && <span className="muted">Saved.</span>}
      </div>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
