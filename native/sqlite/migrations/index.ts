// The ordered list of migrations. Append only; a shipped migration is never edited.
import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-init';
import * as m0002 from './0002-search';
import * as m0003 from './0003-dispatch';
import * as m0004 from './0004-global-ids';
import * as m0005 from './0005-drones';
import * as m0006 from './0006-camera-view';
import * as m0007 from './0007-video-snapshots';
import * as m0008 from './0008-roster-plan-english';
import * as m0009 from './0009-maps';
import * as m0010 from './0010-sensing';
import * as m0011 from './0011-replication';
import * as m0012 from './0012-officers';
import * as m0013 from './0013-event-log';
import * as m0014 from './0014-log-position';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
].map((m, i) => ({
  version: i + 1,
  name: m.name,
  up: m.up,
}));
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
