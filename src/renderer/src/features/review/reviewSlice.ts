// The review queue, the artefact under review, the reviewer's choices and the deployment they lead to.
import type { StateCreator } from 'zustand';
import type { ErrorData } from '../../../../shared/errors';
import type { RecentProject } from '../../../../shared/indexing';
import type { DeployPreview, DeployTarget, ReviewDecision, ReviewDetail, ReviewItem } from '../../../../shared/review';
import { bridge } from '../../bridge';
import type { AppState } from '../../store';

export type QueueState = 'pending' | 'approved' | 'all';
export type TargetKind = DeployTarget['kind'];
export type HunkState = { accepted: boolean; reason: string };
export type DeployForm = { projectId: number | null; kind: TargetKind; path: string; symbolId: number | null; symbolLabel: string };

export type ReviewSlice = {
  review: {
    queueState: QueueState;
    items: ReviewItem[];
    loading: boolean;
    error: ErrorData | null;
    selectedId: number | null;
    detail: ReviewDetail | null;
    projects: RecentProject[];
    form: DeployForm;
    preview: DeployPreview | null;
    hunks: Record<number, HunkState>;
    comment: string;
    busy: boolean;
  };
  loadReviewQueue: (state?: QueueState) => Promise<void>;
  selectArtifact: (artifactId: number) => Promise<void>;
  setDeployForm: (change: Partial<DeployForm>) => void;
  previewDeployment: () => Promise<void>;
  setHunk: (index: number, change: Partial<HunkState>) => void;
  setReviewComment: (comment: string) => void;
  decideReview: (decision: ReviewDecision) => Promise<void>;
  deployArtifact: () => Promise<void>;
  undoDeployment: (deploymentId: number) => Promise<void>;
};

const emptyForm: DeployForm = { projectId: null, kind: 'new-file', path: '', symbolId: null, symbolLabel: '' };

/** The deploy target the form describes, or null while it is incomplete. */
export function targetOf(form: DeployForm): DeployTarget | null {
  if (form.kind === 'replace-symbol') return form.symbolId ? { kind: 'replace-symbol', symbolId: form.symbolId } : null;
  const path = form.path.trim();
  return path ? { kind: form.kind, path } : null;
}

export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set, get) => {
  const patch = (change: Partial<ReviewSlice['review']>) => set((s) => ({ review: { ...s.review, ...change } }));
  const fail = (error: ErrorData) => patch({ error, busy: false });

  const refreshDetail = async (artifactId: number) => {
    const reply = await bridge.invoke('review.show', { artifactId });
    if (reply.ok && get().review.selectedId === artifactId) patch({ detail: reply.value });
    else if (!reply.ok) fail(reply.error);
  };

  return {
    review: {
      queueState: 'pending',
      items: [],
      loading: false,
      error: null,
      selectedId: null,
      detail: null,
      projects: [],
      form: emptyForm,
      preview: null,
      hunks: {},
      comment: '',
      busy: false,
    },
    loadReviewQueue: async (state) => {
      const queueState = state ?? get().review.queueState;
      patch({ queueState, loading: true });
      const [items, projects] = await Promise.all([bridge.invoke('review.list', { state: queueState, limit: 200 }), bridge.invoke('project.list', { limit: 50 })]);
      if (!items.ok) return patch({ loading: false, error: items.error });
      const projectList = projects.ok ? projects.value : [];
      const form = get().review.form;
      patch({ items: items.value, loading: false, projects: projectList, form: form.projectId === null && projectList[0] ? { ...form, projectId: projectList[0].id } : form });
    },
    selectArtifact: async (artifactId) => {
      patch({ selectedId: artifactId, detail: null, preview: null, hunks: {}, comment: '', error: null });
      await refreshDetail(artifactId);
      const detail = get().review.detail;
      // A sensible default target: a new file named after the spec, in the language's usual form.
      if (detail && !get().review.form.path) {
        const extension = detail.item.language === 'python' ? 'py' : 'ts';
        patch({ form: { ...get().review.form, path: `${detail.item.specName.replace(/[^\w-]+/g, '_')}.${extension}` } });
      }
    },
    setDeployForm: (change) => patch({ form: { ...get().review.form, ...change }, preview: null, hunks: {} }),
    previewDeployment: async () => {
      const { selectedId, form } = get().review;
      const target = targetOf(form);
      if (!selectedId || !form.projectId || !target) return;
      patch({ busy: true, error: null });
      const reply = await bridge.invoke('deploy.preview', { artifactId: selectedId, projectId: form.projectId, target });
      if (!reply.ok) return fail(reply.error);
      const previous = get().review.hunks;
      const hunks: Record<number, HunkState> = {};
      for (const hunk of reply.value.hunks) hunks[hunk.index] = previous[hunk.index] ?? { accepted: true, reason: '' };
      patch({ preview: reply.value, hunks, busy: false });
    },
    setHunk: (index, change) => {
      const hunks = get().review.hunks;
      patch({ hunks: { ...hunks, [index]: { ...(hunks[index] ?? { accepted: true, reason: '' }), ...change } } });
    },
    setReviewComment: (comment) => patch({ comment }),
    decideReview: async (decision) => {
      const { selectedId, comment, hunks } = get().review;
      if (!selectedId) return;
      patch({ busy: true, error: null });
      const choices = Object.entries(hunks).map(([index, state]) => ({ index: Number(index), accepted: state.accepted, ...(state.reason.trim() ? { reason: state.reason.trim() } : {}) }));
      const reply = await bridge.invoke('review.decide', { artifactId: selectedId, decision, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(choices.length ? { hunks: choices } : {}) });
      if (!reply.ok) return fail(reply.error);
      patch({ busy: false });
      // The decided artefact leaves the waiting list; show everything reviewed so it stays in view with its badge.
      await Promise.all([refreshDetail(selectedId), get().loadReviewQueue(get().review.queueState === 'pending' ? 'all' : undefined)]);
      if (get().review.preview) await get().previewDeployment();
    },
    deployArtifact: async () => {
      const { selectedId, form } = get().review;
      const target = targetOf(form);
      if (!selectedId || !form.projectId || !target) return;
      patch({ busy: true, error: null });
      const reply = await bridge.invoke('deploy.run', { artifactId: selectedId, projectId: form.projectId, target });
      if (!reply.ok) return fail(reply.error);
      // The view derives the deployed state from the stored detail (reviewStage), so it is read back, not guessed.
      await Promise.all([refreshDetail(selectedId), get().loadReviewQueue()]);
      patch({ busy: false });
    },
    undoDeployment: async (deploymentId) => {
      const { selectedId } = get().review;
      patch({ busy: true, error: null });
      const reply = await bridge.invoke('deploy.undo', { deploymentId });
      if (!reply.ok) return fail(reply.error);
      await Promise.all([selectedId ? refreshDetail(selectedId) : undefined, get().loadReviewQueue()]);
      patch({ busy: false });
    },
  };
};
