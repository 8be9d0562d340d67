// The spec as a form: name, description, parameters with types and defaults, return type and examples. Every edit
// rewrites the JSON draft, so the form and the JSON editor always show the same spec.
import { useState } from 'react';
import { Tier } from '../../../../shared/domain';
import { SpecLanguage, type Spec, type SpecExample, type SpecParameter, type SpecValue } from '../../../../shared/spec';
import { formatFieldValue, parseFieldValue } from './specsState';

/** A text field holding a JSON value; it commits only text that parses, and says why other text does not. */
function JsonField({ value, onCommit, label, placeholder, testId }: { value: unknown; onCommit: (value: unknown) => void; label: string; placeholder?: string; testId?: string }) {
  const [text, setText] = useState(formatFieldValue(value));
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  // The value changed from outside (the JSON editor, another example): show it, unless the text already says it.
  if (shown !== value) {
    setShown(value);
    const typed = parseFieldValue(text);
    if (!typed.ok || formatFieldValue(typed.value) !== formatFieldValue(value)) {
      setText(formatFieldValue(value));
      setProblem(null);
    }
  }
  return (
    <span className="json-field">
      <input
        type="text"
        className={`mono${problem ? ' invalid' : ''}`}
        aria-label={label}
        data-testid={testId}
        value={text}
        placeholder={placeholder}
        title={problem ?? undefined}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = parseFieldValue(event.target.value);
          if (parsed.ok) {
            setProblem(null);
            onCommit(parsed.value);
          } else setProblem(parsed.message);
        }}
      />
    </span>
  );
}

export function SpecForm({ spec, onChange }: { spec: Spec; onChange: (spec: Spec) => void }) {
  const parameters = Array.isArray(spec.parameters) ? spec.parameters : [];
  const examples = Array.isArray(spec.examples) ? spec.examples : [];
  const setParameter = (index: number, patch: Partial<SpecParameter>) =>
    onChange({ ...spec, parameters: parameters.map((parameter, i) => (i === index ? dropUndefined({ ...parameter, ...patch }) : parameter)) });
  const setExample = (index: number, patch: Partial<SpecExample>) =>
    onChange({ ...spec, examples: examples.map((example, i) => (i === index ? dropUndefined({ ...example, ...patch }) : example)) });

  return (
    <form className="spec-form" data-testid="spec-form" onSubmit={(event) => event.preventDefault()}>
      <div className="form-row">
        <label>
          Name
          <input type="text" className="mono" data-testid="spec-name" value={spec.name ?? ''} onChange={(event) => onChange({ ...spec, name: event.target.value })} />
        </label>
        <label>
          Language
          <select value={spec.language} onChange={(event) => onChange({ ...spec, language: SpecLanguage.parse(event.target.value) })}>
            {SpecLanguage.options.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <label>
          Tier
          <select value={spec.tier} onChange={(event) => onChange({ ...spec, tier: Tier.parse(event.target.value) })}>
            {Tier.options.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="form-block">
        Description
        <textarea rows={2} data-testid="spec-description" value={spec.description ?? ''} onChange={(event) => onChange({ ...spec, description: event.target.value })} />
      </label>

      <fieldset>
        <legend>Parameters</legend>
        {parameters.length === 0 && <p className="muted">No parameters.</p>}
        {parameters.map((parameter, index) => (
          <div className="form-row param-row" key={index} data-testid="spec-parameter">
            <input type="text" className="mono" aria-label={`Parameter ${index + 1} name`} value={parameter.name} onChange={(event) => setParameter(index, { name: event.target.value })} />
            <input type="text" className="mono" aria-label={`Parameter ${index + 1} type`} value={parameter.type} onChange={(event) => setParameter(index, { type: event.target.value })} />
            <JsonField label={`Parameter ${index + 1} default`} placeholder="default (JSON)" value={parameter.default} onCommit={(value) => setParameter(index, { default: value as SpecValue | undefined })} />
            <button type="button" className="icon-button" aria-label={`Remove parameter ${index + 1}`} onClick={() => onChange({ ...spec, parameters: parameters.filter((_, i) => i !== index) })}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="link-button" onClick={() => onChange({ ...spec, parameters: [...parameters, { name: `arg${parameters.length + 1}`, type: 'int' }] })}>
          + Parameter
        </button>
      </fieldset>

      <div className="form-row">
        <label>
          Returns
          <input type="text" className="mono" data-testid="spec-returns" value={spec.returns?.type ?? ''} onChange={(event) => onChange({ ...spec, returns: { ...spec.returns, type: event.target.value } })} />
        </label>
      </div>

      <fieldset>
        <legend>Examples</legend>
        {examples.length === 0 && <p className="muted">No examples yet. Examples become the tests, and decide which body is used.</p>}
        {examples.map((example, index) => (
          <div className="form-row example-row" key={index} data-testid="spec-example">
            <JsonField label={`Example ${index + 1} arguments`} placeholder="[args]" value={example.args} onCommit={(value) => setExample(index, { args: (Array.isArray(value) ? value : []) as SpecValue[] })} />
            <span className="muted">→</span>
            <JsonField label={`Example ${index + 1} expected`} placeholder="expected (JSON)" value={example.expected} onCommit={(value) => setExample(index, { expected: value as SpecValue | undefined })} />
            <input type="text" className="mono" aria-label={`Example ${index + 1} raises`} placeholder="or raises" value={example.raises ?? ''} onChange={(event) => setExample(index, { raises: event.target.value || undefined })} />
            <button type="button" className="icon-button" aria-label={`Remove example ${index + 1}`} onClick={() => onChange({ ...spec, examples: examples.filter((_, i) => i !== index) })}>
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link-button"
          data-testid="add-example"
          onClick={() => onChange({ ...spec, examples: [...examples, { args: parameters.map(() => null) as SpecValue[] }] })}
        >
          + Example
        </button>
      </fieldset>
    </form>
  );
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
