// Generation's requests: specs from plain words or Python, spec versions, the pipeline, artifacts, templates, library.
import { ArkError } from '../../shared/errors';
import type { TemplateErrorInfo } from '../../shared/generation';
import { formatSpecJson } from '../generator';
import { normalizeBaseUrl } from '../provider';
import { templateContext } from '../templates';
import type { AreaHandlers, HandlerDeps } from './types';

export function generationHandlers({ repos, services }: HandlerDeps): AreaHandlers<'spec.' | 'generate.' | 'artifact.' | 'templates.' | 'library.' | 'provider.'> {
  const { generator, templates, pipeline, library, providerApiKey } = services;
  const providerInfo = async () => ({ ...repos.provider.settings(), ...(await providerApiKey.status()) });
  return {
    'spec.parseWords': async ({ text, language }) => generator.parseRequest(text, language),
    'spec.importPython': async ({ source, entryPoint }) => {
      const imported = await generator.importPythonSignature(source, entryPoint ? { entryPoint } : {});
      return { spec: imported.spec, warnings: imported.warnings };
    },
    'spec.save': async ({ spec, specId, source, format }) => {
      const saved = repos.generation.saveVersion({ spec, source: source ?? formatSpecJson(spec), format, ...(specId ? { specId } : {}) });
      const { id: _id, created: _created, ...version } = saved;
      return version;
    },
    'spec.list': async ({ limit }) => repos.generation.listSpecs(limit),
    'spec.versions': async ({ specId }) => repos.generation.versions(specId),
    'spec.get': async ({ specId, version }) => repos.generation.version(specId, version),
    'generate.run': async (input, signal) => pipeline.run(input, signal),
    'artifact.get': async ({ id }) => repos.generation.artifact(id),
    'templates.list': async () => templates.list(),
    'templates.read': async ({ name }) => templates.read(name),
    'templates.save': async ({ name, content }) => templates.save(name, content),
    'templates.remove': async ({ name }) => {
      templates.remove(name);
      return null;
    },
    'templates.preview': async ({ content, spec, body }) => {
      // A template error is the preview's normal answer, not a failure of the request: the editor shows it in place.
      try {
        return { output: templates.renderSource(content, templateContext(spec, body ? { body } : {})).output, error: null };
      } catch (error) {
        if (!(error instanceof ArkError)) throw error;
        const details = error.details as Partial<TemplateErrorInfo> | undefined;
        return { output: null, error: { line: details?.line ?? 1, column: details?.column ?? 1, message: details?.message ?? error.message } };
      }
    },
    'library.list': async ({ language }) => library.list(language),
    'provider.get': async () => providerInfo(),
    'provider.set': async ({ apiKey, ...settings }) => {
      if (settings.baseUrl) normalizeBaseUrl(settings.baseUrl);
      // The key first: when it cannot be encrypted, nothing is saved and the message says why.
      if (apiKey !== undefined) await providerApiKey.write(apiKey);
      repos.provider.saveSettings(settings);
      return providerInfo();
    },
  };
}
