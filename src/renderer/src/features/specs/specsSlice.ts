// The Specs slice: the spec being edited (plain words, form and JSON), saved specs and versions, and the live run.
import type { StateCreator } from 'zustand';
import type { ErrorData } from '../../../../shared/errors';
import type { GenerationResult, PipelineStageEvent, SpecSummary, SpecVersionInfo } from '../../../../shared/generation';
import { specGaps, type Spec, type SpecLanguage } from '../../../../shared/spec';
import { bridge } from '../../bridge';
import type { AppState } from '../../store';
import { applyStageEvent, blankSpec, checkDraft, emptyStages, specText, type StageRow } from './specsState';

export type SpecsTab = 'spec' | 'templates' | 'compare';

/** Import from a Python signature with its docstring: the pasted source, then the spec read from it, then saved. */
export type PythonImportState = {
  open: boolean;
  source: string;
  /** Which function to read when the source defines several (empty: the only one, or the first documented). */
  entryPoint: string;
  status: 'idle' | 'reading' | 'read' | 'saving';
  spec: Spec | null;
  warnings: string[];
  error?: ErrorData;
};

export type SpecsState = {
  tab: SpecsTab;
  list: SpecSummary[];
  listStatus: 'idle' | 'loading' | 'ready' | 'failed';
  words: string;
  language: SpecLanguage;
  inferring: boolean;
  /** What the plain-words parser inferred, shown so the user can correct it. */
  inferred: { field: string; value: string; reason: string }[];
  /** What reading the words raised. Gaps in the spec (no examples, a type of Any…) are not kept here: the view
   *  derives them from the draft with specGaps, so they go away once filled in. */
  inferWarnings: string[];
  confidence: number | null;
  /** The JSON text is the draft's source of truth; the form writes it, the JSON editor edits it. */
  text: string;
  /** A body the user wrote (source `manual`), verified like any other; empty lets the pipeline look for one. */
  body: string;
  specId: number | null;
  version: number | null;
  versions: SpecVersionInfo[];
  run: { runKey: string | null; status: 'idle' | 'running' | 'done' | 'failed'; rows: StageRow[]; result: GenerationResult | null; error?: ErrorData };
  pythonImport: PythonImportState;
  error?: ErrorData;
};

export type SpecsSlice = {
  specs: SpecsState;
  setSpecsTab: (tab: SpecsTab) => void;
  loadSpecs: () => Promise<void>;
  setWords: (words: string) => void;
  setSpecLanguage: (language: SpecLanguage) => void;
  inferSpec: () => Promise<void>;
  setSpecText: (text: string) => void;
  setSpecFromForm: (spec: Spec) => void;
  setSpecBody: (body: string) => void;
  newSpec: () => void;
  openSpec: (specId: number, version?: number) => Promise<void>;
  generate: () => Promise<void>;
  applyPipelineStage: (event: PipelineStageEvent) => void;
  setPythonImport: (patch: Partial<Pick<PythonImportState, 'open' | 'source' | 'entryPoint'>>) => void;
  /** Reads the pasted Python into a spec (shown, not yet saved). */
  readPythonImport: () => Promise<void>;
  /** Saves the spec read from Python as a new spec and opens it in the editor, ready to edit or generate. */
  saveImportedSpec: () => Promise<void>;
};

const closedImport: PythonImportState = { open: false, source: '', entryPoint: '', status: 'idle', spec: null, warnings: [] };

const initial: SpecsState = {
  tab: 'spec',
  list: [],
  listStatus: 'idle',
  words: '',
  language: 'python',
  inferring: false,
  inferred: [],
  inferWarnings: [],
  confidence: null,
  text: specText(blankSpec),
  body: '',
  specId: null,
  version: null,
  versions: [],
  run: { runKey: null, status: 'idle', rows: emptyStages(), result: null },
  pythonImport: closedImport,
};

export const createSpecsSlice: StateCreator<AppState, [], [], SpecsSlice> = (set, get) => {
  const update = (patch: Partial<SpecsState>) => set((s) => ({ specs: { ...s.specs, ...patch } }));
  const loadVersions = async (specId: number) => {
    const reply = await bridge.invoke('spec.versions', { specId });
    if (reply.ok) update({ versions: reply.value });
  };
  return {
    specs: initial,
    setSpecsTab: (tab) => update({ tab }),
    loadSpecs: async () => {
      update({ listStatus: 'loading' });
      const reply = await bridge.invoke('spec.list', { limit: 200 });
      if (reply.ok) update({ list: reply.value, listStatus: 'ready' });
      else update({ listStatus: 'failed', error: reply.error });
    },
    setWords: (words) => update({ words }),
    setSpecLanguage: (language) => update({ language }),
    inferSpec: async () => {
      const { words, language } = get().specs;
      if (!words.trim()) return;
      update({ inferring: true, error: undefined });
      const reply = await bridge.invoke('spec.parseWords', { text: words, language });
      if (!reply.ok) {
        update({ inferring: false, error: reply.error });
        return;
      }
      const { spec, inferred, warnings, confidence } = reply.value;
      const gaps = new Set(specGaps(spec));
      update({ inferring: false, inferred, inferWarnings: warnings.filter((warning) => !gaps.has(warning)), confidence, text: specText(spec), body: '', specId: null, version: null, versions: [], run: { ...initial.run, rows: emptyStages() } });
    },
    setSpecText: (text) => update({ text }),
    setSpecFromForm: (spec) => update({ text: specText(spec) }),
    setSpecBody: (body) => update({ body }),
    newSpec: () => update({ ...initial, list: get().specs.list, listStatus: get().specs.listStatus, run: { ...initial.run, rows: emptyStages() } }),
    openSpec: async (specId, version) => {
      const reply = await bridge.invoke('spec.get', version === undefined ? { specId } : { specId, version });
      if (!reply.ok) {
        update({ error: reply.error });
        return;
      }
      update({ tab: 'spec', text: specText(reply.value.spec), body: '', specId, version: reply.value.version, inferred: [], inferWarnings: [], confidence: null, error: undefined });
      await loadVersions(specId);
      const latest = reply.value.artifacts[0];
      if (latest) {
        const artifact = await bridge.invoke('artifact.get', { id: latest.id });
        if (artifact.ok) {
          const rows = emptyStages().map((row) => {
            const stored = artifact.value.stages.filter((stage) => stage.stage === row.stage).at(-1);
            return stored ? { stage: row.stage, status: stored.status, summary: stored.summary, durationMs: stored.durationMs } : row;
          });
          update({ run: { runKey: null, status: 'done', rows, result: null } });
        }
      } else update({ run: { ...initial.run, rows: emptyStages() } });
    },
    generate: async () => {
      const { text, specId, body } = get().specs;
      const draft = checkDraft(text);
      if (!draft.spec) {
        update({ error: { code: 'invalid-input', message: `Fix the spec first: ${draft.problem}` } });
        return;
      }
      const runKey = `run-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      update({ error: undefined, run: { runKey, status: 'running', rows: emptyStages(), result: null } });
      const reply = await bridge.invoke('generate.run', { spec: draft.spec, runKey, ...(specId ? { specId } : {}), ...(body.trim() ? { body } : {}) });
      if (!reply.ok) {
        set((s) => ({ specs: { ...s.specs, run: { ...s.specs.run, status: 'failed', error: reply.error } } }));
        return;
      }
      const result = reply.value;
      // The stored stages are the final word (an event may still be in flight when the reply lands).
      const rows = emptyStages().map((row) => {
        const stored = result.stages.filter((stage) => stage.stage === row.stage).at(-1);
        return stored ? { stage: row.stage, status: stored.status, summary: stored.summary, durationMs: stored.durationMs } : row;
      });
      update({ specId: result.specId, version: result.specVersion, run: { runKey, status: 'done', rows, result } });
      await Promise.all([get().loadSpecs(), loadVersions(result.specId)]);
    },
    setPythonImport: (patch) =>
      // Any edit of the source or the function name makes the spec read before stale.
      set((s) => ({ specs: { ...s.specs, pythonImport: { ...(patch.open === false ? closedImport : s.specs.pythonImport), ...patch, status: 'idle', spec: null, warnings: [], error: undefined } } })),
    readPythonImport: async () => {
      const { source, entryPoint } = get().specs.pythonImport;
      if (!source.trim()) return;
      const patchImport = (patch: Partial<PythonImportState>) => set((s) => ({ specs: { ...s.specs, pythonImport: { ...s.specs.pythonImport, ...patch } } }));
      patchImport({ status: 'reading', error: undefined });
      const reply = await bridge.invoke('spec.importPython', { source, ...(entryPoint.trim() ? { entryPoint: entryPoint.trim() } : {}) });
      if (reply.ok) patchImport({ status: 'read', spec: reply.value.spec, warnings: reply.value.warnings });
      else patchImport({ status: 'idle', spec: null, warnings: [], error: reply.error });
    },
    saveImportedSpec: async () => {
      const { spec } = get().specs.pythonImport;
      if (!spec) return;
      set((s) => ({ specs: { ...s.specs, pythonImport: { ...s.specs.pythonImport, status: 'saving', error: undefined } } }));
      const reply = await bridge.invoke('spec.save', { spec, format: 'json' });
      if (!reply.ok) {
        set((s) => ({ specs: { ...s.specs, pythonImport: { ...s.specs.pythonImport, status: 'read', error: reply.error } } }));
        return;
      }
      update({
        tab: 'spec',
        text: specText(reply.value.spec),
        body: '',
        specId: reply.value.specId,
        version: reply.value.version,
        inferred: [],
        inferWarnings: [],
        confidence: null,
        error: undefined,
        run: { ...initial.run, rows: emptyStages() },
        pythonImport: closedImport,
      });
      await Promise.all([get().loadSpecs(), loadVersions(reply.value.specId)]);
    },
    applyPipelineStage: (event) =>
      set((s) => {
        if (s.specs.run.status !== 'running' || event.runKey !== s.specs.run.runKey) return s;
        return { specs: { ...s.specs, run: { ...s.specs.run, rows: applyStageEvent(s.specs.run.rows, event) } } };
      }),
  };
};
