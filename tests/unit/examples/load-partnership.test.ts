import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examplePartnership, loadExamplePartnership } from '../../../main/examples/load';
import { searchDirectory } from '../../../main/partners/search-index';
import { getSettings, updateSettings } from '../../../main/settings/repository';
import { SECTOR_KEYS } from '../../../shared/partners/sectors';
import { normalisePhone } from '../../../shared/partners/phone';
import { createTestApp } from '../../helpers/db';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const count = (table: string) => (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => ({ organisations: count('organisations'), people: count('people'), posts: count('posts') });

describe('example partnership data', () => {
  it('has the 7 organisations and 11 people of the templates README, all invented', () => {
    const ex = examplePartnership();
    expect(ex.organisations).toHaveLength(7);
    expect(ex.people).toHaveLength(11);
    expect(ex.partnership.coordinatorName).toBe('Aisha Khan');
    for (const o of ex.organisations) expect(SECTOR_KEYS).toContain(o.sector);
    for (const p of ex.people) {
      expect(p.email).toMatch(/@[a-z-]+\.example$/);
      const digits = p.phone.replace(/\D/g, '');
      expect(normalisePhone(p.phone).ok).toBe(true);
      expect(/^01632960\d{3}$/.test(digits) || /^07700900\d{3}$/.test(digits)).toBe(true);
    }
    expect(ex.people.filter((p) => p.isSpoc).length).toBeGreaterThan(0);
  });
});

describe('examples.loadPartnership', () => {
  it('adds everything once and nothing the second time', async () => {
    const first = await app.dispatch('examples.loadPartnership', {});
    expect(first).toMatchObject({
      ok: true,
      value: { organisationsAdded: 7, organisationsSkipped: 0, peopleAdded: 11, peopleSkipped: 0, settingsUpdated: true },
    });
    const after = counts();
    expect(after).toEqual({ organisations: 7, people: 11, posts: 11 });

    const second = await app.dispatch('examples.loadPartnership', {});
    expect(second).toMatchObject({
      ok: true,
      value: { organisationsAdded: 0, organisationsSkipped: 7, peopleAdded: 0, peopleSkipped: 11, settingsUpdated: false },
    });
    expect(counts()).toEqual(after);
  });

  it('skips records whose names are already in the directory, in any case', async () => {
    await app.dispatch('partners.organisations.create', {
      name: 'northshire police',
      sector: 'police',
      membership: 'core',
      pursue: false,
      prevent: false,
      protect: false,
      prepare: false,
      address: '',
      website: '',
      email: '',
      phone: '',
      notes: '',
    });
    const r = loadExamplePartnership(app.db);
    expect(r.organisationsAdded).toBe(6);
    expect(r.organisationsSkipped).toBe(1);
    // The police officers join the organisation that was already there.
    const police = app.db
      .prepare(
        "SELECT count(*) AS n FROM posts JOIN organisations o ON o.id = organisation_id WHERE o.name = 'northshire police'",
      )
      .get() as { n: number };
    expect(police.n).toBe(3);
  });

  it('makes the people findable through partners search and records audit entries', () => {
    loadExamplePartnership(app.db);
    expect(searchDirectory(app.db, 'Adeyemi').map((h) => h.name)).toContain('Samuel Adeyemi');
    expect(searchDirectory(app.db, 'Salvation').length).toBeGreaterThan(0);
    const audits = app.db.prepare('SELECT entity, action FROM audit_log').all() as { entity: string; action: string }[];
    expect(audits.filter((a) => a.entity === 'organisation' && a.action === 'create')).toHaveLength(7);
    expect(audits.filter((a) => a.entity === 'person' && a.action === 'create')).toHaveLength(11);
    expect(audits).toContainEqual({ entity: 'example_partnership', action: 'import' });
  });

  it('sets the partnership settings only while they hold the defaults', () => {
    loadExamplePartnership(app.db);
    expect(getSettings(app.db)).toMatchObject({
      name: 'Northshire Anti-Slavery Partnership',
      area: 'Northshire',
      coordinatorName: 'Aisha Khan',
    });
  });

  it('leaves settings a user has changed alone', () => {
    const mine = { ...getSettings(app.db), name: 'Eastshire Modern Slavery Network' };
    updateSettings(app.db, mine);
    const r = loadExamplePartnership(app.db);
    expect(r.settingsUpdated).toBe(false);
    expect(getSettings(app.db)).toEqual({ ...mine, version: mine.version + 1 });
  });
});
