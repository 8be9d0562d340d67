// Monaco's diff editor as a React component: what is there now on the left, what would replace it on the right.
import { useEffect, useRef } from 'react';
import { monaco } from './monaco';

export type DiffEditorProps = {
  original: string;
  modified: string;
  language: string;
  theme: 'light' | 'dark';
  ariaLabel: string;
  testId?: string;
};

export function DiffEditor({ original, modified, language, theme, ariaLabel, testId }: DiffEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel,
    });
    editor.current = instance;
    return () => {
      const model = instance.getModel();
      instance.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      editor.current = null;
    };
  }, [ariaLabel]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    const previous = instance.getModel();
    instance.setModel({ original: monaco.editor.createModel(original, language), modified: monaco.editor.createModel(modified, language) });
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [original, modified, language]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  return <div ref={host} className="code-editor diff-editor" data-testid={testId} />;
}
