import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coverage, listOrganisations, setOrganisationArchived, updateOrganisation } from '../../../main/partners/organisations';
import { addPost, endPost, getPersonDetail, listPeople, setPersonArchived, updatePerson } from '../../../main/partners/people';
import { searchDirectory } from '../../../main/partners/search-index';
import { personListRequest, organisationListRequest } from '../../../shared/contract/partners';
import { emptyOrganisation } from '../../../shared/partners/domain';
import { createTestApp } from '../../helpers/db';
import { org, person } from './helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const people = (q: Record<string, unknown> = {}) => listPeople(app.db, personListRequest.parse(q));
const orgs = (q: Record<string, unknown> = {}) => listOrganisations(app.db, organisationListRequest.parse(q));

describe('partner repositories', () => {
  it('create, read, update and list organisations and people with sorting and paging', () => {
    const police = org(app.db, { name: 'Northshire Police', sector: 'police' });
    const council = org(app.db, { name: 'northshire council', sector: 'la-safeguarding', membership: 'associate' });
    for (const name of ['Cara', 'anna', 'Ben']) person(app.db, { name }, { organisationId: police.id, jobTitle: 'Officer' });
    expect(people().rows.map((r) => r.name)).toEqual(['anna', 'Ben', 'Cara']);
    expect(people({ dir: 'desc' }).rows.map((r) => r.name)).toEqual(['Cara', 'Ben', 'anna']);
    const page = people({ limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, offset: 2 });
    expect(page.rows.map((r) => r.name)).toEqual(['Cara']);
    expect(people().rows[0]).toMatchObject({ organisations: 'Northshire Police', jobTitles: 'Officer', isSpoc: false });
    expect(orgs().rows.map((r) => [r.name, r.people])).toEqual([
      ['northshire council', 0],
      ['Northshire Police', 3],
    ]);
    expect(orgs({ membership: 'associate' }).rows.map((r) => r.id)).toEqual([council.id]);
    const renamed = updateOrganisation(app.db, council.id, {
      ...emptyOrganisation(),
      name: 'Northshire County Council',
      sector: 'la-housing',
      membership: 'core',
    });
    expect(renamed).toMatchObject({ name: 'Northshire County Council', sector: 'la-housing', membership: 'core' });
    const audit = app.db.prepare('SELECT entity, action FROM audit_log').all();
    expect(audit).toContainEqual({ entity: 'organisation', action: 'update' });
    expect(JSON.stringify(app.db.prepare('SELECT * FROM audit_log').all())).not.toMatch(/Northshire|anna/);
  });

  it('filters people by sector, membership, SPOC, archived and not verified for 12 months', () => {
    const police = org(app.db, { name: 'Police', sector: 'police' });
    const ngo = org(app.db, { name: 'Refuge', sector: 'ngo-local', membership: 'associate' });
    const a = person(
      app.db,
      { name: 'A', lastVerified: new Date().toISOString().slice(0, 10) },
      { organisationId: police.id, isSpoc: true },
    );
    const b = person(app.db, { name: 'B', lastVerified: '2020-01-01' }, { organisationId: ngo.id });
    const c = person(app.db, { name: 'C' });
    expect(people({ sector: 'police' }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(people({ membership: 'associate' }).rows.map((r) => r.id)).toEqual([b.id]);
    expect(people({ spoc: true }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(people({ unverified: true }).rows.map((r) => r.id)).toEqual([b.id, c.id]);
    setPersonArchived(app.db, c.id, true);
    expect(people().rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(people({ archived: 'archived' }).rows.map((r) => r.id)).toEqual([c.id]);
    setPersonArchived(app.db, c.id, false);
    expect(people().total).toBe(3);
    setOrganisationArchived(app.db, ngo.id, true);
    expect(orgs().rows.map((r) => r.name)).toEqual(['Police']);
    expect(orgs({ archived: 'all' }).total).toBe(2);
    expect(people({ sort: 'lastVerified' }).rows.map((r) => r.name)).toEqual(['C', 'B', 'A']);
  });

  it('keeps the history when a post ends, and a person can move job', () => {
    const council = org(app.db, { name: 'Council' });
    const police = org(app.db, { name: 'Police' });
    const p = person(app.db, { name: 'Dana Fox' }, { organisationId: council.id, jobTitle: 'Housing Officer', isSpoc: true });
    const [first] = getPersonDetail(app.db, p.id).posts;
    const ended = endPost(app.db, first!.id, '2025-06-30');
    expect(ended.endedOn).toBe('2025-06-30');
    addPost(app.db, p.id, {
      organisationId: police.id,
      jobTitle: 'Analyst',
      email: 'dana@police.example',
      phone: '',
      isSpoc: false,
      startedOn: '2025-07-01',
    });
    const detail = getPersonDetail(app.db, p.id);
    expect(detail.posts.map((x) => [x.organisationName, x.jobTitle, x.endedOn])).toEqual([
      ['Police', 'Analyst', null],
      ['Council', 'Housing Officer', '2025-06-30'],
    ]);
    expect(() => endPost(app.db, first!.id, null)).toThrow(/already ended/);
    // An ended post no longer counts: the council now has no SPOC, and search finds the new title only.
    expect(coverage(app.db).missingSpoc.map((o) => o.name)).toEqual(['Council', 'Police']);
    expect(searchDirectory(app.db, 'analyst').map((h) => h.name)).toEqual(['Dana Fox']);
    expect(searchDirectory(app.db, 'housing')).toEqual([]);
  });

  it('reports which checklist sectors have no active core or associate member and who lacks a SPOC', () => {
    const police = org(app.db, { name: 'Police', sector: 'police' });
    org(app.db, { name: 'Observer NHS', sector: 'nhs', membership: 'observer' });
    org(app.db, { name: 'Former fire', sector: 'fire', membership: 'former' });
    const housing = org(app.db, { name: 'Housing', sector: 'la-housing', membership: 'associate' });
    person(app.db, { name: 'S' }, { organisationId: police.id, isSpoc: true });
    const report = coverage(app.db);
    const covered = report.sectors.filter((s) => s.members.length > 0).map((s) => s.key);
    expect(covered).toEqual(['police', 'local-authority']);
    expect(report.sectors.find((s) => s.key === 'nhs')?.members).toEqual([]);
    expect(report.missingSpoc.map((o) => o.id)).toContain(housing.id);
    expect(report.missingSpoc.map((o) => o.name)).toEqual(['Housing', 'Observer NHS']);
  });

  it('handlers validate input: required name, email format, phone numbers', async () => {
    const bad = await app.dispatch('partners.organisations.create', {
      ...emptyOrganisation(),
      name: ' ',
      email: 'nope',
      phone: 'call me',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_request');
      expect(bad.error.details?.join('\n')).toMatch(/Enter the organisation name/);
      expect(bad.error.details?.join('\n')).toMatch(/email address/);
      expect(bad.error.details?.join('\n')).toMatch(/phone number/);
    }
    const good = await app.dispatch('partners.organisations.create', {
      ...emptyOrganisation(),
      name: 'Hope',
      phone: '+44 (0)20 7946 0958',
    });
    expect(good).toMatchObject({ ok: true, value: { name: 'Hope', phone: '+44 (0)20 7946 0958' } });
    const missing = await app.dispatch('partners.people.get', { id: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const p = person(app.db, { name: 'X' });
    updatePerson(app.db, p.id, {
      name: 'Y',
      pronouns: 'they/them',
      notes: '',
      source: 'Meeting',
      lawfulBasis: 'Public task',
      lastVerified: '2025-01-01',
    });
    expect(getPersonDetail(app.db, p.id)).toMatchObject({ name: 'Y', pronouns: 'they/them', lawfulBasis: 'Public task' });
  });
});
