// The Review view: generated code that passed its checks waits here for a person's decision, and approved code is
// deployed from here into the project's git repository on a branch of its own.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ErrorData } from '../../../../shared/errors';
import type { GenerationResult } from '../../../../shared/generation';
import type { SearchHit } from '../../../../shared/indexing';
import type { QualityReport as QualityReportData } from '../../../../shared/quality';
import type { SuggestionList } from '../../../../shared/suggestions';
import { ValidationReport } from '../../../../shared/validation';
import type { DeploymentRecord, ReviewDetail } from '../../../../shared/review';
import { bridge } from '../../bridge';
import { useAppStore } from '../../store';
import { CodeEditor } from '../../ui/CodeEditor';
import { DiffEditor } from '../../ui/DiffEditor';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useResolvedTheme } from '../../ui/theme';
import { QualityReport } from '../quality/QualityReport';
import { FindingsPanel } from '../validation/FindingsPanel';
import { targetOf, type QueueState, type TargetKind } from './reviewSlice';
import { reviewStage } from './reviewState';

const tabLabels = { code: 'Code', tests: 'Tests', checks: 'Checks', improve: 'Improve', trail: 'Trail' } as const;

const decisionLabels = { approved: 'Approved', 'changes-requested': 'Changes requested', rejected: 'Rejected' } as const;

export function ReviewView() {
  const { selectedId, detail, error } = useAppStore(useShallow((s) => ({ selectedId: s.review.selectedId, detail: s.review.detail, error: s.review.error })));
  const loadReviewQueue = useAppStore((s) => s.loadReviewQueue);
  useEffect(() => {
    void loadReviewQueue();
  }, [loadReviewQueue]);

  if (!selectedId) {
    return (
      <EmptyState icon="review" title="Pick an artefact to review" testId="review-empty">
        Generated code that passes validation and its tests waits in the list on the left. Nothing is committed to a project
        until a person approves it.
      </EmptyState>
    );
  }
  if (!detail) return error ? <ErrorNotice error={error} /> : <p className="muted review-loading">Loading artefact #{selectedId}…</p>;
  return <ReviewDetailView detail={detail} />;
}

function ReviewDetailView({ detail }: { detail: ReviewDetail }) {
  const [tab, setTab] = useState<'code' | 'tests' | 'checks' | 'improve' | 'trail'>('code');
  const theme = useResolvedTheme();
  const error = useAppStore((s) => s.review.error);
  const language = detail.item.language === 'python' ? 'python' : 'typescript';
  const stage = reviewStage(detail);
  return (
    <section className="review-view" data-testid="review-detail">
      <header className="view-toolbar review-header">
        <strong>
          #{detail.item.artifactId} {detail.item.specName}
        </strong>
        <span className="muted">
          spec v{detail.item.specVersion ?? '–'} · {detail.item.language} · body from {detail.item.bodySource} ·{' '}
          <span data-testid="review-status" data-status={stage.status}>
            {stage.status}
            {stage.live && (
              <>
                {' '}
                to <code>{stage.live.branch}</code>
                {stage.live.commit && <> @ <code>{stage.live.commit.slice(0, 10)}</code></>}
              </>
            )}
          </span>
        </span>
        <span className={`badge decision-${detail.item.decision ?? 'waiting'}`} data-testid="review-decision">
          {detail.item.decision ? decisionLabels[detail.item.decision] : 'Waiting for review'}
        </span>
        <nav className="tabs" aria-label="Artefact">
          {(['code', 'tests', 'checks', 'improve', 'trail'] as const).map((name) => (
            <button key={name} type="button" className={tab === name ? 'tab active' : 'tab'} aria-pressed={tab === name} onClick={() => setTab(name)}>
              {tabLabels[name]}
            </button>
          ))}
        </nav>
      </header>
      {error && <ErrorNotice error={error} />}
      <div className="review-body">
        <div className="review-pane">
          {tab === 'code' && <CodeEditor value={detail.code} language={language} theme={theme} readOnly ariaLabel="Generated code" testId="review-code" />}
          {tab === 'tests' && <CodeEditor value={detail.tests || '# No tests were generated.'} language={language} theme={theme} readOnly ariaLabel="Generated tests" />}
          {tab === 'checks' && <ChecksList detail={detail} />}
          {tab === 'improve' && <SuggestionsList key={detail.item.artifactId} artifactId={detail.item.artifactId} />}
          {tab === 'trail' && <TrailList detail={detail} />}
        </div>
        <DeployPanel detail={detail} language={language} />
      </div>
    </section>
  );
}

/** Validation, test runs, quality and pipeline stages as stored with the artefact. */
function ChecksList({ detail }: { detail: ReviewDetail }) {
  const rows: { label: string; value: string }[] = [
    ...detail.stages.map((stage) => ({ label: `Stage ${String(stage.stage)}`, value: `${String(stage.status)}${typeof stage.durationMs === 'number' ? ` · ${Math.round(stage.durationMs)} ms` : ''}` })),
    ...detail.validations.map((v) => ({ label: `Validation at ${String(v.tier)}`, value: `${v.blocked ? 'blocked' : 'passed'} · ${Array.isArray(v.findings) ? v.findings.length : 0} findings` })),
    ...detail.testRuns.map((t) => ({ label: `Tests (${String(t.framework)})`, value: `${String(t.passed)} passed · ${String(t.failed)} failed · ${String(t.errors)} errors` })),
    ...detail.quality.map((q) => ({ label: `Quality report #${q.id ?? '–'}`, value: `${q.score} / 100 · scoring v${q.scoringVersion} · ${Math.round(q.durationMs)} ms` })),
    ...detail.executions.map((e) => ({ label: `Run #${e.id}`, value: `${String(e.status)} · ${String(e.isolation)}${typeof e.wallMs === 'number' ? ` · ${Math.round(e.wallMs)} ms` : ''}` })),
  ];
  if (!rows.length) return <p className="muted pad">No checks are stored for this artefact.</p>;
  const latest = detail.validations.at(-1);
  const report = latest
    ? ValidationReport.safeParse({ ok: Boolean(latest.ok), blocked: Boolean(latest.blocked), tier: latest.tier, language: latest.language, findings: latest.findings, durationMs: latest.durationMs })
    : null;
  // The pipeline stores the whole test run summary; its `results` are the per-example outcomes.
  const stored = detail.testRuns.at(-1)?.results as unknown;
  const examples = Array.isArray(stored) ? stored : (stored as { results?: unknown } | undefined)?.results;
  return (
    <div className="review-checks">
      <table className="data-table" data-testid="review-checks">
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report?.success && <FindingsPanel report={report.data} status="ready" />}
      {Array.isArray(examples) && examples.length > 0 && (
        <table className="data-table" data-testid="review-examples">
          <thead>
            <tr>
              <th>Example</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {examples.map((example, index) => {
              const item = example as { index?: number; passed?: boolean; error?: string | null };
              return (
                <tr key={index}>
                  <td>{(item.index ?? index) + 1}</td>
                  <td className={item.passed ? 'example-passed' : 'example-failed'}>{item.passed ? 'passed' : `failed${item.error ? `: ${item.error}` : ''}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <QualitySection key={detail.item.artifactId} artifactId={detail.item.artifactId} stored={detail.quality.at(-1) ?? null} />
    </div>
  );
}

/** The newest quality report on this version with its whole breakdown; versions made before the pipeline assessed them can be assessed here. */
function QualitySection({ artifactId, stored }: { artifactId: number; stored: QualityReportData | null }) {
  const [assessed, setAssessed] = useState<QualityReportData | null>(null);
  const [assessing, setAssessing] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const report = assessed ?? stored;
  const assess = async () => {
    setAssessing(true);
    setError(null);
    const reply = await bridge.invoke('quality.analyze', { artifactId });
    setAssessing(false);
    if (reply.ok) setAssessed(reply.value);
    else setError(reply.error);
  };
  return (
    <section className="review-quality" data-testid="review-quality" aria-label="Quality">
      <h3>Quality</h3>
      {error && <ErrorNotice error={error} />}
      {report ? (
        <QualityReport report={report} />
      ) : (
        <p className="muted">
          No quality report is stored for this version.{' '}
          <button type="button" disabled={assessing} onClick={() => void assess()}>
            {assessing ? 'Assessing…' : 'Assess it now'}
          </button>
        </p>
      )}
    </section>
  );
}

/** Improvement suggestions; applying one makes a new version that goes through the pipeline again. */
function SuggestionsList({ artifactId }: { artifactId: number }) {
  const [list, setList] = useState<SuggestionList | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [applying, setApplying] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<GenerationResult | null>(null);
  const loadReviewQueue = useAppStore((s) => s.loadReviewQueue);
  useEffect(() => {
    let current = true;
    void bridge.invoke('suggestions.list', { artifactId }).then((reply) => {
      if (!current) return;
      if (reply.ok) setList(reply.value);
      else setError(reply.error);
    });
    return () => {
      current = false;
    };
  }, [artifactId]);
  const apply = async (suggestionId: string) => {
    setApplying(suggestionId);
    setError(null);
    const reply = await bridge.invoke('suggestions.apply', { artifactId, suggestionId });
    setApplying(null);
    if (!reply.ok) return setError(reply.error);
    setOutcome(reply.value);
    await loadReviewQueue();
  };
  if (!list) return error ? <ErrorNotice error={error} /> : <p className="muted pad">Measuring the code…</p>;
  return (
    <div className="pad" data-testid="suggestions">
      <p className="muted">
        Quality {Math.round(list.score)}/100. {list.suggestions.length ? 'Applying a suggestion makes a new version that is validated, tested and assessed again.' : 'Nothing to suggest.'}
      </p>
      {error && <ErrorNotice error={error} />}
      {outcome && (
        <p data-testid="suggestion-outcome">
          New version: artefact #{outcome.artifactId} (spec v{outcome.specVersion}) is <strong>{outcome.status}</strong>
          {outcome.reasons.length ? ` — ${outcome.reasons.join('; ')}` : ''}.
        </p>
      )}
      <ul className="suggestions">
        {list.suggestions.map((suggestion) => {
          const possible = suggestion.apply === 'mechanical' || (suggestion.apply === 'model' && list.modelAvailable);
          return (
            <li key={suggestion.id} data-testid="suggestion">
              <strong>{suggestion.title}</strong>
              {suggestion.line ? <span className="muted"> · line {suggestion.line}</span> : null}
              <div className="muted">{suggestion.detail}</div>
              {possible ? (
                <button type="button" disabled={applying !== null} onClick={() => void apply(suggestion.id)}>
                  {applying === suggestion.id ? 'Applying…' : suggestion.apply === 'mechanical' ? 'Apply fix' : 'Ask the model'}
                </button>
              ) : (
                <span className="muted">{suggestion.apply === 'model' ? 'Needs a model provider (Settings) or a hand edit.' : 'Needs a person.'}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function TrailList({ detail }: { detail: ReviewDetail }) {
  const undo = useAppStore((s) => s.undoDeployment);
  if (!detail.reviews.length && !detail.deployments.length) return <p className="muted pad">No decisions yet.</p>;
  return (
    <ul className="trail" data-testid="review-trail">
      {detail.reviews.map((review) => (
        <li key={`r${review.id}`}>
          <span className="muted">{new Date(review.createdAt).toLocaleString()}</span> <strong>{review.reviewer}</strong>: {decisionLabels[review.decision]}
          {review.comment && <> — {review.comment}</>}
          {review.hunks.some((hunk) => !hunk.accepted) && <span className="muted"> ({review.hunks.filter((hunk) => !hunk.accepted).length} change(s) rejected)</span>}
        </li>
      ))}
      {detail.deployments.map((deployment) => (
        <li key={`d${deployment.id}`}>
          <DeploymentLine deployment={deployment} onUndo={() => void undo(deployment.id)} />
        </li>
      ))}
    </ul>
  );
}

function DeploymentLine({ deployment, onUndo }: { deployment: DeploymentRecord; onUndo: () => void }) {
  return (
    <span data-testid="deployment-line">
      Deployment #{deployment.id}: <strong>{deployment.status}</strong> on <code>{deployment.branch}</code>
      {deployment.commit && <> · commit <code>{deployment.commit.slice(0, 10)}</code></>}
      {deployment.revertCommit && <> · reverted by <code>{deployment.revertCommit.slice(0, 10)}</code></>}
      {deployment.status === 'committed' && (
        <button type="button" className="link-button" onClick={onUndo} data-testid="deployment-undo">
          Undo
        </button>
      )}
      {deployment.testRun && deployment.status === 'tests-failed' && <pre className="output">{deployment.testRun.output.slice(-2000)}</pre>}
    </span>
  );
}

function DeployPanel({ detail, language }: { detail: ReviewDetail; language: string }) {
  const theme = useResolvedTheme();
  const state = useAppStore((s) => s.review);
  const actions = useAppStore(
    useShallow((s) => ({
      setDeployForm: s.setDeployForm,
      previewDeployment: s.previewDeployment,
      setHunk: s.setHunk,
      setReviewComment: s.setReviewComment,
      decideReview: s.decideReview,
      deployArtifact: s.deployArtifact,
      undoDeployment: s.undoDeployment,
    })),
  );
  const { form, preview, projects, busy } = state;
  const approved = detail.item.decision === 'approved';
  const stage = reviewStage(detail);
  const target = targetOf(form);
  const blocking = preview?.problems.filter((problem) => problem.code !== 'not-approved') ?? [];
  return (
    <aside className="deploy-panel" aria-label="Decision and deployment">
      <h3>Where it goes</h3>
      {projects.length === 0 ? (
        <p className="muted">Open and index a project (Project view) to deploy into it.</p>
      ) : (
        <div className="form-grid">
          <label>
            Project
            <select data-testid="deploy-project" value={form.projectId ?? ''} onChange={(event) => actions.setDeployForm({ projectId: Number(event.target.value) })}>
              {projects.map((project) => (
                <option key={project.id} value={project.id}>
                  {project.name} — {project.root}
                </option>
              ))}
            </select>
          </label>
          <label>
            Target
            <select data-testid="deploy-kind" value={form.kind} onChange={(event) => actions.setDeployForm({ kind: event.target.value as TargetKind })}>
              <option value="new-file">A new file</option>
              <option value="replace-symbol">Replace a function</option>
              <option value="append">Add to an existing file</option>
            </select>
          </label>
          {form.kind === 'replace-symbol' ? (
            <SymbolPicker projectId={form.projectId} label={form.symbolLabel} onPick={(hit) => actions.setDeployForm({ symbolId: hit.id, symbolLabel: `${hit.qualifiedName} (${hit.path}:${hit.startLine})` })} />
          ) : (
            <label>
              File (relative to the project)
              <input data-testid="deploy-path" value={form.path} onChange={(event) => actions.setDeployForm({ path: event.target.value })} spellCheck={false} />
            </label>
          )}
          <button type="button" data-testid="deploy-preview" disabled={!target || !form.projectId || busy} onClick={() => void actions.previewDeployment()}>
            Preview the change
          </button>
        </div>
      )}

      {preview && (
        <div className="deploy-preview" data-testid="deploy-preview-result">
          <p>
            Branch <code>{preview.branch}</code> · {preview.changes.map((change) => `${change.action === 'create' ? 'create' : 'modify'} ${change.path}`).join(', ')}
          </p>
          {blocking.map((problem) => (
            <p key={problem.message} className="problem" role="alert">
              {problem.message}
            </p>
          ))}
          <div className="diff-host">
            <DiffEditor original={preview.before ?? ''} modified={preview.after} language={language} theme={theme} ariaLabel="What the deployment changes" testId="deploy-diff" />
          </div>
          {preview.hunks.length > 1 && (
            <ol className="hunks" data-testid="deploy-hunks">
              {preview.hunks.map((hunk) => {
                const choice = state.hunks[hunk.index] ?? { accepted: true, reason: '' };
                return (
                  <li key={hunk.index}>
                    <label>
                      <input type="checkbox" checked={choice.accepted} disabled={approved} onChange={(event) => actions.setHunk(hunk.index, { accepted: event.target.checked })} /> Change {hunk.index + 1}: lines{' '}
                      {hunk.oldStart}–{hunk.oldStart + Math.max(0, hunk.oldLines.length - 1)} ({hunk.oldLines.length} → {hunk.newLines.length})
                    </label>
                    {!choice.accepted && (
                      <input className="hunk-reason" placeholder="Why not? (fed back into the next generation)" value={choice.reason} disabled={approved} onChange={(event) => actions.setHunk(hunk.index, { reason: event.target.value })} />
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      )}

      <h3>Decision</h3>
      {stage.live ? (
        // Deployed: the commit stands on its branch, so neither another deployment nor a decision against it is offered.
        <p className="muted" data-testid="review-deployed">
          Approved and deployed to <code>{stage.live.branch}</code>. Undo the deployment to change the decision or deploy again.
        </p>
      ) : (
        <>
          {!stage.canDecide && <p className="muted">This artefact is “{detail.item.status}”: only code that passed validation and its tests can be approved.</p>}
          <textarea
            data-testid="review-comment"
            placeholder="Comment (required to request changes or reject; it feeds back into the spec)"
            value={state.comment}
            onChange={(event) => actions.setReviewComment(event.target.value)}
            rows={3}
          />
          <div className="button-row">
            <button type="button" className="primary" data-testid="review-approve" disabled={!stage.canDecide || approved || busy} onClick={() => void actions.decideReview('approved')}>
              Approve
            </button>
            <button type="button" data-testid="review-request-changes" disabled={!stage.canDecide || busy} onClick={() => void actions.decideReview('changes-requested')}>
              Request changes
            </button>
            <button type="button" className="danger" data-testid="review-reject" disabled={!stage.canDecide || busy} onClick={() => void actions.decideReview('rejected')}>
              Reject
            </button>
          </div>
          <button
            type="button"
            className="primary deploy-button"
            data-testid="deploy-run"
            disabled={!stage.canDeploy || !preview || blocking.length > 0 || busy}
            title={approved ? (preview ? '' : 'Preview the change first') : 'Nothing deploys without an approval'}
            onClick={() => void actions.deployArtifact()}
          >
            Deploy to {preview?.branch ?? 'a branch'}
          </button>
        </>
      )}
      {stage.latest && <DeploymentLine deployment={stage.latest} onUndo={() => void actions.undoDeployment(stage.latest!.id)} />}
    </aside>
  );
}

function SymbolPicker({ projectId, label, onPick }: { projectId: number | null; label: string; onPick: (hit: SearchHit) => void }) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  useEffect(() => {
    if (!projectId || !text.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      void bridge.invoke('search.symbols', { text: text.trim(), projectId, kinds: ['function', 'async-function', 'method', 'arrow-function'], limit: 8 }).then((reply) => {
        if (current && reply.ok) setHits(reply.value);
      });
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, projectId]);
  return (
    <div className="symbol-picker">
      <label>
        Function to replace
        <input data-testid="deploy-symbol" value={text} placeholder={label || 'Search the index…'} onChange={(event) => setText(event.target.value)} spellCheck={false} />
      </label>
      {label && <p className="muted">Selected: {label}</p>}
      {text.trim() && hits.length > 0 && (
        <ul className="picker-results">
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onPick(hit);
                  setText('');
                  setHits([]);
                }}
              >
                {hit.qualifiedName} <span className="muted">{hit.path}:{hit.startLine}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The queue beside this view: what waits, what was approved, or everything reviewed. */
export function ReviewSidebar() {
  const { items, queueState, selectedId, loading } = useAppStore(useShallow((s) => ({ items: s.review.items, queueState: s.review.queueState, selectedId: s.review.selectedId, loading: s.review.loading })));
  const loadReviewQueue = useAppStore((s) => s.loadReviewQueue);
  const selectArtifact = useAppStore((s) => s.selectArtifact);
  return (
    <div className="sidebar-body review-sidebar">
      <div className="sidebar-row">
        <select aria-label="Which artefacts" data-testid="review-queue-state" value={queueState} onChange={(event) => void loadReviewQueue(event.target.value as QueueState)}>
          <option value="pending">Waiting for review</option>
          <option value="approved">Approved</option>
          <option value="all">All reviewed</option>
        </select>
        <button type="button" className="link-button" onClick={() => void loadReviewQueue()}>
          Refresh
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">{loading ? 'Loading…' : queueState === 'pending' ? 'Nothing waits for review. Generate code from a spec; what passes its checks lands here.' : 'Nothing here yet.'}</p>
      ) : (
        <ul className="list" data-testid="review-queue">
          {items.map((item) => (
            <li key={item.artifactId}>
              <button type="button" className={item.artifactId === selectedId ? 'list-item selected' : 'list-item'} onClick={() => void selectArtifact(item.artifactId)}>
                <span>
                  #{item.artifactId} {item.specName}
                </span>
                <span className="muted">
                  v{item.specVersion ?? '–'} · {item.bodySource}
                  {item.decision ? ` · ${decisionLabels[item.decision]}` : ''}
                  {item.deployed ? ' · deployed' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
