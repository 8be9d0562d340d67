// The core requests: app and database facts, settings and the audit trail.
import type { SettingChange } from '../../shared/settings';
import { readDbInfo } from '../store/dbInfo';
import type { AreaHandlers, HandlerDeps } from './types';

export function coreHandlers({ repos, events, info, db, dbPath, user }: HandlerDeps): AreaHandlers<'app.' | 'db.' | 'settings.' | 'audit.'> {
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
