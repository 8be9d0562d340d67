// The open project: indexing progress, its summary, files, symbol search, the read-only viewer and its tier rules.
import type { StateCreator } from 'zustand';
import type { ErrorData } from '../../../../shared/errors';
import type {
  FileContent,
  FileEntry,
  IndexChanged,
  IndexProgress,
  IndexSummary,
  IndexWatchProblem,
  RecentProject,
  SearchHit,
  TierRule,
} from '../../../../shared/indexing';
import { bridge } from '../../bridge';
import type { AppState } from '../../store';
import { applyIndexProgress } from './projectState';

export type ProjectViewer = {
  content: FileContent;
  /** Where to put the cursor; `nonce` changes on every request so the same line can be revealed twice. */
  reveal: { line: number; column: number; nonce: number };
  symbolName: string | null;
};

export type ProjectSlice = {
  project: {
    status: 'idle' | 'indexing' | 'ready' | 'failed';
    /** The folder being opened (shown while indexing). */
    opening: string | null;
    summary: IndexSummary | null;
    progress: IndexProgress | null;
    error?: ErrorData;
    recent: RecentProject[];
    files: FileEntry[];
    query: string;
    hits: SearchHit[];
    searchError?: ErrorData;
    viewer: ProjectViewer | null;
    tierRules: TierRule[];
    tierRulesStatus: 'idle' | 'saving' | 'saved';
    tierRulesError?: ErrorData;
    /** Why the open project is not kept current any more (null while saves are re-indexed as they happen). */
    watchProblem: string | null;
  };
  loadRecentProjects: () => Promise<void>;
  openProject: (root: string) => Promise<void>;
  /** The native Open Folder dialog (Electron only), then `openProject` with the chosen folder. */
  pickAndOpenFolder: () => Promise<void>;
  cancelIndexing: () => Promise<void>;
  applyIndexProgressEvent: (event: IndexProgress) => void;
  applyIndexChanged: (event: IndexChanged) => Promise<void>;
  applyWatchProblem: (event: IndexWatchProblem) => void;
  searchSymbols: (query: string) => Promise<void>;
  openSymbol: (symbolId: number) => Promise<void>;
  openProjectFile: (path: string, line?: number) => Promise<void>;
  closeViewer: () => void;
  closeProject: () => void;
  saveTierRules: (rules: TierRule[]) => Promise<void>;
  setProjectError: (error: ErrorData | undefined) => void;
};

let revealNonce = 0;
// Only the newest search may write its hits: typing fast sends several, and replies can come back out of order.
let searchSeq = 0;

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set, get) => {
  const patch = (update: Partial<ProjectSlice['project']>) => set((s) => ({ project: { ...s.project, ...update } }));

  async function loadDetails(projectId: number): Promise<void> {
    const [files, rules] = await Promise.all([bridge.invoke('project.files', { projectId }), bridge.invoke('project.getTierRules', { projectId })]);
    if (get().project.summary?.projectId !== projectId) return;
    patch({ files: files.ok ? files.value : [], tierRules: rules.ok ? rules.value : [], ...(files.ok ? {} : { error: files.error }) });
  }

  async function showFile(projectId: number, path: string, line: number, column: number, symbolName: string | null): Promise<void> {
    const reply = await bridge.invoke('project.file', { projectId, path });
    if (!reply.ok) return patch({ error: reply.error });
    patch({ viewer: { content: reply.value, reveal: { line, column, nonce: ++revealNonce }, symbolName }, error: undefined });
  }

  return {
    project: {
      status: 'idle',
      opening: null,
      summary: null,
      progress: null,
      recent: [],
      files: [],
      query: '',
      hits: [],
      viewer: null,
      tierRules: [],
      tierRulesStatus: 'idle',
      watchProblem: null,
    },
    loadRecentProjects: async () => {
      const reply = await bridge.invoke('project.list', { limit: 20 });
      if (reply.ok) patch({ recent: reply.value });
    },
    openProject: async (root) => {
      const folder = root.trim();
      if (!folder) return patch({ error: { code: 'invalid-input', message: 'Type the path of a project folder, or drop the folder on the window.' } });
      if (get().project.status === 'indexing') return;
      patch({ status: 'indexing', opening: folder, progress: null, error: undefined, viewer: null, query: '', hits: [] });
      const reply = await bridge.invoke('project.open', { root: folder, watch: true });
      if (!reply.ok) {
        // A cancelled open returns to what was shown before; a failed one says why.
        const previous = get().project.summary;
        patch({
          status: previous ? 'ready' : reply.error.code === 'cancelled' ? 'idle' : 'failed',
          opening: null,
          progress: null,
          ...(reply.error.code === 'cancelled' ? {} : { error: reply.error }),
        });
        return;
      }
      // Opening a project (again) starts its watcher afresh.
      patch({ status: 'ready', opening: null, summary: reply.value, files: [], tierRulesStatus: 'idle', tierRulesError: undefined, watchProblem: null });
      await Promise.all([loadDetails(reply.value.projectId), get().loadRecentProjects()]);
    },
    pickAndOpenFolder: async () => {
      if (!bridge.pickFolder || get().project.status === 'indexing') return;
      const chosen = await bridge.pickFolder();
      if (chosen) await get().openProject(chosen);
    },
    cancelIndexing: async () => {
      await bridge.invoke('project.cancel', {});
    },
    applyIndexProgressEvent: (event) => {
      if (get().project.status !== 'indexing') return;
      set((s) => ({ project: { ...s.project, progress: applyIndexProgress(s.project.progress, event) } }));
    },
    applyWatchProblem: (event) => {
      if (get().project.summary?.projectId === event.projectId) patch({ watchProblem: event.message });
    },
    applyIndexChanged: async (event) => {
      const projectId = get().project.summary?.projectId;
      if (projectId !== event.projectId) return;
      const summary = await bridge.invoke('project.summary', { projectId });
      if (summary.ok && get().project.summary?.projectId === projectId) patch({ summary: summary.value });
      await loadDetails(projectId);
      // Hits and the open file may point at lines that moved: refresh both.
      const { query, viewer } = get().project;
      if (query) await get().searchSymbols(query);
      if (viewer && (event.changed.includes(viewer.content.path) || event.removed.includes(viewer.content.path))) {
        if (event.removed.includes(viewer.content.path)) patch({ viewer: null });
        else await showFile(projectId, viewer.content.path, viewer.reveal.line, viewer.reveal.column, viewer.symbolName);
      }
    },
    searchSymbols: async (query) => {
      const seq = ++searchSeq;
      patch({ query });
      const projectId = get().project.summary?.projectId;
      if (!query.trim() || !projectId) return patch({ hits: [], searchError: undefined });
      const reply = await bridge.invoke('search.symbols', { text: query.slice(0, 500), projectId, limit: 50 });
      if (seq !== searchSeq) return;
      patch(reply.ok ? { hits: reply.value, searchError: undefined } : { hits: [], searchError: reply.error });
    },
    openSymbol: async (symbolId) => {
      const reply = await bridge.invoke('symbol.get', { id: symbolId });
      if (!reply.ok) return patch({ error: reply.error });
      const symbol = reply.value;
      await showFile(symbol.projectId, symbol.path, symbol.startLine, symbol.startColumn + 1, symbol.qualifiedName);
    },
    openProjectFile: async (path, line = 1) => {
      const projectId = get().project.summary?.projectId;
      if (projectId) await showFile(projectId, path, line, 1, null);
    },
    closeViewer: () => patch({ viewer: null }),
    closeProject: () => {
      patch({ status: 'idle', summary: null, files: [], hits: [], query: '', viewer: null, progress: null, error: undefined, tierRules: [] });
      void get().loadRecentProjects();
    },
    saveTierRules: async (rules) => {
      const projectId = get().project.summary?.projectId;
      if (!projectId) return;
      patch({ tierRulesStatus: 'saving', tierRulesError: undefined });
      const reply = await bridge.invoke('project.setTierRules', { projectId, rules });
      if (!reply.ok) return patch({ tierRulesStatus: 'idle', tierRulesError: reply.error });
      patch({ tierRules: reply.value.rules, tierRulesStatus: 'saved' });
      const summary = await bridge.invoke('project.summary', { projectId });
      if (summary.ok) patch({ summary: summary.value });
      await loadDetails(projectId);
    },
    setProjectError: (error) => patch({ error }),
  };
};
