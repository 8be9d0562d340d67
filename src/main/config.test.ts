import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDbPath } from './config';

describe('data folder and database path', () => {
  it("matches Electron's userData folder on each platform", () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/ARK Workbench');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/ARK Workbench');
    expect(defaultDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/ARK Workbench');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toContain('ARK Workbench');
  });

  it('prefers --db, then ARK_DB, then the data folder', () => {
    expect(resolveDbPath({ flag: 'x.db', env: { ARK_DB: '/env.db' }, dataDir: '/data' })).toBe(path.resolve('x.db'));
    expect(resolveDbPath({ env: { ARK_DB: '/env.db' }, dataDir: '/data' })).toBe('/env.db');
    expect(resolveDbPath({ env: { ARK_DB: '  ' }, dataDir: '/data' })).toBe('/data/ark.db');
    expect(resolveDbPath({ env: {}, dataDir: '/data' })).toBe('/data/ark.db');
  });
});
