// Reads, checks and parses one file inside a worker: binary and size checks, hashing, UTF-8 decoding, extraction.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import type { Parser } from 'web-tree-sitter';
import type { Language } from '../../shared/domain';
import type { SkippedPath } from '../../shared/indexing';
import { sha256 } from '../hash';
import { openForReadingNoWait } from '../paths';
import { createParser, type GrammarName } from '../parsing/treeSitter';
import { extractEcmascript } from './extract/ecmascript';
import { extractPython } from './extract/python';
import type { FileExtraction } from './extract/types';
import { languageOf } from './languages';
import { describeFsFailure, formatBytes } from './fsFailures';

/** One file to parse. `knownHash` is the hash the index holds, so an unchanged file is not parsed again. */
export type ParseJob = { path: string; absolutePath: string; size: number; mtimeMs: number; knownHash: string | null };

export type ParseResult =
  | {
      kind: 'parsed';
      path: string;
      language: Language;
      size: number;
      mtimeMs: number;
      hash: string;
      extraction: FileExtraction;
      /** Set when the file was indexed with U+FFFD in place of invalid UTF-8. */
      notice: SkippedPath | null;
    }
  | { kind: 'unchanged'; path: string; size: number; mtimeMs: number }
  | { kind: 'skipped'; path: string; skip: SkippedPath };

// The NUL test git and grep use: text files do not contain NUL bytes, nearly all binaries do within 8 KiB.
const binaryProbeBytes = 8192;

const parsers = new Map<GrammarName, Promise<Parser>>();

function parserFor(grammar: GrammarName): Promise<Parser> {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = createParser(grammar);
    parsers.set(grammar, parser);
  }
  return parser;
}

export async function parseFile(job: ParseJob, maxFileBytes: number): Promise<ParseResult> {
  const kind = languageOf(job.path);
  if (!kind) return { kind: 'skipped', path: job.path, skip: { path: job.path, reason: 'unreadable', detail: 'Not a file type the indexer reads.' } };
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    // A path the walk saw as a file may be a named pipe by now.
    const handle = fs.openSync(job.absolutePath, openForReadingNoWait);
    try {
      const stat = fs.fstatSync(handle);
      if (!stat.isFile()) return { kind: 'skipped', path: job.path, skip: { path: job.path, reason: 'vanished', detail: 'The file was replaced by a folder or device while the project was being indexed.' } };
      if (stat.size > maxFileBytes) {
        return { kind: 'skipped', path: job.path, skip: { path: job.path, reason: 'too-large', detail: `${formatBytes(stat.size)} is over the ${formatBytes(maxFileBytes)} limit for indexed files.` } };
      }
      mtimeMs = Math.trunc(stat.mtimeMs);
      bytes = readUpTo(handle, stat.size);
    } finally {
      fs.closeSync(handle);
    }
  } catch (err) {
    return { kind: 'skipped', path: job.path, skip: describeFsFailure(job.path, err, 'file') };
  }
  if (bytes.subarray(0, binaryProbeBytes).includes(0)) {
    return { kind: 'skipped', path: job.path, skip: { path: job.path, reason: 'binary', detail: 'Looks like a binary file (it has NUL bytes in its first 8 KiB).' } };
  }
  const hash = sha256(bytes);
  if (hash === job.knownHash) return { kind: 'unchanged', path: job.path, size: bytes.length, mtimeMs };
  let notice: SkippedPath | null = null;
  let source = bytes.toString('utf8');
  if (!isUtf8(bytes)) {
    const at = source.indexOf('\uFFFD');
    const line = at === -1 ? 1 : countNewlines(source, at) + 1;
    notice = {
      path: job.path,
      reason: 'not-utf8',
      detail: `Not valid UTF-8 (first bad byte on line ${line}); indexed with U+FFFD in place of the invalid bytes, so names and docs near them may be garbled.`,
    };
  }
  // A UTF-8 byte order mark is not part of the text (Python and TypeScript both ignore it).
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const parser = await parserFor(kind.grammar);
  const tree = parser.parse(source);
  if (!tree) {
    return { kind: 'skipped', path: job.path, skip: { path: job.path, reason: 'unreadable', detail: 'The parser gave up on this file.' } };
  }
  try {
    const extraction = kind.grammar === 'python' ? extractPython(tree, source) : extractEcmascript(tree, source, kind.grammar);
    return { kind: 'parsed', path: job.path, language: kind.language, size: bytes.length, mtimeMs, hash, extraction, notice };
  } finally {
    tree.delete();
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** The file's first `size` bytes (its size when measured): one that grows meanwhile is read as it was, not without end. */
function readUpTo(handle: number, size: number): Buffer {
  // Unzeroed: only the part filled from the file is returned.
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = fs.readSync(handle, bytes, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}
