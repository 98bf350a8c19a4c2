import { describe, expect, it } from 'vitest';
import { personToVcard, structuredName } from '../../../shared/partners/vcard';

describe('vCard structured name (N:)', () => {
  it.each([
    ['DI Mark Ellison', 'Ellison;Mark;;DI;'],
    ['Dr Amina Yusuf', 'Yusuf;Amina;;Dr;'],
    ['Det Supt Jo Clarke', 'Clarke;Jo;;Det Supt;'],
    ['Cllr Sarah Jane Hughes OBE', 'Hughes;Sarah Jane;;Cllr;OBE'],
    ['Mark Ellison', 'Ellison;Mark;;;'],
    ['Prince', ';Prince;;;'],
    ['Dr', ';Dr;;;'],
  ])('%s → %s', (name, n) => {
    expect(structuredName(name)).toBe(n);
  });

  it('writes the prefix field in the card itself', () => {
    const card = personToVcard({
      id: 1,
      name: 'DI Mark Ellison',
      pronouns: '',
      notes: '',
      updatedAt: '2026-01-01T00:00:00.000Z',
      posts: [],
    });
    expect(card).toContain('\r\nN:Ellison;Mark;;DI;\r\n');
    expect(card).toContain('FN:DI Mark Ellison');
  });
});
