// The workbench shell: activity bar, resizable sidebar, main view, console panel, status bar and command palette.
import { useEffect, type ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useShallow } from 'zustand/react/shallow';
import { AuditEvent } from '../../shared/audit';
import { SettingsSchema } from '../../shared/settings';
import { bridge, onConnectionChange } from './bridge';
import { handleShortcut, viewTitle } from './commands';
import { ConsolePanel } from './features/console/ConsolePanel';
import { EditorSidebar, EditorView } from './features/editor/EditorView';
import { HistoryView, HistorySidebar } from './features/history/HistoryView';
import type { ViewId } from './features/layout/layoutSlice';
import { ProjectView, ProjectSidebar } from './features/project/ProjectView';
import { ProjectWindowLayer } from './features/project/ProjectWindowLayer';
import { ReviewView, ReviewSidebar } from './features/review/ReviewView';
import { SettingsView, SettingsSidebar } from './features/settings/SettingsView';
import { SpecsView, SpecsSidebar } from './features/specs/SpecsView';
import { useAppStore } from './store';
import { ActivityBar } from './ui/ActivityBar';
import { CommandPalette } from './ui/CommandPalette';
import { ErrorNotice } from './ui/ErrorNotice';
import { StatusBar } from './ui/StatusBar';
import { useResolvedTheme } from './ui/theme';

const mainViews: Record<Exclude<ViewId, 'console'>, () => ReactNode> = {
  project: () => <ProjectView />,
  specs: () => <SpecsView />,
  editor: () => <EditorView />,
  review: () => <ReviewView />,
  history: () => <HistoryView />,
  settings: () => <SettingsView />,
};

// Each view brings its own sidebar, from its feature folder.
const sidebars: Record<Exclude<ViewId, 'console'>, () => ReactNode> = {
  project: () => <ProjectSidebar />,
  specs: () => <SpecsSidebar />,
  editor: () => <EditorSidebar />,
  review: () => <ReviewSidebar />,
  history: () => <HistorySidebar />,
  settings: () => <SettingsSidebar />,
};

function Sidebar({ view }: { view: Exclude<ViewId, 'console'> }) {
  return (
    <aside className="sidebar" aria-label={`${viewTitle(view)} sidebar`}>
      <header className="sidebar-header">{viewTitle(view)}</header>
      {sidebars[view]()}
    </aside>
  );
}

export function App() {
  const { view, sidebarOpen, panelOpen, paletteOpen } = useAppStore(useShallow((s) => s.layout));
  const { status, error, notice } = useAppStore(useShallow((s) => ({ status: s.app.status, error: s.app.error, notice: s.app.notice })));
  const loadApp = useAppStore((s) => s.loadApp);
  const dismissNotice = useAppStore((s) => s.dismissNotice);
  const theme = useResolvedTheme();

  useEffect(() => {
    void loadApp();
    const { setConnection, applySettings, addAuditEvent } = useAppStore.getState();
    const stopConnection = onConnectionChange((state) => {
      setConnection(state);
      // After a reconnect the services may have restarted: reload what the shell shows.
      if (state === 'open') void loadApp();
    });
    // Events arrive as untrusted data from the wire: each is parsed with its schema before it touches the store.
    const stopEvents = bridge.on((name, payload) => {
      if (name === 'settings.changed') {
        const parsed = SettingsSchema.safeParse(payload);
        if (parsed.success) applySettings(parsed.data);
      } else if (name === 'audit.appended') {
        const parsed = AuditEvent.safeParse(payload);
        if (parsed.success) addAuditEvent(parsed.data);
      }
    });
    const onKey = (event: KeyboardEvent) => {
      if (handleShortcut(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      stopConnection();
      stopEvents();
      window.removeEventListener('keydown', onKey);
    };
  }, [loadApp]);

  const mainView = view === 'console' ? 'project' : view;
  return (
    <div className={`shell theme-${theme}`} data-testid="shell" data-theme={theme}>
      <div className="shell-body">
        <ActivityBar />
        <Group orientation="horizontal" className="shell-panes">
          {sidebarOpen && (
            <>
              <Panel id="sidebar" defaultSize="22" minSize="12" maxSize="45">
                <Sidebar view={mainView} />
              </Panel>
              <Separator className="separator vertical" />
            </>
          )}
          <Panel id="main" minSize="30">
            <Group orientation="vertical">
              <Panel id="view" minSize="20">
                <main className="main-view" data-testid={`view-${mainView}`}>
                  {status === 'failed' && error ? <ErrorNotice error={error} onRetry={() => void loadApp()} /> : mainViews[mainView]()}
                </main>
              </Panel>
              {panelOpen && (
                <>
                  <Separator className="separator horizontal" />
                  <Panel id="console" defaultSize="30" minSize="10">
                    <ConsolePanel />
                  </Panel>
                </>
              )}
            </Group>
          </Panel>
        </Group>
      </div>
      {notice && (
        <div className="toast">
          <ErrorNotice error={notice} onDismiss={dismissNotice} />
        </div>
      )}
      <StatusBar />
      <ProjectWindowLayer />
      {paletteOpen && <CommandPalette />}
    </div>
  );
}
