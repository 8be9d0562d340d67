// The Specs view: plain words → an inferred spec (form and JSON side by side) → Generate, with every pipeline stage
// live; templates with a live preview; and versions compared in a diff. The sidebar lists saved specs.
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PipelineStageEvent } from '../../../../shared/generation';
import { SpecLanguage, specGaps } from '../../../../shared/spec';
import { bridge } from '../../bridge';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CodeEditor } from '../../ui/CodeEditor';
import { useResolvedTheme } from '../../ui/theme';
import { CompareVersions } from './CompareVersions';
import { GenerationResultPanel, StageList } from './GenerationResultPanel';
import { PythonImport } from './PythonImport';
import { SpecForm } from './SpecForm';
import { SpecJsonEditor } from './SpecJsonEditor';
import { checkDraft } from './specsState';
import { TemplateEditor } from './TemplateEditor';

/** Follows `pipeline.stage` events into the store (parsed first: events are untrusted data from the wire). */
function usePipelineEvents() {
  useEffect(
    () =>
      bridge.on((name, payload) => {
        if (name !== 'pipeline.stage') return;
        const parsed = PipelineStageEvent.safeParse(payload);
        if (parsed.success) useAppStore.getState().applyPipelineStage(parsed.data);
      }),
    [],
  );
}

export function SpecsView() {
  const specs = useAppStore((s) => s.specs);
  const actions = useAppStore(
    useShallow((s) => ({
      setSpecsTab: s.setSpecsTab,
      setWords: s.setWords,
      setSpecLanguage: s.setSpecLanguage,
      inferSpec: s.inferSpec,
      setSpecText: s.setSpecText,
      setSpecFromForm: s.setSpecFromForm,
      generate: s.generate,
      newSpec: s.newSpec,
      setPythonImport: s.setPythonImport,
      setSpecBody: s.setSpecBody,
    })),
  );
  const theme = useResolvedTheme();
  usePipelineEvents();
  const draft = useMemo(() => checkDraft(specs.text), [specs.text]);
  // The form shows the draft as long as it is JSON of the right shape, even while a value is still invalid.
  const formSpec = useMemo(() => {
    try {
      const data = JSON.parse(specs.text) as unknown;
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Parameters<typeof SpecForm>[0]['spec']) : null;
    } catch {
      return null;
    }
  }, [specs.text]);
  // Derived from the draft on every edit, never stored: an example added in the form clears "no examples yet".
  const gaps = useMemo(() => (formSpec ? specGaps(formSpec) : []), [formSpec]);

  return (
    <section className="specs-view" data-testid="specs-view">
      <header className="view-toolbar specs-toolbar">
        <div className="tabs" role="tablist">
          {(['spec', 'templates', 'compare'] as const).map((tab) => (
            <button key={tab} type="button" role="tab" aria-selected={specs.tab === tab} className={`tab${specs.tab === tab ? ' active' : ''}`} data-testid={`specs-tab-${tab}`} onClick={() => actions.setSpecsTab(tab)}>
              {tab === 'spec' ? 'Spec' : tab === 'templates' ? 'Templates' : 'Compare versions'}
            </button>
          ))}
        </div>
        <span className="muted">
          {specs.specId ? `spec ${specs.specId}${specs.version ? ` · v${specs.version}` : ''}` : 'unsaved spec'}
        </span>
        <button type="button" onClick={actions.newSpec}>
          New spec
        </button>
      </header>
      {specs.error && <ErrorNotice error={specs.error} />}

      {specs.tab === 'spec' && (
        <div className="specs-body">
          <form
            className="words-box"
            onSubmit={(event) => {
              event.preventDefault();
              void actions.inferSpec();
            }}
          >
            <input
              type="text"
              data-testid="spec-words"
              aria-label="Describe the function in plain words"
              placeholder="Describe the function, e.g. Create a function that checks if a number is prime"
              value={specs.words}
              onChange={(event) => actions.setWords(event.target.value)}
            />
            <select aria-label="Language" value={specs.language} onChange={(event) => actions.setSpecLanguage(SpecLanguage.parse(event.target.value))}>
              {SpecLanguage.options.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
            <button type="submit" data-testid="infer-spec" disabled={specs.inferring || !specs.words.trim()}>
              {specs.inferring ? 'Reading…' : 'Make a spec'}
            </button>
            <button
              type="button"
              data-testid="open-python-import"
              aria-expanded={specs.pythonImport.open}
              onClick={() => actions.setPythonImport({ open: !specs.pythonImport.open })}
            >
              Import from Python
            </button>
          </form>
          {specs.pythonImport.open && <PythonImport />}
          {specs.inferred.length > 0 && (
            <div className="inferred" data-testid="inferred">
              <strong>Inferred</strong> <span className="muted">(confidence {Math.round((specs.confidence ?? 0) * 100)}%; correct anything below)</span>
              <ul>
                {specs.inferred.map((item) => (
                  <li key={item.field}>
                    <span className="mono">{item.field}</span> = <span className="mono">{item.value}</span> <span className="muted">— {item.reason}</span>
                  </li>
                ))}
                {[...specs.inferWarnings, ...gaps].map((warning) => (
                  <li key={warning} className="warning">
                    {warning}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="spec-editors">
            <div className="spec-form-pane">
              {formSpec ? <SpecForm spec={formSpec} onChange={actions.setSpecFromForm} /> : <p className="muted">The JSON does not parse; fix it on the right.</p>}
            </div>
            <div className="spec-json-pane">
              <SpecJsonEditor value={specs.text} theme={theme} onChange={actions.setSpecText} />
              <p className={`spec-check ${draft.spec ? 'ok' : 'problem'}`} data-testid="spec-check">
                {draft.spec ? 'The spec is valid.' : draft.problem}
              </p>
            </div>
          </div>
          <details className="manual-body" data-testid="manual-body">
            <summary>
              Write the body yourself{' '}
              <span className="muted">
                (optional; without one the pipeline looks for a body that passes the examples. Yours is validated and tested the same way.)
              </span>
            </summary>
            <p className="muted">
              The statements inside the function, without its signature or docstring
              {draft.spec ? `, in ${draft.spec.language === 'python' ? 'Python' : 'TypeScript'}` : ''}.
            </p>
            <div className="manual-body-editor">
              <CodeEditor value={specs.body} language={draft.spec?.language ?? 'python'} theme={theme} onChange={actions.setSpecBody} ariaLabel="Function body" testId="spec-body" />
            </div>
          </details>
          <div className="generate-bar">
            <button type="button" className="primary" data-testid="generate" disabled={!draft.spec || specs.run.status === 'running'} onClick={() => void actions.generate()}>
              {specs.run.status === 'running' ? 'Generating…' : 'Generate'}
            </button>
            <span className="muted">Finds a body, renders code and tests, validates them and runs the tests in the sandbox.</span>
          </div>
          {specs.run.status !== 'idle' && <StageList rows={specs.run.rows} />}
          {specs.run.error && <ErrorNotice error={specs.run.error} />}
          {specs.run.result && <GenerationResultPanel result={specs.run.result} theme={theme} />}
        </div>
      )}
      {specs.tab === 'templates' && <TemplateEditor spec={draft.spec} theme={theme} />}
      {specs.tab === 'compare' && <CompareVersions versions={specs.versions} theme={theme} />}
    </section>
  );
}

/** The sidebar: saved specs, newest first, each with its versions when it is the one open. */
export function SpecsSidebar() {
  const { list, listStatus, specId, version, versions } = useAppStore(
    useShallow((s) => ({ list: s.specs.list, listStatus: s.specs.listStatus, specId: s.specs.specId, version: s.specs.version, versions: s.specs.versions })),
  );
  const { loadSpecs, openSpec } = useAppStore(useShallow((s) => ({ loadSpecs: s.loadSpecs, openSpec: s.openSpec })));
  useEffect(() => {
    void loadSpecs();
  }, [loadSpecs]);
  if (listStatus === 'loading' && list.length === 0) return <div className="sidebar-body muted">Loading specs…</div>;
  if (list.length === 0) return <div className="sidebar-body muted"><p>Specs you generate or save appear here, with their versions.</p></div>;
  return (
    <div className="sidebar-body">
      <ul className="spec-list" data-testid="spec-list">
        {list.map((spec) => (
          <li key={spec.id}>
            <button type="button" className={`spec-item${spec.id === specId ? ' active' : ''}`} onClick={() => void openSpec(spec.id)}>
              <span className="mono">{spec.name}</span>
              <span className="muted">v{spec.latestVersion}</span>
              {spec.lastStatus && <span className={`badge status-${spec.lastStatus}`}>{spec.lastStatus}</span>}
            </button>
            {spec.id === specId && versions.length > 0 && (
              <ul className="version-list">
                {versions.map((item) => (
                  <li key={item.version}>
                    <button type="button" className={item.version === version ? 'active' : ''} onClick={() => void openSpec(spec.id, item.version)}>
                      v{item.version} <span className="muted">{item.createdAt.replace('T', ' ').slice(0, 16)} · {item.artifacts.length} run{item.artifacts.length === 1 ? '' : 's'}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
