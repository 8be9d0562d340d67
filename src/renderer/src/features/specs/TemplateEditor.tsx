// Templates: the list (built-in and the user's), one open in Monaco, and a live preview rendered with the current
// spec; a template error shows its line and message and marks the line.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ErrorData } from '../../../../shared/errors';
import type { TemplateErrorInfo } from '../../../../shared/generation';
import type { Spec } from '../../../../shared/spec';
import { bridge } from '../../bridge';
import { CodeEditor, type EditorMarker } from '../../ui/CodeEditor';
import { ErrorNotice } from '../../ui/ErrorNotice';

type Entry = { name: string; source: 'builtin' | 'user'; overridesBuiltin: boolean };

const PREVIEW_DELAY_MS = 250;

export function TemplateEditor({ spec, theme }: { spec: Spec | null; theme: 'light' | 'dark' }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [content, setContent] = useState('');
  const [saved, setSaved] = useState('');
  const [preview, setPreview] = useState<{ output: string | null; error: TemplateErrorInfo | null }>({ output: null, error: null });
  const [failure, setFailure] = useState<ErrorData | null>(null);

  const loadList = useCallback(async () => {
    const reply = await bridge.invoke('templates.list', {});
    if (reply.ok) setEntries(reply.value);
    else setFailure(reply.error);
  }, []);

  useEffect(() => {
    let live = true;
    void bridge.invoke('templates.list', {}).then((reply) => {
      if (!live) return;
      if (reply.ok) setEntries(reply.value);
      else setFailure(reply.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const open = async (name: string) => {
    const reply = await bridge.invoke('templates.read', { name });
    if (!reply.ok) {
      setFailure(reply.error);
      return;
    }
    setSelected(name);
    setContent(reply.value.content);
    setSaved(reply.value.content);
    setFailure(null);
  };

  // The preview follows every keystroke, a moment after typing stops.
  useEffect(() => {
    if (!selected || !spec) return;
    const timer = setTimeout(() => {
      void bridge.invoke('templates.preview', { content, spec }).then((reply) => {
        // On an error the last good output stays in view (dimmed) beside the error, as editors do.
        if (reply.ok) setPreview((previous) => ({ output: reply.value.output ?? previous.output, error: reply.value.error }));
        else setPreview((previous) => ({ output: previous.output, error: { line: 1, column: 1, message: reply.error.message } }));
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [content, spec, selected]);

  const markers = useMemo<EditorMarker[]>(
    () => (preview.error ? [{ severity: 'error', message: preview.error.message, line: preview.error.line, column: preview.error.column, endLine: preview.error.line, endColumn: preview.error.column + 1 }] : []),
    [preview.error],
  );

  const save = async () => {
    if (!selected) return;
    const reply = await bridge.invoke('templates.save', { name: selected, content });
    if (!reply.ok) setFailure(reply.error);
    else {
      setSaved(content);
      setFailure(null);
      await loadList();
    }
  };

  const restore = async () => {
    if (!selected) return;
    const reply = await bridge.invoke('templates.remove', { name: selected });
    if (!reply.ok) setFailure(reply.error);
    else {
      await loadList();
      await open(selected);
    }
  };

  const entry = entries.find((item) => item.name === selected);
  return (
    <div className="template-editor" data-testid="template-editor">
      <ul className="template-list" aria-label="Templates">
        {entries.map((item) => (
          <li key={item.name}>
            <button type="button" className={item.name === selected ? 'active' : ''} data-testid="template-item" onClick={() => void open(item.name)}>
              <span className="mono">{item.name}</span>
              {item.source === 'user' && <span className="badge">{item.overridesBuiltin ? 'edited' : 'yours'}</span>}
            </button>
          </li>
        ))}
      </ul>
      {!selected && <p className="muted template-hint">Pick a template to edit it. Saved edits go to your own templates folder and override the built-in one of the same name.</p>}
      {selected && (
        <div className="template-panes">
          <div className="template-source">
            <header className="view-toolbar">
              <span className="mono">{selected}</span>
              <button type="button" className="primary" disabled={content === saved} onClick={() => void save()}>
                Save
              </button>
              {entry?.source === 'user' && (
                <button type="button" onClick={() => void restore()}>
                  {entry.overridesBuiltin ? 'Restore built-in' : 'Delete'}
                </button>
              )}
            </header>
            {failure && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
            <CodeEditor value={content} language="liquid" theme={theme} onChange={setContent} markers={markers} ariaLabel="Template source" testId="template-source" />
          </div>
          <div className="template-preview">
            <header className="view-toolbar">Preview with the current spec</header>
            {!spec && <p className="muted">The spec has a problem; fix it to see the preview.</p>}
            {preview.error && (
              <p className="template-error" role="alert" data-testid="template-error">
                Line {preview.error.line}, column {preview.error.column}: {preview.error.message}
              </p>
            )}
            <pre className={`mono template-output${preview.error ? ' stale' : ''}`} data-testid="template-preview">
              {preview.output ?? ''}
            </pre>
          </div>
        </div>
      )}
    </div>
  );
}
