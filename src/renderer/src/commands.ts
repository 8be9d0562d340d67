// Every command the palette and the keyboard shortcuts can run, declared once.
import type { Theme } from '../../shared/settings';
import { views, type ViewId } from './features/layout/layoutSlice';
import { useAppStore } from './store';

export type Command = { id: string; title: string; shortcut?: string; run: () => void };

const viewTitles: Record<ViewId, string> = {
  project: 'Project',
  specs: 'Specs',
  editor: 'Editor',
  review: 'Review',
  console: 'Console',
  history: 'History',
  settings: 'Settings',
};

export function viewTitle(view: ViewId): string {
  return viewTitles[view];
}

export function commands(): Command[] {
  const store = useAppStore.getState();
  const setTheme = (theme: Theme) => () => void store.changeSetting({ key: 'ui.theme', value: theme });
  return [
    ...views.map((view, index) => ({
      id: `view.${view}`,
      title: `Go to ${viewTitles[view]}`,
      shortcut: `Ctrl+${index + 1}`,
      run: () => (view === 'console' ? store.togglePanel(true) : store.showView(view)),
    })),
    { id: 'layout.toggleSidebar', title: 'Toggle Sidebar', shortcut: 'Ctrl+B', run: store.toggleSidebar },
    { id: 'layout.togglePanel', title: 'Toggle Console Panel', shortcut: 'Ctrl+J', run: () => store.togglePanel() },
    { id: 'theme.system', title: 'Theme: Follow the System', run: setTheme('system') },
    { id: 'theme.light', title: 'Theme: Light', run: setTheme('light') },
    { id: 'theme.dark', title: 'Theme: Dark', run: setTheme('dark') },
    { id: 'history.reload', title: 'History: Reload', run: () => void store.loadHistory() },
  ];
}

/** Keyboard shortcuts: Ctrl (Cmd on macOS) + digit switches views; Ctrl+Shift+P or F1 opens the palette. */
export function handleShortcut(event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const store = useAppStore.getState();
  if (event.key === 'F1' || (mod && event.shiftKey && event.key.toLowerCase() === 'p')) {
    store.setPaletteOpen(!store.layout.paletteOpen);
    return true;
  }
  if (event.key === 'Escape' && store.layout.paletteOpen) {
    store.setPaletteOpen(false);
    return true;
  }
  if (!mod || event.shiftKey || event.altKey) return false;
  const digit = Number(event.key);
  if (Number.isInteger(digit) && digit >= 1 && digit <= views.length) {
    commands().find((command) => command.id === `view.${views[digit - 1]}`)?.run();
    return true;
  }
  if (event.key.toLowerCase() === 'b') {
    store.toggleSidebar();
    return true;
  }
  if (event.key.toLowerCase() === 'j') {
    store.togglePanel();
    return true;
  }
  return false;
}
