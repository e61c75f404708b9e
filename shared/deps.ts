import type { Clock } from './clock.ts';
import type { CursorCodec } from './cursor.ts';
import type { Db } from './db.ts';

/** What the domain needs from the outside world; wired once per process. */
export interface Deps {
  db: Db;
  clock: Clock;
  cursors: CursorCodec;
  /** The server's secret: notice verification codes are derived from it. */
  secret: string;
}
