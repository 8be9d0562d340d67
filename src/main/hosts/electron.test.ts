import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/bridge';
import { applicationMenuTemplate } from './electron';

// The template's item type, without importing electron here (only the Electron-only files may).
type MenuItemConstructorOptions = ReturnType<typeof applicationMenuTemplate>[number];

function openFolderItem(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions {
  const file = template.find((menu) => menu.label === 'File');
  const items = (file?.submenu ?? []) as MenuItemConstructorOptions[];
  const item = items.find((entry) => entry.label === 'Open Folder…');
  if (!item) throw new Error('File ▸ Open Folder… is missing');
  return item;
}

describe('application menu', () => {
  it('has File ▸ Open Folder… on CmdOrCtrl+O, which sends the open-folder command', () => {
    const sent: MenuCommand[] = [];
    const item = openFolderItem(applicationMenuTemplate({ isMac: false, send: (command) => sent.push(command) }));
    expect(item.accelerator).toBe('CmdOrCtrl+O');
    (item.click as () => void)();
    expect(sent).toEqual(['open-folder']);
  });

  it('keeps the standard edit, view and window menus, and the app menu only on macOS', () => {
    const roles = (isMac: boolean) => applicationMenuTemplate({ isMac, send: () => undefined }).map((menu) => menu.role ?? menu.label);
    expect(roles(false)).toEqual(['File', 'editMenu', 'viewMenu', 'windowMenu']);
    expect(roles(true)).toEqual(['appMenu', 'File', 'editMenu', 'viewMenu', 'windowMenu']);
  });
});
