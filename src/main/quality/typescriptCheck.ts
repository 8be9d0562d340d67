// Type-checks TypeScript (and JavaScript, with checkJs) through the TypeScript compiler API, in memory.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TypeScript from 'typescript';
import type { Language } from '../../shared/domain';
import type { QualityFinding } from '../../shared/quality';

type TypeScriptModule = typeof TypeScript;

const require = createRequire(import.meta.url);
let typescript: TypeScriptModule | null | undefined;

/**
 * The compiler, loaded on first use and kept out of the bundle (it is 9 MB); null when it is not installed, in which
 * case TypeScript and JavaScript reports say type checking was not available.
 */
export function loadTypeScript(): TypeScriptModule | null {
  if (typescript === undefined) {
    try {
      typescript = require('typescript') as TypeScriptModule;
    } catch {
      typescript = null;
    }
  }
  return typescript;
}

// Parsed lib.*.d.ts files, kept across checks: parsing lib.dom.d.ts alone costs most of a second.
const libraryFiles = new Map<string, TypeScript.SourceFile>();

// "Cannot find module" (2307) and its variants: a snippet checked alone cannot see its project's node_modules, so a
// missing module is reported as a warning, not a type error.
const unresolvedModuleCodes = new Set([2307, 2792, 7016]);

export function checkTypeScript(ts: TypeScriptModule, code: string, language: Exclude<Language, 'python'>, filename?: string): QualityFinding[] {
  const isTsx = filename ? /\.tsx$/i.test(filename) : false;
  const fileName = `/ark-quality/snippet.${language === 'javascript' ? 'js' : isTsx ? 'tsx' : 'ts'}`;
  const options: TypeScript.CompilerOptions = {
    // Strict for TypeScript; JavaScript has no annotations to be strict about, so only real type errors show.
    strict: language !== 'javascript',
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    allowJs: true,
    checkJs: language === 'javascript',
    jsx: ts.JsxEmit.Preserve,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options, true);
  const libraryFolder = path.dirname(ts.getDefaultLibFilePath(options));
  const readLibrary = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError) => {
    if (name === fileName) return ts.createSourceFile(name, code, languageVersion, true);
    const cached = libraryFiles.get(name);
    if (cached) return cached;
    const file = readLibrary(name, languageVersion, onError);
    if (file && name.startsWith(libraryFolder)) libraryFiles.set(name, file);
    return file;
  };
  host.fileExists = (name) => name === fileName || ts.sys.fileExists(name);
  host.readFile = (name) => (name === fileName ? code : ts.sys.readFile(name));
  host.writeFile = () => undefined;
  const program = ts.createProgram({ rootNames: [fileName], options, host });
  const source = program.getSourceFile(fileName)!;
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  return diagnostics.map((diagnostic) => toFinding(ts, diagnostic, source));
}

function toFinding(ts: TypeScriptModule, diagnostic: TypeScript.Diagnostic, source: TypeScript.SourceFile): QualityFinding {
  const start = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  const end = source.getLineAndCharacterOfPosition((diagnostic.start ?? 0) + (diagnostic.length ?? 0));
  const isError = diagnostic.category === ts.DiagnosticCategory.Error && !unresolvedModuleCodes.has(diagnostic.code);
  return {
    source: 'tsc',
    ruleId: `TS${diagnostic.code}`,
    severity: isError ? 'error' : diagnostic.category === ts.DiagnosticCategory.Message || diagnostic.category === ts.DiagnosticCategory.Suggestion ? 'info' : 'warning',
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    fixable: false,
  };
}
