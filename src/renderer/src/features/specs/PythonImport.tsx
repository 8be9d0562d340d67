// Import from Python: a signature with its docstring (pasted, or read from a .py file) becomes a spec — name,
// parameters and their types, return type, and the doctest examples — shown before it is saved and opened for editing.
import { useShallow } from 'zustand/react/shallow';
import type { Spec } from '../../../../shared/spec';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';

const PLACEHOLDER = `def clamp(value: float, low: float, high: float) -> float:
    """Limit value to the range low..high.

    >>> clamp(5, 0, 3)
    3
    >>> clamp(-1, 0, 3)
    0
    """`;

/** What was read from the Python, field by field, as the user checks it before saving. */
function ImportedSpec({ spec, warnings }: { spec: Spec; warnings: string[] }) {
  return (
    <div className="inferred imported-spec" data-testid="imported-spec">
      <dl>
        <dt>Name</dt>
        <dd className="mono" data-testid="imported-name">
          {spec.name}
        </dd>
        <dt>Parameters</dt>
        <dd className="mono" data-testid="imported-parameters">
          {spec.parameters.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            spec.parameters.map((parameter) => `${parameter.name}: ${parameter.type}${parameter.default !== undefined ? ` = ${JSON.stringify(parameter.default)}` : ''}`).join(', ')
          )}
        </dd>
        <dt>Returns</dt>
        <dd className="mono" data-testid="imported-returns">
          {spec.returns.type}
        </dd>
        <dt>Examples</dt>
        <dd data-testid="imported-examples">
          {spec.examples.length} from the docstring{spec.examples.length === 0 ? ' (add some before generating: examples are what verify a body)' : ''}
        </dd>
        <dt>Description</dt>
        <dd>{spec.description || <span className="muted">none</span>}</dd>
      </dl>
      {warnings.length > 0 && (
        <ul>
          {warnings.map((warning) => (
            <li key={warning} className="warning">
              {warning}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PythonImport() {
  const pythonImport = useAppStore((s) => s.specs.pythonImport);
  const { setPythonImport, readPythonImport, saveImportedSpec } = useAppStore(
    useShallow((s) => ({ setPythonImport: s.setPythonImport, readPythonImport: s.readPythonImport, saveImportedSpec: s.saveImportedSpec })),
  );
  const { source, entryPoint, status, spec, warnings, error } = pythonImport;

  // Read in the page (File.text()), so it works alike in the desktop app and the web host, with no path to trust.
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setPythonImport({ source: await file.text() });
  };

  return (
    <section className="python-import" data-testid="python-import" aria-label="Import from Python">
      <p className="muted">
        Paste a Python function&apos;s signature with its docstring: the types become the spec&apos;s types, and each doctest (<span className="mono">&gt;&gt;&gt; f(1, 2)</span> with the
        expected output on the next line) becomes an example.
      </p>
      <textarea
        data-testid="python-source"
        aria-label="Python signature and docstring"
        className="mono"
        rows={9}
        spellCheck={false}
        placeholder={PLACEHOLDER}
        value={source}
        onChange={(event) => setPythonImport({ source: event.target.value })}
      />
      <div className="python-import-actions">
        <label className="file-pick">
          <span>Open a .py file…</span>
          <input type="file" accept=".py,text/x-python" data-testid="python-file" onChange={(event) => void openFile(event.target.files?.[0])} />
        </label>
        <input
          type="text"
          className="mono"
          aria-label="Function to import"
          placeholder="function (optional)"
          title="Which function to import when the source defines several"
          value={entryPoint}
          onChange={(event) => setPythonImport({ entryPoint: event.target.value })}
        />
        <button type="button" data-testid="import-python" disabled={!source.trim() || status === 'reading'} onClick={() => void readPythonImport()}>
          {status === 'reading' ? 'Reading…' : 'Read signature'}
        </button>
        <button type="button" onClick={() => setPythonImport({ open: false })}>
          Cancel
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {spec && (
        <>
          <ImportedSpec spec={spec} warnings={warnings} />
          <div className="python-import-actions">
            <button type="button" className="primary" data-testid="save-imported" disabled={status === 'saving'} onClick={() => void saveImportedSpec()}>
              {status === 'saving' ? 'Saving…' : 'Save as spec'}
            </button>
            <span className="muted">Saved as a new spec and opened below, to edit and generate.</span>
          </div>
        </>
      )}
    </section>
  );
}
