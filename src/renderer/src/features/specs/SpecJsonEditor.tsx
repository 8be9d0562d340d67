// The spec as JSON in Monaco, checked against the spec's JSON schema (completion and hover come with it).
import { useEffect, useRef } from 'react';
import { z } from 'zod';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { Spec } from '../../../../shared/spec';
import { monaco } from '../../ui/monaco';

// One model URI for the spec editor, so the schema applies to it and to no other JSON the workbench shows.
const specModelUri = 'file:///ark/spec.json';
let schemaRegistered = false;

function registerSpecSchema(): void {
  if (schemaRegistered) return;
  schemaRegistered = true;
  // Example values and cross-field rules (argument counts, defaults order) are beyond JSON Schema: the same zod schema
  // checks them below the editor; here they are "any", so Monaco never contradicts it.
  const schema = z.toJSONSchema(Spec, { target: 'draft-7', unrepresentable: 'any', io: 'input' });
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    schemas: [{ uri: 'https://ark.local/schemas/spec.json', fileMatch: [specModelUri], schema }],
  });
}

export function SpecJsonEditor({ value, theme, onChange }: { value: string; theme: 'light' | 'dark'; onChange: (text: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    registerSpecSchema();
    const uri = monaco.Uri.parse(specModelUri);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(value, 'json', uri);
    const instance = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      ariaLabel: 'Spec as JSON',
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
    });
    editor.current = instance;
    const subscription = instance.onDidChangeModelContent(() => onChangeRef.current(instance.getValue()));
    return () => {
      subscription.dispose();
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
    // Created once; the effects below follow value and theme.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (instance && instance.getValue() !== value) instance.setValue(value);
  }, [value]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  return <div ref={host} className="code-editor spec-json-editor" data-testid="spec-json-editor" />;
}
