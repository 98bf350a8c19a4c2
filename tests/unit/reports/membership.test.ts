import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { membersBySectorOn, membershipChanges, membershipHistory, membershipOn } from '../../../main/partners/membership';
import { openDatabase } from '../../../main/store/database';
import { migrations } from '../../../main/store/migrations';
import { londonToday } from '../../../shared/meetings/time';
import { UUID_V7_PATTERN } from '../../../shared/ids';
import { createTestApp, tempDir } from '../../helpers/db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('membership history', () => {
  it('is backfilled by migration 0009 from created and archived dates', () => {
    const dir = tempDir();
    dirs.push(dir);
    const before = openDatabase(dir, { migrations: migrations.filter((m) => m.version < 9) });
    const insert = before.prepare(
      'INSERT INTO organisations (name, sector, membership, created_at, archived_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('Still here', 'police', 'core', '2024-03-01T10:00:00Z', null, '2024-03-01T10:00:00Z');
    insert.run('Gone', 'health', 'associate', '2024-05-01T10:00:00Z', '2025-07-09T10:00:00Z', '2025-07-09T10:00:00Z');
    insert.run('Was a member once', 'business', 'former', '2025-02-01T10:00:00Z', null, '2025-02-01T10:00:00Z');
    before.close();

    const db = openDatabase(dir);
    try {
      const rows = db
        .prepare(
          'SELECT uid, organisation_id, effective_on, kind, membership, previous_membership FROM membership_events ORDER BY id',
        )
        .all() as {
        uid: string;
        organisation_id: number;
        effective_on: string;
        kind: string;
        membership: string;
        previous_membership: string | null;
      }[];
      expect(rows.map(({ uid: _uid, ...r }) => r)).toEqual([
        { organisation_id: 1, effective_on: '2024-03-01', kind: 'joined', membership: 'core', previous_membership: null },
        { organisation_id: 2, effective_on: '2024-05-01', kind: 'joined', membership: 'associate', previous_membership: null },
        {
          organisation_id: 2,
          effective_on: '2025-07-09',
          kind: 'left',
          membership: 'associate',
          previous_membership: 'associate',
        },
        { organisation_id: 3, effective_on: '2025-02-01', kind: 'left', membership: 'former', previous_membership: null },
      ]);
      for (const r of rows) expect(r.uid).toMatch(UUID_V7_PATTERN);
      expect(membershipOn(db, '2024-12-31').map((m) => m.name)).toEqual(['Gone', 'Still here']);
      expect(membershipOn(db, '2025-12-31').map((m) => m.name)).toEqual(['Still here']);
      // The counts the annual report uses are the same members, by sector.
      expect([...membersBySectorOn(db, '2024-12-31')].sort()).toEqual([
        ['health', 1],
        ['police', 1],
      ]);
      expect([...membersBySectorOn(db, '2025-12-31')]).toEqual([['police', 1]]);
      expect([...membersBySectorOn(db, '2024-01-01')]).toEqual([]);
      // Entered as a former member: no joiner or leaver in 2025 for it.
      expect(membershipChanges(db, '2025-01-01', '2025-12-31').map((c) => [c.name, c.kind])).toEqual([['Gone', 'left']]);
    } finally {
      db.close();
    }
  });

  it('is recorded by the partners area on create, tier change, archive and restore', async () => {
    const app = createTestApp();
    try {
      const call = async <T>(channel: string, payload: unknown): Promise<T> => {
        const r = await app.dispatch(channel, payload);
        if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
        return r.value as T;
      };
      const base = {
        name: 'Northtown Food Bank',
        sector: 'ngo-local',
        membership: 'associate',
        pursue: false,
        prevent: true,
        protect: true,
        prepare: false,
        address: '',
        website: '',
        email: '',
        phone: '',
        notes: '',
      };
      const org = await call<{ id: number; version: number }>('partners.organisations.create', base);
      const v2 = await call<{ version: number }>('partners.organisations.update', {
        id: org.id,
        version: org.version,
        value: { ...base, membership: 'core' },
      });
      // A change that does not touch membership records nothing.
      const v3 = await call<{ version: number }>('partners.organisations.update', {
        id: org.id,
        version: v2.version,
        value: { ...base, membership: 'core', notes: 'Weekly drop-in' },
      });
      await call('partners.organisations.archive', { id: org.id, archived: true });
      await call('partners.organisations.archive', { id: org.id, archived: false });
      await call('partners.organisations.update', {
        id: org.id,
        version: v3.version + 2,
        value: { ...base, membership: 'former', notes: 'Weekly drop-in' },
      });
      const today = londonToday(new Date());
      expect(membershipHistory(app.db, org.id).map((h) => [h.kind, h.membership, h.previousMembership, h.effectiveOn])).toEqual([
        ['joined', 'associate', null, today],
        ['tier_changed', 'core', 'associate', today],
        ['left', 'core', 'core', today],
        ['joined', 'core', 'core', today],
        ['left', 'former', 'core', today],
      ]);
      expect(membershipOn(app.db, today)).toEqual([]);
    } finally {
      app.cleanup();
    }
  });
});
