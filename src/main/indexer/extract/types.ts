// What extraction produces for one file, before the main thread gives it a tier and stores it.
import type { LineCounts, Parameter, SymbolKind } from '../../../shared/indexing';

export type ExtractedSymbol = {
  kind: SymbolKind;
  name: string;
  qualifiedName: string;
  signature: string;
  parameters: Parameter[];
  returnType: string | null;
  decorators: string[];
  docSummary: string | null;
  doc: string | null;
  /** 1-based. */
  startLine: number;
  /** 0-based, in UTF-16 units. */
  startColumn: number;
  endLine: number;
  endColumn: number;
  complexity: number;
  calls: string[];
};

export type FileIssue = { line: number; column: number; message: string };

export type FileExtraction = {
  symbols: ExtractedSymbol[];
  imports: string[];
  lines: LineCounts;
  errors: FileIssue[];
};
