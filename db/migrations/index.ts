import type { Kysely } from 'kysely';
import * as m001 from './001-foundation';
import * as m002 from './002-plans';
import * as m003 from './003-reports';
import * as m004 from './004-office-reports';
import * as m005 from './005-bundles';
import * as m006 from './006-sync';
import * as m007 from './007-own-reports';
import * as m008 from './008-users-audit';
import * as m009 from './009-bound-installations';
import * as m010 from './010-bundle-subjects-received-obligations';

export interface Migration {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 001-foundation.ts
  up(db: Kysely<any>): Promise<void>;
}

/**
 * Every schema change, in order. Imported statically (no file scanning, so bundling cannot break it).
 * A released migration is never edited: a change is a new file with the next version.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', up: m001.up },
  { version: 2, name: 'plans', up: m002.up },
  { version: 3, name: 'reports', up: m003.up },
  { version: 4, name: 'office-reports', up: m004.up },
  { version: 5, name: 'bundles', up: m005.up },
  { version: 6, name: 'sync', up: m006.up },
  { version: 7, name: 'own-reports', up: m007.up },
  { version: 8, name: 'users-audit', up: m008.up },
  { version: 9, name: 'bound-installations', up: m009.up },
  { version: 10, name: 'bundle-subjects-received-obligations', up: m010.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
