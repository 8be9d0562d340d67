// The project index requests: open (index) a folder, cancel, recent projects, summary, files, symbols, search, tiers.
import type { StopWatching } from '../indexer';
import type { AreaHandlers, HandlerDeps } from './types';

export function indexingHandlers({ services }: HandlerDeps): AreaHandlers<'project.' | 'symbol.' | 'search.'> {
  const { indexer } = services;
  // Runs in progress, so `project.cancel` can stop them; each also stops when its caller goes away (the host's signal).
  const runs = new Set<AbortController>();
  // One project is kept live at a time: the one a UI opened last with `watch`.
  let watched: { projectId: number; stop: StopWatching } | null = null;

  return {
    'project.open': async ({ root, watch }, signal) => {
      const controller = new AbortController();
      runs.add(controller);
      try {
        const summary = await indexer.indexProject(root, { signal: AbortSignal.any([signal, controller.signal]) });
        // Opening the watched project again restarts a watcher that failed, so the index is live again.
        if (watch && (watched?.projectId !== summary.projectId || watched.stop.problem() !== null)) {
          const previous = watched;
          watched = { projectId: summary.projectId, stop: indexer.watch(summary.projectId) };
          await previous?.stop();
        }
        return summary;
      } finally {
        runs.delete(controller);
      }
    },
    'project.cancel': async () => {
      const cancelled = runs.size > 0;
      for (const run of runs) run.abort();
      return { cancelled };
    },
    'project.list': async ({ limit }) => indexer.recentProjects(limit),
    'project.summary': async ({ projectId }) => indexer.summary(projectId),
    'project.files': async ({ projectId }) => indexer.listFiles(projectId),
    'project.file': async ({ projectId, path }) => indexer.fileContent(projectId, path),
    'project.getTierRules': async ({ projectId }) => indexer.tierRules(projectId),
    'project.setTierRules': async ({ projectId, rules }) => indexer.setTierRules(projectId, rules),
    'symbol.get': async ({ id }) => indexer.symbol(id),
    'search.symbols': async (query) => indexer.search(query),
  };
}
