// Settings › Validator policies: view and edit each tier's import allow/deny lists and category severities.
// Edits are a local draft until saved; the services check the policy's schema, store it and record the change.
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Tier } from '../../../../shared/domain';
import type { ErrorData } from '../../../../shared/errors';
import { PolicySet, RuleCategory, RuleSeverity, type ImportPolicy, type TierPolicy } from '../../../../shared/validation';
import { bridge } from '../../bridge';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { parseModuleList } from '../validation/validationState';

type LanguageKey = keyof TierPolicy['imports'];

/** The draft of one tier's policy, with the import lists as the text the user is typing. */
type Draft = {
  policy: TierPolicy;
  lists: Record<LanguageKey, { allow: string; deny: string }>;
};

const languageLabels: Record<LanguageKey, string> = { python: 'Python', javascript: 'JavaScript / TypeScript' };
const severityLabels: Record<RuleSeverity, string> = { error: 'error (blocks)', warning: 'warning', info: 'note', off: 'off' };
const moduleLists = [
  { list: 'allow', label: 'Allowed modules (one per line; a name also allows its submodules)' },
  { list: 'deny', label: 'Denied modules (refused even if allowed above)' },
] as const;

function SeveritySelect(props: { value: RuleSeverity; onChange: (severity: RuleSeverity) => void; testId?: string }) {
  return (
    <select data-testid={props.testId} value={props.value} onChange={(event) => props.onChange(RuleSeverity.parse(event.target.value))}>
      {RuleSeverity.options.map((severity) => (
        <option key={severity} value={severity}>
          {severityLabels[severity]}
        </option>
      ))}
    </select>
  );
}

function toDraft(policy: TierPolicy): Draft {
  const lists = (language: LanguageKey) => ({ allow: policy.imports[language].allow.join('\n'), deny: policy.imports[language].deny.join('\n') });
  return { policy, lists: { python: lists('python'), javascript: lists('javascript') } };
}

function fromDraft(draft: Draft): TierPolicy {
  const imports = (language: LanguageKey): ImportPolicy => ({
    ...draft.policy.imports[language],
    allow: parseModuleList(draft.lists[language].allow),
    deny: parseModuleList(draft.lists[language].deny),
  });
  return { ...draft.policy, imports: { python: imports('python'), javascript: imports('javascript') } };
}

export function PolicySettings() {
  const { policies, loadPolicies, receivePolicies } = useAppStore(
    useShallow((s) => ({ policies: s.policies, loadPolicies: s.loadPolicies, receivePolicies: s.receivePolicies })),
  );
  const [tier, setTier] = useState<Tier>('sandbox');
  const [savedNote, setSavedNote] = useState<string | null>(null);

  useEffect(() => {
    void loadPolicies();
    // Another window (or the CLI through a shared web host) may change a policy; show what is in force.
    return bridge.on((name, payload) => {
      if (name !== 'validate.policiesChanged') return;
      const parsed = PolicySet.safeParse(payload);
      if (parsed.success) receivePolicies(parsed.data);
    });
  }, [loadPolicies, receivePolicies]);

  const stored = policies.set?.policies[tier] ?? null;
  const customized = policies.set?.customized.includes(tier) ?? false;
  if (policies.status === 'failed' && policies.error) return <ErrorNotice error={policies.error} onRetry={() => void loadPolicies()} />;
  if (!stored) return <p className="loading">Loading validator policies…</p>;

  return (
    <div className="policy-settings" data-testid="policy-settings">
      <div className="policy-toolbar">
        <label className="field">
          <span>Tier</span>
          <select
            data-testid="policy-tier"
            value={tier}
            onChange={(event) => {
              setSavedNote(null);
              setTier(Tier.parse(event.target.value));
            }}
          >
            {Tier.options.map((option) => (
              <option key={option} value={option}>
                {option}
                {policies.set?.customized.includes(option) ? ' (edited)' : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="policy-origin">
          {customized ? 'Edited policy, stored in the database.' : 'Built-in policy.'}
        </span>
      </div>
      {/* Keyed by the stored policy: a save, a reset, a pushed change or another tier starts a fresh draft. */}
      <TierPolicyEditor key={`${tier}:${JSON.stringify(stored)}`} stored={stored} customized={customized} savedNote={savedNote} onSaved={setSavedNote} />
    </div>
  );
}

type EditorProps = { stored: TierPolicy; customized: boolean; savedNote: string | null; onSaved: (note: string | null) => void };

function TierPolicyEditor({ stored, customized, savedNote, onSaved }: EditorProps) {
  const { saving, savePolicy, resetPolicy } = useAppStore(useShallow((s) => ({ saving: s.policies.saving, savePolicy: s.savePolicy, resetPolicy: s.resetPolicy })));
  const tier = stored.tier;
  const [draft, setDraft] = useState<Draft>(() => toDraft(stored));
  const [saveError, setSaveError] = useState<ErrorData | null>(null);
  const edited = useMemo(() => fromDraft(draft), [draft]);
  const dirty = JSON.stringify(edited) !== JSON.stringify(stored);

  const update = (change: (policy: TierPolicy) => TierPolicy) => {
    onSaved(null);
    setDraft((current) => ({ ...current, policy: change(current.policy) }));
  };
  const updateImports = (language: LanguageKey, change: Partial<ImportPolicy>) =>
    update((policy) => ({ ...policy, imports: { ...policy.imports, [language]: { ...policy.imports[language], ...change } } }));
  const updateList = (language: LanguageKey, list: 'allow' | 'deny', text: string) => {
    onSaved(null);
    setDraft((current) => ({ ...current, lists: { ...current.lists, [language]: { ...current.lists[language], [list]: text } } }));
  };
  const save = async () => {
    const error = await savePolicy(edited);
    setSaveError(error);
    if (!error) onSaved(`Saved the ${tier} policy; validation uses it from now on.`);
  };
  const reset = async () => {
    const error = await resetPolicy(tier);
    setSaveError(error);
    if (!error) onSaved(`The ${tier} tier is back on the built-in policy.`);
  };

  return (
    <>
      <h3>Severity of each rule category</h3>
      <p className="muted">Only an error blocks a run. A rule may report less than its category (advisories are capped), never more.</p>
      <div className="policy-categories">
        {RuleCategory.options.map((category) => (
          <label key={category} className="field">
            <span>{category}</span>
            <SeveritySelect
              testId={`policy-category-${category}`}
              value={edited.categories[category] ?? 'error'}
              onChange={(severity) => update((policy) => ({ ...policy, categories: { ...policy.categories, [category]: severity } }))}
            />
          </label>
        ))}
      </div>
      <label className="field">
        <input
          type="checkbox"
          data-testid="policy-work-folder"
          checked={edited.workFolderWrites}
          onChange={(event) => update((policy) => ({ ...policy, workFolderWrites: event.target.checked }))}
        />
        <span>Allow writes and deletes at relative paths inside the run&apos;s work folder</span>
      </label>

      {(['python', 'javascript'] as const).map((language) => {
        const imports = edited.imports[language];
        return (
          <fieldset key={language} className="policy-imports" data-testid={`policy-imports-${language}`}>
            <legend>{languageLabels[language]} imports</legend>
            <label className="field">
              <input
                type="checkbox"
                checked={imports.allowStandardLibrary}
                onChange={(event) => updateImports(language, { allowStandardLibrary: event.target.checked })}
              />
              <span>Allow the whole standard library (except the deny list)</span>
            </label>
            <div className="policy-lists">
              {moduleLists.map(({ list, label }) => (
                <label key={list}>
                  <span>{label}</span>
                  <textarea
                    data-testid={`policy-${list}-${language}`}
                    rows={8}
                    spellCheck={false}
                    value={draft.lists[language][list]}
                    onChange={(event) => updateList(language, list, event.target.value)}
                  />
                </label>
              ))}
            </div>
            <div className="policy-categories">
              {(['notAllowed', 'unknown'] as const).map((field) => (
                <label key={field} className="field">
                  <span>{field === 'notAllowed' ? 'Other standard-library modules' : 'Third-party modules'}</span>
                  <SeveritySelect value={imports[field]} onChange={(severity) => updateImports(language, { [field]: severity })} />
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}

      {saveError && <ErrorNotice error={saveError} onDismiss={() => setSaveError(null)} />}
      {savedNote && (
        <p className="policy-saved" role="status" data-testid="policy-saved">
          {savedNote}
        </p>
      )}
      <div className="policy-actions">
        <button type="button" className="primary" data-testid="policy-save" disabled={!dirty || saving} onClick={() => void save()}>
          Save {tier} policy
        </button>
        <button type="button" disabled={!dirty} onClick={() => setDraft(toDraft(stored))}>
          Discard changes
        </button>
        <button type="button" data-testid="policy-reset" disabled={!customized || saving} onClick={() => void reset()}>
          Reset to built-in
        </button>
      </div>
    </>
  );
}
