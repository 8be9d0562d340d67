// `ark generate` and `ark spec`: specs from plain words, a spec file or Python source, through the whole pipeline.
import path from 'node:path';
import type { GenerationResult } from '../../shared/generation';
import { SpecLanguage } from '../../shared/spec';
import { formatSpecJson, parseSpecJson } from '../../main/generator';
import { readSourceFile } from './validation';
import { call, choiceOption, exitCodes, expectArgs, stringOption, UsageError, type CliCommand, type CliIO } from '../command';

function printResult(result: GenerationResult, io: CliIO): void {
  const { spec } = result;
  const signature = `${spec.name}(${spec.parameters.map((parameter) => `${parameter.name}: ${parameter.type}`).join(', ')}) -> ${spec.returns.type}`;
  io.out(`${signature}   spec ${result.specId} v${result.specVersion}, artifact ${result.artifactId}`);
  for (const stage of result.stages) {
    const time = stage.durationMs === null ? '' : `${Math.round(stage.durationMs)} ms`;
    io.out(`  ${stage.stage.padEnd(9)} ${stage.status.padEnd(8)} ${time.padStart(8)}  ${stage.summary}`);
  }
  io.out('');
  io.out(result.code.trimEnd());
  io.out('');
  for (const warning of result.warnings) io.out(`warning: ${warning}`);
  for (const reason of result.reasons) io.out(reason.split('\n').map((line) => `  ${line}`).join('\n').replace(/^ {2}/, '- '));
  io.out(`${result.status} (body: ${result.source}${result.origin.reference ? `, ${result.origin.reference}` : ''})`);
}

export const generateCommand: CliCommand = {
  name: 'generate',
  usage: [
    'ark generate "REQUEST" [--lang python|typescript]   plain words to a spec, then generate, validate and test it',
    'ark generate --spec FILE.json                        the same from a spec file; exit 1 unless ready-for-review',
    'ark generate --spec FILE.json --body BODY            with a body you wrote (the function body only); verified the same way',
  ],
  options: { lang: { type: 'string' }, spec: { type: 'string' }, body: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    const specFile = stringOption(values, 'spec');
    const language = choiceOption(values, 'lang', SpecLanguage.options) ?? 'python';
    if (specFile && args.length > 0) throw new UsageError('give either a request in words or --spec FILE, not both.');
    if (!specFile) expectArgs(args, 1, 'generate');
    const bodyFile = stringOption(values, 'body');
    const text = specFile ? readSourceFile(specFile) : (args[0] as string);
    const body = bodyFile ? readSourceFile(bodyFile) : undefined;
    return withApp(async (app) => {
      const spec = specFile ? parseSpecJson(text) : (await call(app, 'spec.parseWords', { text, language })).spec;
      const result = await call(app, 'generate.run', { spec, ...(body !== undefined ? { body } : {}) });
      if (json) {
        const { spec: used, code, tests, source, validation, testRun, quality, status, ...rest } = result;
        io.out(JSON.stringify({ spec: used, code, tests, source, validation, testRun, quality, status, ...rest }, null, 2));
      } else printResult(result, io);
      return result.status === 'ready-for-review' ? exitCodes.ok : exitCodes.failed;
    });
  },
};

export const specCommand: CliCommand = {
  name: 'spec',
  usage: [
    'ark spec import FILE.py [--entry NAME]             a spec from a Python signature and docstring (doctests become examples)',
    'ark spec list                                      saved specs with their latest version and status',
  ],
  options: { entry: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    const action = args[0];
    if (action === 'import') {
      expectArgs(args, 2, 'spec import');
      const file = args[1] as string;
      if (path.extname(file).toLowerCase() !== '.py') throw new UsageError(`"${file}" is not a .py file.`);
      const source = readSourceFile(file);
      const entryPoint = stringOption(values, 'entry');
      return withApp(async (app) => {
        const imported = await call(app, 'spec.importPython', { source, ...(entryPoint ? { entryPoint } : {}) });
        if (json) io.out(JSON.stringify(imported, null, 2));
        else {
          io.out(formatSpecJson(imported.spec).trimEnd());
          for (const warning of imported.warnings) io.err(`warning: ${warning}`);
        }
        return exitCodes.ok;
      });
    }
    if (action === 'list') {
      expectArgs(args, 1, 'spec list');
      return withApp(async (app) => {
        const specs = await call(app, 'spec.list', { limit: 200 });
        if (json) io.out(JSON.stringify(specs, null, 2));
        else if (specs.length === 0) io.out('No specs yet: try ark generate "Create a function that checks if a number is prime".');
        else for (const spec of specs) io.out(`${String(spec.id).padStart(5)}  ${spec.name.padEnd(32)} v${spec.latestVersion}  ${spec.lastStatus ?? 'not generated'}`);
        return exitCodes.ok;
      });
    }
    throw new UsageError(action ? `unknown spec action "${action}": use import or list.` : 'spec needs an action: import or list.');
  },
};
