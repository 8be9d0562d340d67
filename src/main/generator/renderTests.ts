// Renders a spec into code through the template engine: the function skeleton, its tests, and the built-in runner.
import type { Spec } from '../../shared/spec';
import { templateContext, type TemplateEngine } from '../templates';
import { renderRunner, type RunnerOptions } from './runnerScript';
import { parseSpec } from './specText';

/** A file to write next to the function under test. */
export type GeneratedFile = { fileName: string; content: string };

/** Which template (and which version of it) produced an artefact. */
export type TemplateUse = { name: string; hash: string };

export type RenderedFunction = GeneratedFile & { template: TemplateUse };

export type RenderedTests = {
  framework: 'pytest' | 'node:test';
  file: GeneratedFile;
  template: TemplateUse;
  /** Python only: the standalone runner, for environments without pytest. */
  runner: GeneratedFile | null;
};

export type RenderOptions = {
  /** The Python module the tests import (default "solution"). */
  module?: string;
  /** The module specifier TypeScript tests import (default "./solution.js"). */
  modulePath?: string;
  /** A template to use instead of the language's default. */
  template?: string;
  runner?: RunnerOptions;
};

export const DEFAULT_TEMPLATES = {
  python: { function: 'python/function/typed_function.liquid', test: 'python/test/pytest_test.liquid' },
  typescript: { function: 'typescript/function/typed_function.liquid', test: 'typescript/test/node_test.liquid' },
} as const;

function moduleName(options: RenderOptions): string {
  const module = options.module ?? 'solution';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(module)) throw new Error(`"${module}" is not a Python module name.`);
  return module;
}

/** The function skeleton (or full function, when `body` is given) from the spec's template or the default. */
export function renderFunction(templates: TemplateEngine, input: Spec, options: RenderOptions & { body?: string } = {}): RenderedFunction {
  const spec = parseSpec(input);
  const name = options.template ?? spec.template ?? DEFAULT_TEMPLATES[spec.language].function;
  const module = moduleName(options);
  const rendered = templates.render(name, templateContext(spec, { body: options.body ?? '', module, modulePath: options.modulePath ?? './solution.js' }));
  const fileName = spec.language === 'python' ? `${module}.py` : `${module}.ts`;
  return { fileName, content: rendered.output, template: { name, hash: rendered.hash } };
}

/** Tests for the spec's examples: pytest plus the built-in runner for Python, node:test for TypeScript. */
export function renderTests(templates: TemplateEngine, input: Spec, options: RenderOptions = {}): RenderedTests {
  const spec = parseSpec(input);
  const module = moduleName(options);
  const name = options.template ?? DEFAULT_TEMPLATES[spec.language].test;
  const rendered = templates.render(name, templateContext(spec, { module, modulePath: options.modulePath ?? `./${module}.js` }));
  if (spec.language === 'python') {
    return {
      framework: 'pytest',
      file: { fileName: `test_${module}.py`, content: rendered.output },
      template: { name, hash: rendered.hash },
      runner: { fileName: 'ark_runner.py', content: renderRunner(spec, { module }, options.runner) },
    };
  }
  return {
    framework: 'node:test',
    file: { fileName: `${module}.test.ts`, content: rendered.output },
    template: { name, hash: rendered.hash },
    runner: null,
  };
}
