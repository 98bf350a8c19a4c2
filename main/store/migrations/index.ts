import { migration0001 } from './0001-settings-and-audit';
import { migration0002 } from './0002-partners';
import { migration0003 } from './0003-documents';
import { migration0004 } from './0004-meetings';
import { migration0005 } from './0005-privacy';
import { migration0006 } from './0006-toolkit';
import { migration0007 } from './0007-versions-and-coordinator';
import { migration0008 } from './0008-plans';
import { migration0009 } from './0009-reports';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
