import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchContacts, searchPeople } from '../../../main/partners/directory-api';
import { searchDirectory } from '../../../main/partners/search-index';
import { phoneDigitsVariants } from '../../../shared/partners/phone-search';
import { createTestApp } from '../../helpers/db';
import { org, person } from './helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

describe('phone search', () => {
  it('reads a query as a phone number only when it looks like one', () => {
    expect(phoneDigitsVariants('07700 900123')).toEqual(['07700900123', '447700900123']);
    expect(phoneDigitsVariants('+44 (0)7700-900123')).toContain('4407700900123');
    expect(phoneDigitsVariants('+44 7700 900123')).toEqual(['447700900123', '07700900123']);
    expect(phoneDigitsVariants('Asha')).toEqual([]);
    expect(phoneDigitsVariants('12')).toEqual([]);
  });

  it('finds people and organisations by phone, whatever the spacing', async () => {
    const o = org(app.db, { name: 'Northshire Police', phone: '01632 960000' });
    const p = person(app.db, { name: 'Asha Patel' }, { organisationId: o.id, phone: '07700 900123', jobTitle: 'DI' });
    person(app.db, { name: 'Ben Cole' }, { organisationId: o.id, phone: '07700 900999' });
    for (const q of ['07700900123', '07700 900 123', '+44 7700 900123', '900123', '0770-0900-123']) {
      expect(searchDirectory(app.db, q).map((h) => `${h.kind}:${h.id}`)).toEqual([`person:${p.id}`]);
      expect(searchPeople(app.db, q).map((h) => h.id)).toEqual([p.id]);
      expect(searchContacts(app.db, q).map((h) => h.personId)).toEqual([p.id]);
    }
    expect(searchDirectory(app.db, '01632 960000').map((h) => `${h.kind}:${h.id}`)).toEqual([`organisation:${o.id}`]);
    // The partners.search channel does the same.
    const r = await app.dispatch('partners.search', { query: '07700 900 123' });
    expect(r.ok && (r.value as { name: string }[]).map((h) => h.name)).toEqual(['Asha Patel']);
  });
});
