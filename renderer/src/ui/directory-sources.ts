import { call } from '../api/client';
import type { PickerSource } from './directory-picker';
import type { Picked } from './form';

/** People to pick; each result also notes the organisation a form can fill in with them. */
export type PeopleSource = PickerSource & { organisationOf: Map<number, Picked> };

/**
 * The directory's people and organisations as picker sources, cached under an area's own keys
 * (`key('person')`, `key('organisation')`) so that area's refresh renews them.
 */
export function directorySources(key: (kind: 'person' | 'organisation') => readonly unknown[]): {
  people: PeopleSource;
  organisations: PickerSource;
} {
  const people: PeopleSource = {
    noun: 'people',
    key: key('person'),
    organisationOf: new Map(),
    search: async (query) =>
      (await call('directory.people.search', { query })).map((p) => {
        people.organisationOf.set(p.id, p.organisationId ? { id: p.organisationId, name: p.organisationName } : null);
        return { id: p.id, name: p.name, detail: [p.jobTitle, p.organisationName].filter(Boolean).join(', ') };
      }),
  };
  const organisations: PickerSource = {
    noun: 'organisations',
    key: key('organisation'),
    search: async (query) =>
      (await call('directory.organisations.search', { query })).map((o) => ({
        id: o.id,
        name: o.name,
        detail: `${o.currentPeople} ${o.currentPeople === 1 ? 'person' : 'people'}`,
      })),
  };
  return { people, organisations };
}
