// The generator service's face: specs from plain words or Python source, and code and tests rendered from specs.
import type { Spec, SpecLanguage } from '../../shared/spec';
import type { TemplateEngine } from '../templates';
import { parseRequest, type ParsedRequest } from './plainWords';
import { renderFunction, renderTests, type RenderedFunction, type RenderedTests, type RenderOptions } from './renderTests';
import { renderRunner, type RunnerOptions, type RunnerTarget } from './runnerScript';
import { importPythonSignature, type ImportOptions, type ImportResult } from './signatureImport';

export { parseRequest, type Inference, type ParsedRequest } from './plainWords';
export { importPythonSignature, readInlineExamples, type ImportOptions, type ImportResult, type InlineExample } from './signatureImport';
export { DEFAULT_TEMPLATES, renderFunction, renderTests, type GeneratedFile, type RenderedFunction, type RenderedTests, type RenderOptions, type TemplateUse } from './renderTests';
export { parseRunnerOutput, tokenRecords, renderRunner, type RunnerOptions, type RunnerResult, type RunnerSummary, type RunnerTarget } from './runnerScript';
export { formatSpecJson, parseSpec, parseSpecJson } from './specText';
export { parsePythonLiteral, PythonLiteralError, readPythonExpression, toSpecValue, type PyExpr } from './pythonLiteral';

/** Spec tooling over one template engine (built-in templates plus the user's). */
export type Generator = {
  parseRequest(text: string, language: SpecLanguage): ParsedRequest;
  importPythonSignature(source: string, options?: ImportOptions): Promise<ImportResult>;
  renderFunction(spec: Spec, options?: RenderOptions & { body?: string }): RenderedFunction;
  renderTests(spec: Spec, options?: RenderOptions): RenderedTests;
  renderRunner(spec: Spec, target: RunnerTarget, options?: RunnerOptions): string;
};

export function createGenerator(deps: { templates: TemplateEngine }): Generator {
  return {
    parseRequest: (text, language) => parseRequest(text, language),
    importPythonSignature: (source, options) => importPythonSignature(source, options),
    renderFunction: (spec, options) => renderFunction(deps.templates, spec, options),
    renderTests: (spec, options) => renderTests(deps.templates, spec, options),
    renderRunner: (spec, target, options) => renderRunner(spec, target, options),
  };
}
