// The Project view: open a folder (path, drop or recent), watch it index, then its overview, search and read-only files.
import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Tier } from '../../../../shared/domain';
import type { IndexSummary, SearchHit } from '../../../../shared/indexing';
import { bridge, bridgeKind } from '../../bridge';
import { useAppStore } from '../../store';
import { CodeEditor } from '../../ui/CodeEditor';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useResolvedTheme } from '../../ui/theme';
import { FileTree } from './FileTree';
import { formatEta, progressFraction } from './projectState';
import { TierRulesEditor } from './TierRulesEditor';

export const tierOrder: readonly Tier[] = ['core', 'trusted', 'testing', 'sandbox'];
const languageLabels: Record<string, string> = { python: 'Python', typescript: 'TypeScript', javascript: 'JavaScript' };

export function ProjectView() {
  const { status, summary, viewer, error } = useAppStore(
    useShallow((s) => ({ status: s.project.status, summary: s.project.summary, viewer: s.project.viewer, error: s.project.error })),
  );
  const loadRecentProjects = useAppStore((s) => s.loadRecentProjects);
  useEffect(() => {
    void loadRecentProjects();
  }, [loadRecentProjects]);

  const setProjectError = useAppStore((s) => s.setProjectError);
  const notice = error ? <ErrorNotice error={error} onDismiss={() => setProjectError(undefined)} /> : null;

  if (status === 'indexing') return <IndexingProgress />;
  if (viewer) return <FileViewer />;
  if (summary)
    return (
      <>
        {notice}
        <ProjectOverview summary={summary} />
      </>
    );
  return (
    <section className="view project-start" data-testid="project-start">
      {notice}
      <EmptyState icon="drop" title="Drop a project folder here" testId="project-empty">
        <p>
          The workbench indexes every file, function and class of a Python or TypeScript project, so generated code knows what
          already exists and where it belongs.
        </p>
        <OpenFolderForm />
        <RecentProjects />
      </EmptyState>
    </section>
  );
}

function OpenFolderForm() {
  const [path, setPath] = useState('');
  const openProject = useAppStore((s) => s.openProject);
  const pickAndOpenFolder = useAppStore((s) => s.pickAndOpenFolder);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void openProject(path);
  };
  return (
    <form className="open-folder" onSubmit={submit}>
      <input
        type="text"
        value={path}
        onChange={(event) => setPath(event.target.value)}
        placeholder={bridgeKind === 'web' ? '/path/to/project' : 'Folder path (or drop the folder on the window)'}
        aria-label="Project folder path"
        data-testid="project-path"
        spellCheck={false}
      />
      <button type="submit" className="primary" data-testid="project-open">
        Open
      </button>
      {bridge.pickFolder && (
        <button type="button" data-testid="project-pick-folder" onClick={() => void pickAndOpenFolder()}>
          Open Folder…
        </button>
      )}
    </form>
  );
}

function RecentProjects() {
  const recent = useAppStore((s) => s.project.recent);
  const openProject = useAppStore((s) => s.openProject);
  if (recent.length === 0) return null;
  return (
    <div className="recent-projects">
      <h2>Recent projects</h2>
      <ul>
        {recent.map((project) => (
          <li key={project.id}>
            <button type="button" className="link-button" onClick={() => void openProject(project.root)} title={project.root} data-testid="recent-project">
              <strong>{project.name}</strong> <span className="muted mono">{project.root}</span>
            </button>
            <span className="muted">
              {project.files} files · {project.symbols} symbols
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function IndexingProgress() {
  const { progress, opening } = useAppStore(useShallow((s) => ({ progress: s.project.progress, opening: s.project.opening })));
  const cancelIndexing = useAppStore((s) => s.cancelIndexing);
  const fraction = progress ? progressFraction(progress) : null;
  const phase = progress?.phase ?? 'walking';
  const eta = formatEta(progress?.etaMs ?? null);
  return (
    <section className="view indexing" data-testid="project-indexing">
      <h1>Indexing {opening}</h1>
      <div
        className={`progress-bar${fraction === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress?.filesTotal ?? 0}
        aria-valuenow={progress?.filesDone ?? 0}
        aria-label="Indexing progress"
      >
        <div className="progress-fill" style={{ width: `${Math.round((fraction ?? 0.3) * 100)}%` }} />
      </div>
      <div className="progress-facts">
        <span data-testid="progress-files">
          {progress ? `${progress.filesDone} / ${progress.filesTotal} files` : 'Looking for files…'}
          {phase === 'walking' && progress ? ' (still finding files)' : ''}
        </span>
        <span>{eta ? `about ${eta} left` : ''}</span>
      </div>
      <p className="mono muted current-file">{progress?.currentFile ?? ' '}</p>
      <button type="button" onClick={() => void cancelIndexing()} data-testid="project-cancel">
        Cancel
      </button>
    </section>
  );
}

function ProjectOverview({ summary }: { summary: IndexSummary }) {
  const closeProject = useAppStore((s) => s.closeProject);
  const openProject = useAppStore((s) => s.openProject);
  const watchProblem = useAppStore((s) => s.project.watchProblem);
  const languages = Object.entries(summary.byLanguage);
  return (
    <section className="view project-overview" data-testid="project-overview">
      <header className="view-header">
        <h1 title={summary.root}>{summary.root.split(/[\\/]/).filter(Boolean).pop() ?? summary.root}</h1>
        <span className="mono muted">{summary.root}</span>
        <span className="spacer" />
        <button type="button" onClick={() => void openProject(summary.root)} title="Index again (only changed files are parsed)">
          Re-index
        </button>
        <button type="button" onClick={closeProject}>
          Close
        </button>
      </header>
      {watchProblem && (
        <p className="watch-problem" role="alert" data-testid="watch-problem">
          <strong>Not kept current.</strong> {watchProblem}
        </p>
      )}
      <div className="stat-cards">
        <Stat label="Files" value={summary.files} testId="stat-files" />
        <Stat label="Lines" value={summary.lines} detail={`${summary.lineCounts.code} code · ${summary.lineCounts.comment} comment · ${summary.lineCounts.blank} blank`} />
        <Stat label="Symbols" value={summary.symbols} testId="stat-symbols" detail={Object.entries(summary.symbolsByKind).map(([kind, n]) => `${n} ${kind}`).join(' · ')} />
        <Stat label="Languages" value={languages.length} detail={languages.map(([language]) => languageLabels[language] ?? language).join(', ')} />
      </div>
      <div className="overview-columns">
        <div>
          <h2>Trust tiers</h2>
          <TierChart summary={summary} />
        </div>
        <div>
          <h2>Languages</h2>
          <table className="data-table compact">
            <thead>
              <tr>
                <th>Language</th>
                <th className="number">Files</th>
                <th className="number">Lines</th>
                <th className="number">Symbols</th>
              </tr>
            </thead>
            <tbody>
              {languages.map(([language, tally]) => (
                <tr key={language}>
                  <td>{languageLabels[language] ?? language}</td>
                  <td className="number">{tally.files}</td>
                  <td className="number">{tally.lines}</td>
                  <td className="number">{tally.symbols}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="muted">
        Indexed in {(summary.durationMs / 1000).toFixed(2)} s: {summary.changes.parsed} parsed, {summary.changes.unchanged} unchanged,{' '}
        {summary.changes.removed} removed.{watchProblem ? ' Changes since may be missing: Re-index brings them in.' : ' Saved files are re-indexed as you work.'}
      </p>
      <h2>Skipped ({summary.skipped.length})</h2>
      {summary.skipped.length === 0 ? (
        <p className="muted">Nothing was skipped (ignored folders such as node_modules and .gitignore entries are left out quietly).</p>
      ) : (
        <table className="data-table compact" data-testid="skipped-table">
          <tbody>
            {summary.skipped.map((skip) => (
              <tr key={skip.path}>
                <td className="mono">{skip.path}</td>
                <td className="nowrap">{skip.reason}</td>
                <td className="muted">{skip.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Syntax errors ({summary.errors.length})</h2>
      {summary.errors.length === 0 ? (
        <p className="muted">No syntax errors.</p>
      ) : (
        <ul className="issue-list">
          {summary.errors.map((issue) => (
            <li key={`${issue.path}:${issue.line}:${issue.column}`}>
              <button type="button" className="link-button mono" onClick={() => void useAppStore.getState().openProjectFile(issue.path, issue.line)}>
                {issue.path}:{issue.line}:{issue.column + 1}
              </button>{' '}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      <h2>Tier rules</h2>
      <TierRulesEditor />
    </section>
  );
}

function Stat({ label, value, detail, testId }: { label: string; value: number; detail?: string; testId?: string }) {
  return (
    <div className="stat-card">
      <div className="stat-value" data-testid={testId}>
        {value.toLocaleString('en-US')}
      </div>
      <div className="stat-label">{label}</div>
      {detail && <div className="stat-detail muted">{detail}</div>}
    </div>
  );
}

/** Files per tier as horizontal bars: a small SVG, so it scales and follows the theme through CSS variables. */
function TierChart({ summary }: { summary: IndexSummary }) {
  const rows = tierOrder.map((tier) => ({ tier, files: summary.byTier[tier]?.files ?? 0, symbols: summary.byTier[tier]?.symbols ?? 0 }));
  const max = Math.max(1, ...rows.map((row) => row.files));
  const rowHeight = 26;
  const labelWidth = 70;
  const barWidth = 220;
  return (
    <svg className="tier-chart" width={labelWidth + barWidth + 180} height={rows.length * rowHeight} role="img" aria-label="Files per trust tier" data-testid="tier-chart">
      {rows.map((row, index) => (
        <g key={row.tier} transform={`translate(0, ${index * rowHeight})`}>
          <text x={0} y={17} className="tier-chart-label">
            {row.tier}
          </text>
          <rect x={labelWidth} y={5} width={barWidth} height={16} className="tier-chart-track" rx={3} />
          <rect x={labelWidth} y={5} width={(row.files / max) * barWidth} height={16} className={`tier-fill tier-${row.tier}`} rx={3} />
          <text x={labelWidth + barWidth + 8} y={17} className="tier-chart-value">
            {plural(row.files, 'file')} · {plural(row.symbols, 'symbol')}
          </text>
        </g>
      ))}
    </svg>
  );
}

function FileViewer() {
  const viewer = useAppStore((s) => s.project.viewer);
  const closeViewer = useAppStore((s) => s.closeViewer);
  const theme = useResolvedTheme();
  if (!viewer) return null;
  const { content, reveal, symbolName } = viewer;
  return (
    <section className="file-viewer" data-testid="file-viewer">
      <header className="view-toolbar">
        <button type="button" onClick={closeViewer} data-testid="viewer-back">
          ← Overview
        </button>
        <span className="mono" data-testid="viewer-path">
          {content.path}
        </span>
        {symbolName && (
          <span className="muted" data-testid="viewer-symbol">
            {symbolName} · line {reveal.line}
          </span>
        )}
        <span className="spacer" />
        <span className="muted">read-only{content.truncated ? ' · truncated (file too large to show whole)' : ''}</span>
      </header>
      <div className="editor-view-body">
        <CodeEditor
          value={content.content}
          language={content.language ?? 'plaintext'}
          theme={theme}
          readOnly
          revealLine={reveal}
          ariaLabel={`${content.path} (read-only)`}
          testId="viewer-code"
        />
      </div>
    </section>
  );
}

/** The sidebar: a search box with instant results over the symbols, or the file tree when the box is empty. */
export function ProjectSidebar() {
  const { summary, query, hits, searchError, status } = useAppStore(
    useShallow((s) => ({ summary: s.project.summary, query: s.project.query, hits: s.project.hits, searchError: s.project.searchError, status: s.project.status })),
  );
  const searchSymbols = useAppStore((s) => s.searchSymbols);
  if (!summary) {
    return (
      <div className="sidebar-body muted">
        <p>{status === 'indexing' ? 'Indexing…' : 'No project open. Drop a folder on the window, or type its path in the Project view.'}</p>
      </div>
    );
  }
  return (
    <div className="sidebar-body project-sidebar">
      <input
        type="search"
        className="search-box"
        // Short enough for the narrowest sidebar; the title says what the search matches.
        placeholder="Search symbols and docs"
        title="Search symbols by name in any style (camelCase, snake_case) and by their docs"
        value={query}
        onChange={(event) => void searchSymbols(event.target.value)}
        aria-label="Search symbols"
        data-testid="symbol-search"
        spellCheck={false}
      />
      {searchError && <p className="error-text">{searchError.message}</p>}
      {query.trim() ? <SearchResults hits={hits} /> : <FileTree />}
    </div>
  );
}

function SearchResults({ hits }: { hits: SearchHit[] }) {
  const openSymbol = useAppStore((s) => s.openSymbol);
  if (hits.length === 0) return <p className="muted">No symbol matches.</p>;
  return (
    <ul className="search-results" data-testid="search-results">
      {hits.map((hit) => (
        <li key={hit.id}>
          <button type="button" onClick={() => void openSymbol(hit.id)} title={hit.signature} data-testid="search-hit">
            <span className={`kind-badge kind-${hit.kind}`}>{kindLabel(hit.kind)}</span>
            <span className="hit-name">{hit.qualifiedName}</span>
            <span className="hit-where muted mono">
              {hit.path}:{hit.startLine}
            </span>
            {hit.docSummary && <span className="hit-doc muted">{hit.docSummary}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function kindLabel(kind: SearchHit['kind']): string {
  switch (kind) {
    case 'class':
      return 'C';
    case 'method':
    case 'async-method':
      return 'M';
    case 'interface':
      return 'I';
    case 'type':
      return 'T';
    case 'enum':
      return 'E';
    default:
      return 'F';
  }
}
