import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryMemberOrganisation, DirectoryOrganisation } from '../../../shared/directory/types';
import { mostSenior, seniorityRank } from '../../../shared/directory/seniority';
import { createTestApp } from '../../helpers/db';
import { org, person } from './helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('seniority of a job title', () => {
  it('ranks chiefs and directors above heads, managers and officers', () => {
    expect(seniorityRank('Chief Constable')).toBeGreaterThan(seniorityRank('Deputy Chief Constable'));
    expect(seniorityRank('Director of Public Health')).toBeGreaterThan(seniorityRank('Deputy Director'));
    expect(seniorityRank('Head of Community Safety')).toBeGreaterThan(seniorityRank('Safeguarding Manager'));
    expect(seniorityRank('Safeguarding Manager')).toBeGreaterThan(seniorityRank('Outreach Officer'));
    expect(seniorityRank('')).toBe(0);
    expect(mostSenior([{ jobTitle: 'Officer' }, { jobTitle: 'Head of Service' }, { jobTitle: 'Head of Unit' }])).toEqual({
      jobTitle: 'Head of Service',
    });
  });
});

describe('directory.* channels', () => {
  it('searches organisations with one ordering: names starting with the query first, then by name', async () => {
    for (const name of ['The Police Federation', 'police liaison group', 'Northshire Police', 'Police Scotland']) {
      org(app.db, { name });
    }
    const former = org(app.db, { name: 'Police Old', membership: 'former' });
    const hits = await ok<DirectoryOrganisation[]>('directory.organisations.search', { query: 'police' });
    expect(hits.map((h) => h.name)).toEqual([
      'police liaison group',
      'Police Old',
      'Police Scotland',
      'Northshire Police',
      'The Police Federation',
    ]);
    const current = await ok<DirectoryOrganisation[]>('directory.organisations.search', {
      query: 'police',
      excludeMembership: ['former', 'observer'],
    });
    expect(current.map((h) => h.id)).not.toContain(former.id);
  });

  it('lists member organisations with their SPOC and senior contact, observers and former members left out', async () => {
    const police = org(app.db, { name: 'Northshire Police', sector: 'police', membership: 'core' });
    const charity = org(app.db, { name: 'Hope Project', sector: 'ngo-local', membership: 'associate' });
    org(app.db, { name: 'Watching Brief', membership: 'observer' });
    org(app.db, { name: 'Gone Away', membership: 'former' });
    person(app.db, { name: 'Asha Patel' }, { organisationId: police.id, jobTitle: 'Detective Inspector', isSpoc: true });
    person(app.db, { name: 'Chris Day' }, { organisationId: police.id, jobTitle: 'Chief Superintendent' });
    person(app.db, { name: 'Mo Ali' }, { organisationId: police.id, jobTitle: 'Chief Constable' });
    person(app.db, { name: 'Sam Reid' }, { organisationId: charity.id, jobTitle: 'Project Worker' });

    const all = await ok<DirectoryMemberOrganisation[]>('directory.organisations.members', {});
    expect(all.map((o) => o.name)).toEqual(['Hope Project', 'Northshire Police']);
    const p = all.find((o) => o.id === police.id)!;
    expect(p.spoc?.name).toBe('Asha Patel');
    expect(p.senior?.name).toBe('Mo Ali');
    const h = all.find((o) => o.id === charity.id)!;
    expect(h.spoc).toBeNull();
    expect(h.senior?.name).toBe('Sam Reid');

    const core = await ok<DirectoryMemberOrganisation[]>('directory.organisations.members', { membership: ['core'] });
    expect(core.map((o) => o.name)).toEqual(['Northshire Police']);
    const bad = await app.dispatch('directory.organisations.members', { membership: ['observer'] });
    expect(bad.ok).toBe(false);
  });

  it('makes a person with their organisation, job title, email and phone in one call', async () => {
    const made = await ok<{ person: { id: number; name: string }; post: { organisationName: string; jobTitle: string } }>(
      'directory.people.createWithPost',
      {
        name: 'Sam Lee',
        organisationName: 'Northshire County Council',
        jobTitle: 'Modern Slavery Coordinator',
        email: 'sam.lee@northshire.gov.uk',
        phone: '01632 960000',
      },
    );
    expect(made.post).toMatchObject({ organisationName: 'Northshire County Council', jobTitle: 'Modern Slavery Coordinator' });
    const orgs = await ok<DirectoryOrganisation[]>('directory.organisations.search', { query: 'Northshire County' });
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.sector).toBe('la-community-safety');
    // The same organisation is reused by name.
    await ok('directory.people.createWithPost', { name: 'Jo Khan', organisationName: 'northshire county council' });
    expect(
      (await ok<DirectoryOrganisation[]>('directory.organisations.search', { query: 'Northshire County' }))[0]!.currentPeople,
    ).toBe(2);
    const people = await ok<{ name: string; jobTitle: string; email: string }[]>('directory.people.search', { query: 'sam' });
    expect(people).toEqual([expect.objectContaining({ name: 'Sam Lee', jobTitle: 'Modern Slavery Coordinator' })]);
    const refused = await app.dispatch('directory.people.createWithPost', { name: 'No Org', jobTitle: 'Officer' });
    expect(refused.ok).toBe(false);
  });

  it('gets people and organisations by id, and the coordinator in settings is a directory person', async () => {
    const o = org(app.db, { name: 'Northshire Police' });
    const p = person(app.db, { name: 'Asha Patel' }, { organisationId: o.id, email: 'asha@police.example', jobTitle: 'DI' });
    expect((await ok<{ name: string }>('directory.people.get', { id: p.id })).name).toBe('Asha Patel');
    expect((await ok<{ id: number }[]>('directory.people.getMany', { ids: [p.id, 999] })).map((x) => x.id)).toEqual([p.id]);
    expect((await ok<{ name: string }>('directory.organisations.get', { id: o.id })).name).toBe('Northshire Police');
    expect((await app.dispatch('directory.organisations.get', { id: 999 })).ok).toBe(false);
    const s = await ok<{ version: number }>('settings.get', {});
    const saved = await ok<{ coordinatorName: string; coordinatorEmail: string; coordinatorPersonId: number }>(
      'settings.update',
      {
        name: 'Northshire Partnership',
        area: '',
        coordinatorName: '',
        coordinatorEmail: '',
        defaultMarking: 'OFFICIAL',
        coordinatorPersonId: p.id,
        version: s.version,
      },
    );
    expect(saved).toMatchObject({
      coordinatorPersonId: p.id,
      coordinatorName: 'Asha Patel',
      coordinatorEmail: 'asha@police.example',
    });
  });
});
