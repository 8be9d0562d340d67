// Maps each request of the contract onto the services; the only code that knows both sides.
import type { AppInfo } from '../shared/app';
import type { Handlers } from '../shared/contract';
import type { SettingChange } from '../shared/settings';
import type { Repos } from './app';
import type { EventHub } from './events';
import type { Db } from './store/db';
import { readDbInfo } from './store/dbInfo';

export type HandlerDeps = {
  repos: Repos;
  events: EventHub;
  info: () => AppInfo;
  db: Db;
  dbPath: string;
  user: string;
};

export function createHandlers({ repos, events, info, db, dbPath, user }: HandlerDeps): Handlers {
  return {
    'app.info': async () => info(),
    'db.info': async () => readDbInfo(db, dbPath),
    'settings.get': async () => repos.settings.all(),
    'settings.set': async (change: SettingChange) => {
      repos.settings.set(change.key, change.value as never);
      const settings = repos.settings.all();
      events.emit('settings.changed', settings);
      // Window geometry changes on every drag; it is not a decision worth an audit line.
      if (change.key !== 'window.bounds') {
        events.emit('audit.appended', repos.audit.append({ kind: 'settings.changed', actor: user, data: { key: change.key, value: change.value } }));
      }
      return settings;
    },
    'audit.list': async (input) => repos.audit.list(input),
  };
}
