// Edits a project's ordered tier rules (first matching glob wins); saving re-tiers the files without parsing them.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Tier } from '../../../../shared/domain';
import type { TierRule } from '../../../../shared/indexing';
import { useAppStore } from '../../store';

export function TierRulesEditor() {
  const rules = useAppStore((s) => s.project.tierRules);
  // A new key when the stored rules change (loaded, saved, another project) starts the draft afresh from them.
  return <TierRulesForm key={JSON.stringify(rules)} rules={rules} />;
}

function TierRulesForm({ rules }: { rules: TierRule[] }) {
  const { status, error } = useAppStore(useShallow((s) => ({ status: s.project.tierRulesStatus, error: s.project.tierRulesError })));
  const saveTierRules = useAppStore((s) => s.saveTierRules);
  const [draft, setDraft] = useState<TierRule[]>(rules);

  const update = (index: number, change: Partial<TierRule>) => setDraft(draft.map((rule, i) => (i === index ? { ...rule, ...change } : rule)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= draft.length) return;
    const next = [...draft];
    [next[index], next[target]] = [next[target] as TierRule, next[index] as TierRule];
    setDraft(next);
  };
  const changed = JSON.stringify(draft) !== JSON.stringify(rules);
  const blank = draft.some((rule) => !rule.glob.trim());

  return (
    <div className="tier-rules" data-testid="tier-rules">
      <p className="muted">
        Each file gets the tier of the first rule whose glob matches its path (relative to the project); files no rule matches are
        trusted.
      </p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>#</th>
            <th>Glob</th>
            <th>Tier</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.map((rule, index) => (
            <tr key={index}>
              <td className="muted">{index + 1}</td>
              <td>
                <input
                  type="text"
                  className="mono"
                  value={rule.glob}
                  maxLength={500}
                  onChange={(event) => update(index, { glob: event.target.value })}
                  aria-label={`Glob of rule ${index + 1}`}
                />
              </td>
              <td>
                <select value={rule.tier} onChange={(event) => update(index, { tier: Tier.parse(event.target.value) })} aria-label={`Tier of rule ${index + 1}`}>
                  {Tier.options.map((tier) => (
                    <option key={tier} value={tier}>
                      {tier}
                    </option>
                  ))}
                </select>
              </td>
              <td className="nowrap">
                <button type="button" className="icon-button" onClick={() => move(index, -1)} aria-label="Move up" disabled={index === 0}>
                  ↑
                </button>
                <button type="button" className="icon-button" onClick={() => move(index, 1)} aria-label="Move down" disabled={index === draft.length - 1}>
                  ↓
                </button>
                <button type="button" className="icon-button" onClick={() => setDraft(draft.filter((_, i) => i !== index))} aria-label="Remove rule">
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="tier-rules-actions">
        <button type="button" onClick={() => setDraft([...draft, { glob: '', tier: 'core' }])} disabled={draft.length >= 200}>
          Add rule
        </button>
        <button type="button" className="primary" onClick={() => void saveTierRules(draft)} disabled={!changed || blank || status === 'saving'}>
          {status === 'saving' ? 'Saving…' : 'Save rules'}
        </button>
        {changed && (
          <button type="button" onClick={() => setDraft(rules)}>
            Revert
          </button>
        )}
        {blank && <span className="error-text">Every rule needs a glob.</span>}
        {!changed && status === 'saved' && <span className="muted">Saved; files re-tiered.</span>}
        {error && <span className="error-text">{error.message}</span>}
      </div>
    </div>
  );
}
