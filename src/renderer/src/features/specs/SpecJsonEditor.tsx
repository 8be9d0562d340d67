// The spec as JSON in Monaco, checked against the spec's JSON schema (completion and hover come with it).
import { z } from 'zod';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { Spec } from '../../../../shared/spec';
import { CodeEditor } from '../../ui/CodeEditor';

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
  // Here, not in an effect: the editor below creates its model in its own effect, and a child's effects run first.
  registerSpecSchema();
  return (
    <CodeEditor
      value={value}
      language="json"
      theme={theme}
      onChange={onChange}
      modelUri={specModelUri}
      tabSize={2}
      ariaLabel="Spec as JSON"
      testId="spec-json-editor"
    />
  );
}
