// A Monaco editor as a React component: controlled text, a language, optional markers, following the theme; the one
// place that creates and disposes Monaco editors and their models.
import { useEffect, useRef } from 'react';
import { monaco } from './monaco';

export type EditorMarker = {
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  source?: string;
  code?: string;
};

export type CodeEditorProps = {
  value: string;
  language: string;
  theme: 'light' | 'dark';
  readOnly?: boolean;
  markers?: EditorMarker[];
  /** Reveals and selects this line when it changes (e.g. a finding was clicked). */
  revealLine?: { line: number; column?: number; nonce: number };
  onChange?: (value: string) => void;
  ariaLabel: string;
  testId?: string;
  /** A fixed URI for the model, for language settings that match models by URI (the spec's JSON schema). */
  modelUri?: string;
  tabSize?: number;
};

const severities = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };

export function CodeEditor({ value, language, theme, readOnly = false, markers, revealLine, onChange, ariaLabel, testId, modelUri, tabSize }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  // The latest callback, read by Monaco's change listener without re-creating the editor.
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const uri = modelUri === undefined ? undefined : monaco.Uri.parse(modelUri);
    // Monaco refuses a second model under one URI; one left by an editor not yet disposed (a hot reload) gives way.
    if (uri) monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(value, language, uri);
    const instance = monaco.editor.create(host.current, {
      model,
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ...(tabSize === undefined ? {} : { tabSize }),
      ariaLabel,
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
    });
    editor.current = instance;
    const subscription = instance.onDidChangeModelContent(() => onChangeRef.current?.(instance.getValue()));
    return () => {
      subscription.dispose();
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
    // Created once; later changes of value, language and theme are applied by the effects below (the model URI and tab
    // size are fixed for an editor's life).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (instance && instance.getValue() !== value) instance.setValue(value);
  }, [value]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, language);
  }, [language]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly });
  }, [readOnly]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'ark',
      (markers ?? []).map((marker) => ({
        severity: severities[marker.severity],
        message: marker.message,
        startLineNumber: marker.line,
        startColumn: marker.column,
        endLineNumber: marker.endLine,
        endColumn: marker.endColumn,
        ...(marker.source ? { source: marker.source } : {}),
        ...(marker.code ? { code: marker.code } : {}),
      })),
    );
  }, [markers]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || !revealLine) return;
    instance.revealLineInCenter(revealLine.line);
    instance.setPosition({ lineNumber: revealLine.line, column: revealLine.column ?? 1 });
    instance.focus();
  }, [revealLine]);

  return <div ref={host} className="code-editor" data-testid={testId} />;
}
