// Loads web-tree-sitter and the WASM grammars shipped in the grammar packages (no native tree-sitter build).
import { createRequire } from 'node:module';
import { Language as TreeSitterLanguage, Parser } from 'web-tree-sitter';
import { treeSitterModule } from './treeCursorWasm';

export type GrammarName = 'python' | 'typescript' | 'tsx' | 'javascript';

const require = createRequire(import.meta.url);

/** Where each grammar's .wasm lives; resolved through node's module lookup so dev, tests and builds agree. */
export function grammarPath(name: GrammarName): string {
  switch (name) {
    case 'python':
      return require.resolve('tree-sitter-python/tree-sitter-python.wasm');
    case 'typescript':
      return require.resolve('tree-sitter-typescript/tree-sitter-typescript.wasm');
    case 'tsx':
      return require.resolve('tree-sitter-typescript/tree-sitter-tsx.wasm');
    case 'javascript':
      return require.resolve('tree-sitter-javascript/tree-sitter-javascript.wasm');
  }
}

let initialised: Promise<void> | undefined;
const languages = new Map<GrammarName, Promise<TreeSitterLanguage>>();

/** Loads a grammar once per thread (WASM start-up costs ~50 ms, so it is cached). */
export function loadGrammar(name: GrammarName): Promise<TreeSitterLanguage> {
  // Given the object the module is built on, so openTreeCursor can call the cursor's WebAssembly directly.
  initialised ??= Parser.init(treeSitterModule);
  let language = languages.get(name);
  if (!language) {
    language = initialised.then(() => TreeSitterLanguage.load(grammarPath(name)));
    languages.set(name, language);
  }
  return language;
}

/** A parser for one grammar. Parsers are cheap once the grammar is loaded; reuse one per thread where possible. */
export async function createParser(name: GrammarName): Promise<Parser> {
  const language = await loadGrammar(name);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
