// Which files the indexer reads, and which tree-sitter grammar parses each.
import path from 'node:path';
import type { Language } from '../../shared/domain';
import type { GrammarName } from '../parsing/treeSitter';

const byExtension: Record<string, { language: Language; grammar: GrammarName }> = {
  '.py': { language: 'python', grammar: 'python' },
  '.pyi': { language: 'python', grammar: 'python' },
  '.ts': { language: 'typescript', grammar: 'typescript' },
  '.mts': { language: 'typescript', grammar: 'typescript' },
  '.cts': { language: 'typescript', grammar: 'typescript' },
  '.tsx': { language: 'typescript', grammar: 'tsx' },
  // The JavaScript grammar parses JSX too, so .jsx needs no grammar of its own.
  '.js': { language: 'javascript', grammar: 'javascript' },
  '.jsx': { language: 'javascript', grammar: 'javascript' },
  '.mjs': { language: 'javascript', grammar: 'javascript' },
  '.cjs': { language: 'javascript', grammar: 'javascript' },
};

/** The language and grammar for a file name, or undefined when the indexer does not read that kind of file. */
export function languageOf(fileName: string): { language: Language; grammar: GrammarName } | undefined {
  const extension = path.extname(fileName);
  return Object.hasOwn(byExtension, extension) ? byExtension[extension] : undefined;
}

export function isIndexable(fileName: string): boolean {
  return languageOf(fileName) !== undefined;
}
