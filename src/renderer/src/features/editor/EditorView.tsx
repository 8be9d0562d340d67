// The Editor view: a scratch file to write or paste code into, judged at a chosen trust tier and run in the sandbox.
import { useShallow } from 'zustand/react/shallow';
import { Language, Tier } from '../../../../shared/domain';
import { useAppStore } from '../../store';
import { CodeEditor } from '../../ui/CodeEditor';
import { useResolvedTheme } from '../../ui/theme';
import { RunButton } from '../console/RunButton';
import { AssessQualityButton, QualityPanel } from '../quality/QualityAssessment';
import { FindingsPanel } from '../validation/FindingsPanel';
import { useLiveValidation } from '../validation/useLiveValidation';

const languageLabels: Record<Language, string> = { python: 'Python', typescript: 'TypeScript', javascript: 'JavaScript' };
const tierLabels: Record<Tier, string> = { sandbox: 'sandbox (generated code)', testing: 'testing', trusted: 'trusted', core: 'core' };

export function EditorView() {
  const { code, language, tier } = useAppStore(useShallow((s) => s.editor));
  const { setEditorCode, setEditorLanguage, setEditorTier } = useAppStore(
    useShallow((s) => ({ setEditorCode: s.setEditorCode, setEditorLanguage: s.setEditorLanguage, setEditorTier: s.setEditorTier })),
  );
  const theme = useResolvedTheme();
  const live = useLiveValidation(code, language, tier);
  return (
    <section className="editor-view" data-testid="editor-view">
      <header className="view-toolbar">
        <label>
          Language{' '}
          <select data-testid="editor-language" value={language} onChange={(event) => setEditorLanguage(Language.parse(event.target.value))}>
            {Language.options.map((option) => (
              <option key={option} value={option}>
                {languageLabels[option]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tier{' '}
          <select data-testid="editor-tier" value={tier} onChange={(event) => setEditorTier(Tier.parse(event.target.value))}>
            {Tier.options.map((option) => (
              <option key={option} value={option}>
                {tierLabels[option]}
              </option>
            ))}
          </select>
        </label>
        <RunButton />
        <AssessQualityButton />
      </header>
      <div className="editor-view-body">
        <CodeEditor
          value={code}
          language={language}
          theme={theme}
          onChange={setEditorCode}
          markers={live.markers}
          revealLine={live.revealLine}
          ariaLabel="Scratch code editor"
          testId="editor-code"
        />
        <FindingsPanel report={live.report} status={live.status} error={live.error} onSelect={live.reveal} />
        <QualityPanel />
      </div>
    </section>
  );
}

/** The sidebar beside this view. */
export function EditorSidebar() {
  return (
    <div className="sidebar-body muted">
      <p>Write or paste code here. It is checked against the security rules of the chosen tier as you type, and can be run in the sandbox.</p>
    </div>
  );
}
