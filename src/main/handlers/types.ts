// What every area's handlers receive, and the type that makes an area's handlers cover exactly its requests.
import type { AppInfo } from '../../shared/app';
import type { Handlers, RequestName } from '../../shared/contract';
import type { Repos, Services } from '../app';
import type { EventHub } from '../events';
import type { Db } from '../store/db';

export type HandlerDeps = {
  repos: Repos;
  services: Services;
  events: EventHub;
  info: () => AppInfo;
  db: Db;
  dbPath: string;
  user: string;
};

/** The handlers of every request whose name starts with one of the prefixes (`'sandbox.'`): none missing, none extra. */
export type AreaHandlers<Prefix extends string> = Pick<Handlers, Extract<RequestName, `${Prefix}${string}`>>;
