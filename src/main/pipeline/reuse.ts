// Reuse: functions already in the indexed project that may fit a spec, offered to the pipeline as candidate bodies.
// Each is still run against the spec's examples; a function that needs its module's imports simply fails them.
import type { Spec } from '../../shared/spec';
import type { Indexer } from '../indexer';
import { extractBody, type ReuseCandidate } from './index';

const MAX_CANDIDATES = 3;

export function createIndexReuse(indexer: Pick<Indexer, 'search' | 'fileContent'>): (spec: Spec) => Promise<ReuseCandidate[]> {
  return async (spec) => {
    if (spec.language !== 'python') return [];
    const hits = indexer
      .search({ text: spec.name, kinds: ['function'], languages: ['python'], limit: 20 })
      .filter((hit) => hit.match === 'exact' || hit.match === 'words')
      .slice(0, MAX_CANDIDATES);
    const candidates: ReuseCandidate[] = [];
    for (const hit of hits) {
      try {
        const file = await indexer.fileContent(hit.projectId, hit.path);
        const lines = file.content.split('\n').slice(hit.startLine - 1, hit.endLine);
        const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^\s*/.exec(line)?.[0].length ?? 0));
        const source = lines.map((line) => line.slice(indent)).join('\n');
        const body = extractBody(source, hit.name);
        if (body) candidates.push({ reference: `${hit.path}:${hit.startLine} ${hit.qualifiedName}`, body });
      } catch {
        // A file that moved or cannot be read since it was indexed offers nothing.
      }
    }
    return candidates;
  };
}
