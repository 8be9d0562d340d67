// Where the workbench keeps its data and finds its resources, computed the same way by every host.
import os from 'node:os';
import path from 'node:path';

/** The product name: Electron derives its userData folder from it, so the CLI and web host must use the same. */
export const productName = 'ARK Workbench';

export type AppConfig = {
  /** Which host runs the services (reported in app.info). */
  host: 'electron' | 'web' | 'cli';
  dataDir: string;
  dbPath: string;
  /** The repository or packaged resources root: holds `resources/` and `templates/`. */
  appRoot: string;
  version: string;
  /** better_sqlite3.node built for the current runtime, when it is not the one in node_modules (Electron in dev). */
  nativeBinding?: string;
  electronVersion?: string;
  /** For a CLI command that only reads: a database this user cannot write is opened read-only instead of refused. */
  readOnlyWhenUnwritable?: boolean;
};

/** Electron's app.getPath('userData') for our product name, reproduced for plain Node hosts. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', productName);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), productName);
}

/** The database path: an explicit --db wins, then ARK_DB, then ark.db in the data folder. */
export function resolveDbPath(options: { flag?: string | undefined; env?: NodeJS.ProcessEnv; dataDir: string }): string {
  const chosen = options.flag ?? (options.env ?? process.env).ARK_DB;
  if (chosen && chosen.trim()) return chosen === ':memory:' ? chosen : path.resolve(chosen);
  return path.join(options.dataDir, 'ark.db');
}
