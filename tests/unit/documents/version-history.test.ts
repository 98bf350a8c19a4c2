import { describe, expect, it } from 'vitest';
import { versionHistoryRows } from '../../../shared/documents/version-history';
import { createTestApp } from '../../helpers/db';

const v = (number: number, label: string, agreedAt: string, agreedBy = '', note = '') => ({
  number,
  label,
  agreedAt,
  agreedBy,
  note,
});

describe('version history kept from the lifecycle', () => {
  it('a new draft has one row: the first draft, today, by the coordinator', () => {
    expect(versionHistoryRows([], { status: 'draft', versionLabel: '0.1' }, 'Sam Lee', '2026-05-01')).toEqual([
      { version: '0.1', date: '2026-05-01', author: 'Sam Lee', changes: 'First draft' },
    ]);
  });

  it('agreed versions oldest first with who agreed them and the note, then the revision in progress', () => {
    const rows = versionHistoryRows(
      [
        v(2, '2.0', '2027-04-02T10:00:00.000Z', 'Priya Shah', 'Annual review'),
        v(1, '1.0', '2026-04-01T09:00:00.000Z', 'Priya Shah'),
      ],
      { status: 'draft', versionLabel: '2.1' },
      'Sam Lee',
      '2027-06-01',
    );
    expect(rows).toEqual([
      { version: '1.0', date: '2026-04-01', author: 'Priya Shah', changes: 'First agreed version' },
      { version: '2.0', date: '2027-04-02', author: 'Priya Shah', changes: 'Annual review' },
      { version: '2.1', date: '2027-06-01', author: 'Sam Lee', changes: 'Revision in progress' },
    ]);
  });

  it('an agreed document has no draft row', () => {
    const rows = versionHistoryRows(
      [v(1, '1.0', '2026-04-01T09:00:00.000Z')],
      { status: 'agreed', versionLabel: '1.0' },
      'Sam',
      '2026-05-01',
    );
    expect(rows).toEqual([{ version: '1.0', date: '2026-04-01', author: 'Sam', changes: 'First agreed version' }]);
  });

  it('the channel refuses a document that does not exist', async () => {
    const app = createTestApp();
    try {
      const r = await app.dispatch('documentHistory.rows', { id: 12345 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('not_found');
    } finally {
      app.cleanup();
    }
  });
});
