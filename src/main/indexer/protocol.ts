// Messages between the indexer and its parse workers (structured-cloned; no functions, no class instances).
import { splitNameWords, type SkippedPath } from '../../shared/indexing';
import type { StoredFile, StoredSymbol } from '../store/indexRepo';
import type { ExtractedSymbol } from './extract/types';
import type { ParseJob, ParseResult } from './parseFile';

export type WorkerRequest = { id: number; jobs: ParseJob[]; maxFileBytes: number };

/** A file as a worker sends it back: a parsed one comes ready to store, less the tier the main thread gives it. */
export type FileResult =
  | Exclude<ParseResult, { kind: 'parsed' }>
  | { kind: 'parsed'; path: string; file: Omit<StoredFile, 'tier'>; notice: SkippedPath | null };

export type WorkerReply = { type: 'ready' } | { type: 'results'; id: number; results: FileResult[] } | { type: 'failed'; id: number; message: string };

/** What the worker posts for one parse result. */
export function toFileResult(result: ParseResult): FileResult {
  if (result.kind !== 'parsed') return result;
  const { extraction } = result;
  return {
    kind: 'parsed',
    path: result.path,
    file: {
      path: result.path,
      language: result.language,
      size: result.size,
      mtimeMs: result.mtimeMs,
      contentHash: result.hash,
      lines: extraction.lines,
      imports: extraction.imports,
      errors: extraction.errors,
      symbols: extraction.symbols.map(toStoredSymbol),
    },
    notice: result.notice,
  };
}

/** The row form of an extracted symbol: its JSON columns and name words made here, in the worker (see StoredSymbol). */
export function toStoredSymbol(symbol: ExtractedSymbol): StoredSymbol {
  return {
    kind: symbol.kind,
    name: symbol.name,
    qualifiedName: symbol.qualifiedName,
    signature: symbol.signature,
    parametersJson: JSON.stringify(symbol.parameters),
    returnType: symbol.returnType,
    decoratorsJson: JSON.stringify(symbol.decorators),
    docSummary: symbol.docSummary,
    doc: symbol.doc,
    startLine: symbol.startLine,
    startColumn: symbol.startColumn,
    endLine: symbol.endLine,
    endColumn: symbol.endColumn,
    complexity: symbol.complexity,
    callsJson: JSON.stringify(symbol.calls),
    nameWords: splitNameWords(symbol.name),
  };
}
