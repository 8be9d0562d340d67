// Monaco, bundled: only the editor API, the languages the workbench shows, and workers loaded from our own files.
// (@monaco-editor/react would fetch Monaco from a CDN by default, which breaks offline use and the CSP.)
import * as monaco from 'monaco-editor/editor/editor.api';
// The editor's features (find, folding, hover, suggest, code actions, …), loaded before the first editor exists. Since
// Monaco 0.56 editor.api has none of them; the JSON mode imports them all lazily, after the first editor has
// initialised Monaco's services, so their services were unknown ("CodeLensContribution depends on UNKNOWN service")
// and editors had no find widget or completion until then, and broken ones afterwards.
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/liquid/register';
import 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

// Workers are separate files built by Vite, so the CSP's worker-src 'self' covers them.
window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

export { monaco };
