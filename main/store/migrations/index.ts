import { migration0001 } from './0001-settings-and-audit';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration0001];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
