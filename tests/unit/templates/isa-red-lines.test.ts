import { describe, expect, it } from 'vitest';
import type { Values } from '../../../shared/documents/resolve';
import { resolve } from '../../../shared/documents/resolve';
import type { Block } from '../../../shared/documents/tree';
import { contactId, context, exampleValuesFor, gapsIn, loadTemplate, orgId, resolveText, textOf } from './template-fixtures';

/*
 * The red-lines for the information sharing agreement, each checked on the RESOLVED text:
 * once with the template's example values, and once as a coordinator would fill it, picking five
 * parties from the directory and leaving every per-party choice to its sector default.
 */

const t = loadTemplate('information-sharing-agreement');
const examples = exampleValuesFor(t);

const party = (org: string, spoc: string, signatory: string) => ({
  organisation: orgId(org),
  spoc: contactId(spoc),
  signatory: contactId(signatory),
});
/** Five parties picked from the directory; nothing else chosen for them. */
const FIVE = [
  party('Northshire Police', 'Tom Reilly', 'Helen Carter'),
  party('Northshire County Council', 'Aisha Khan', 'James Whitfield'),
  party('NHS Northshire Integrated Care Board', 'Martin Hughes', 'Samuel Adeyemi'),
  party('Northshire Fire and Rescue Service', 'Rachel Green', 'Rachel Green'),
  party('The Salvation Army', 'Grace Okafor', 'Ruth Morgan'),
];
const withDefaults: Values = { ...examples, parties: FIVE, retentionSchedule: [] };

const exampleText = resolveText(t, examples);
const defaultText = resolveText(t, withDefaults);
const both = [
  ['example values', exampleText],
  ['sector defaults', defaultText],
] as const;

const tables = (values: Values) =>
  resolve(t, values, context()).blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const cells = (row: { text: string }[][]) => row.map((c) => c.map((r) => r.text).join(''));
const tableWith = (values: Values, header: string) => {
  const found = tables(values).find((b) => b.header.includes(header));
  if (!found) throw new Error(`no table with a "${header}" column`);
  return { header: found.header, rows: found.rows.map(cells) };
};
const rowOf = (table: { rows: string[][] }, party: string) => {
  const row = table.rows.find((r) => r[0] === party);
  if (!row) throw new Error(`no row for ${party} in ${JSON.stringify(table.rows.map((r) => r[0]))}`);
  return row;
};

describe('the information sharing agreement resolves completely', () => {
  it.each(both)('with %s, it has no gaps and names every party', (_how, text) => {
    expect(gapsIn(text)).toEqual([]);
    expect(text).toContain('The Salvation Army');
  });
  it('fills the directory names of parties that gave no legal name', () => {
    expect(rowOf(tableWith(withDefaults, 'Power to share'), 'Northshire County Council')).toBeDefined();
    expect(exampleText).toContain('The Chief Constable of Northshire Police');
  });
});

describe('red-line 1: the legal basis, party by party, with powers worded exactly', () => {
  it('tabulates each party: power, Article 6 basis, Article 9 with Schedule 1 condition, Part 3 route', () => {
    const table = tableWith(withDefaults, 'Power to share');
    expect(table.header).toEqual([
      'Party',
      'Power to share',
      'UK GDPR Article 6 basis',
      'Article 9 and Schedule 1 condition',
      'Part 3 route',
    ]);
    expect(table.rows).toHaveLength(5);
    const police = rowOf(table, 'Northshire Police');
    expect(police[1]).toContain('Crime and Disorder Act 1998 s115');
    expect(police[2]).toBe('Article 6(1)(e) public task');
    expect(police[3]).toContain('Schedule 1 paragraph 10 (preventing or detecting unlawful acts)');
    expect(police[4]).toContain('Data Protection Act 2018 Part 3');
    const nhs = rowOf(table, 'NHS Northshire Integrated Care Board');
    expect(nhs[3]).toContain('Article 9(2)(h) with Schedule 1 paragraph 2 (health or social care purposes)');
    expect(nhs[4]).toBe('Not a competent authority: UK GDPR only');
    const charity = rowOf(table, 'The Salvation Army');
    expect(charity[1]).toContain('No statutory gateway');
    expect(charity[1]).not.toContain('s115');
    expect(charity[2]).toBe('Article 6(1)(ea) recognised legitimate interest');
    expect(rowOf(table, 'Northshire Fire and Rescue Service')[1]).not.toContain('s115');
  });

  it('says s115 is a power to disclose to a relevant authority only, for the purposes of the 1998 Act, never to a charity', () => {
    for (const [, text] of both) {
      expect(text).toContain('Crime and Disorder Act 1998 s115 is a power, not a duty');
      expect(text).toContain('necessary or expedient for the purposes of any provision of that Act');
      expect(text).toContain(
        'It permits disclosure only to a relevant authority, and not to a body that is not one, such as a charity',
      );
      expect(text).toContain('does not override data protection law or a duty of confidence');
    }
  });

  it('treats Children Act 2004 s11 and Care Act 2014 s42 as duties that support sharing, not gateways, marked England', () => {
    for (const [, text] of both) {
      expect(text).toContain('Children Act 2004 s11 (England)');
      expect(text).toContain('Care Act 2014 s42 (England)');
      expect(text).toContain('These are duties that support sharing. Neither is itself a power to disclose');
    }
  });

  it('binds only the bodies named in Children Act 1989 s47(11), and only when the local authority asks', () => {
    expect(exampleText).toContain('Children Act 1989 s47 (England and Wales)');
    expect(exampleText).toContain('That duty to assist binds only the bodies named, and only when asked');
  });

  it('does not overstate Article 6(1)(c): s115 is a power, so legal obligation needs a law that requires the disclosure', () => {
    expect(defaultText).not.toMatch(/Article 6\(1\)\(c\), legal obligation/);
    const council = { ...FIVE[1], article6: 'legalObligation' };
    const text = resolveText(t, { ...withDefaults, parties: [FIVE[0], council] });
    expect(text).toContain('Article 6(1)(c), legal obligation, only where a law requires the party to disclose');
    expect(text).toContain(
      'Crime and Disorder Act 1998 s115 is a power, not a duty, so it does not make sharing a legal obligation',
    );
  });

  it('prints the tests of Schedule 1 paragraphs 10 and 18 and names each party’s appropriate policy document', () => {
    for (const [, text] of both) {
      expect(text).toContain(
        "Paragraph 10 (preventing or detecting unlawful acts) applies only where the processing must be carried out without the person's consent so as not to prejudice that purpose",
      );
      expect(text).toContain(
        'Paragraph 18 (safeguarding of children and of individuals at risk) applies to a person under 18, or an adult at risk',
      );
      expect(text).toContain('seeking it would prejudice the protection');
    }
    const policies = tableWith(examples, 'Appropriate policy document');
    expect(rowOf(policies, 'The Chief Constable of Northshire Police')[1]).toBe(
      'Northshire Police Appropriate Policy Document for Sensitive and Criminal Offence Data',
    );
    expect(tableWith(withDefaults, 'Appropriate policy document').rows).toHaveLength(5);
  });

  it('offers Article 9(2)(h) to health and care parties', () => {
    expect(defaultText).toContain('Article 9(2)(h), with paragraph 2, applies to processing for health or social care purposes');
  });
});

describe('red-line 2: consent', () => {
  it.each(both)('with %s, warns public authorities off 6(1)(a) and keeps NRM consent apart from the lawful basis', (_h, text) => {
    expect(text).toContain('the parties that are public authorities do not rely on Article 6(1)(a)');
    expect(text).toContain(
      'Consent to a National Referral Mechanism referral is a different thing from consent as a lawful basis',
    );
    expect(text).toContain('records that consent separately from its lawful basis');
  });
});

describe('red-line 3: Part 3 for police parties', () => {
  it.each(both)('with %s, the police party takes the Part 3 route with Schedule 8, logging, breaches and rights', (_h, text) => {
    expect(text).toContain('under Data Protection Act 2018 Part 3, not UK GDPR');
    expect(text).toContain('a condition in Schedule 8 is met');
    expect(text).toContain('appropriate policy document as Data Protection Act 2018 s42 requires');
    expect(text).toContain(
      'Data Protection Act 2018 s62 it logs the collection, alteration, consultation, disclosure, combination and erasure',
    );
    expect(text).toContain('Data Protection Act 2018 s67 and s68');
    expect(text).toContain('Part 3 Chapter 3');
    expect(text).toContain('that party processes the information under UK GDPR');
  });
  it('without a police party, says no party processes as a competent authority', () => {
    const text = resolveText(t, { ...withDefaults, parties: FIVE.slice(1) });
    expect(text).toContain('No party processes information received under this agreement as a competent authority');
    expect(text).not.toContain('Schedule 8');
  });
});

describe('red-line 4: breaches', () => {
  it.each(both)(
    'with %s: 72 hours to the regulator where required, the people affected where the risk is high, 24 hours to the provider',
    (_h, text) => {
      expect(text).toContain('The controller whose copy of the information was compromised');
      expect(text).toContain('notifies the Information Commissioner without undue delay and, where feasible, within 72 hours');
      expect(text).toContain('Where the risk to people is high, it tells them without undue delay');
      expect(text).toContain("tells the providing party's data protection officer or information governance team");
      expect(text).toContain('within 24 hours of finding out');
    },
  );
});

describe('red-line 5: retention per party and record type', () => {
  it('with example values, tabulates party, record type, period, deletion trigger and confirmation', () => {
    const table = tableWith(examples, 'Type of record');
    expect(table.header).toEqual(['Party', 'Type of record', 'Kept for', 'Deleted when', 'Deletion confirmed by']);
    expect(rowOf(table, 'Northshire County Council')).toEqual([
      'Northshire County Council',
      'Safeguarding case records',
      'Two years after the case is closed',
      'The case is closed',
      'Single point of contact, in the log of decisions',
    ]);
  });
  it('with sector defaults, gives every party a row with a period and a deletion trigger', () => {
    const table = tableWith(withDefaults, 'Type of record');
    expect(table.rows.map((r) => r[0])).toHaveLength(5);
    for (const r of table.rows) expect(r.every((c) => c.trim() !== '')).toBe(true);
  });
  it.each(both)('with %s, no clause lets a party keep information longer than the table says', (_h, text) => {
    expect(text).toContain('No other clause of this agreement, and no policy of a party, lengthens that period');
    expect(text).toContain('confirms it in writing to the providing party when asked');
    expect(text).not.toMatch(
      /retention schedule applies to the record as a whole|unless the receiving party must keep it longer/,
    );
  });
});

describe('red-line 6: onward sharing', () => {
  it.each(both)('with %s, allows an urgent safeguarding disclosure the law permits', (_h, text) => {
    expect(text).toContain('unless the law requires the disclosure or the urgent safeguarding clause below applies');
    expect(text).toContain('may pass information on where the law permits it');
    expect(text).toContain('tells the providing party as soon as possible afterwards');
  });
  it('states onward sharing with Immigration Enforcement from its field', () => {
    expect(defaultText).toContain('is not passed to Home Office Immigration Enforcement for immigration enforcement purposes');
    const caseByCase = resolveText(t, { ...withDefaults, immigrationSharing: 'caseByCase' });
    expect(caseByCase).toContain('passed to Home Office Immigration Enforcement only case by case');
    expect(caseByCase).not.toContain('is not passed to Home Office Immigration Enforcement');
  });
});

describe('red-line 7: marking and handling', () => {
  it('starts new agreements OFFICIAL-SENSITIVE and marks case data and the request form OFFICIAL-SENSITIVE', () => {
    expect(t.marking).toBe('OFFICIAL-SENSITIVE');
    for (const [, text] of both) {
      expect(text).toContain(
        'Case information about individuals shared under it, and every completed request form, is marked OFFICIAL-SENSITIVE',
      );
      expect(text).toContain('Mark the completed form OFFICIAL-SENSITIVE.');
      expect(text).not.toMatch(/OFFICIAL or higher|or higher\./);
    }
  });
  it('prints the handling note with the marking at the top of every page', () => {
    const tree = resolve(t, withDefaults, context());
    expect(tree.meta.handlingNote).toBe("Not for onward sharing without the originator's agreement.");
  });
  it('drops "not for onward sharing" from the public-safe copy', () => {
    const tree = resolve(t, examples, context({ publicSafe: true }));
    expect(tree.meta.handlingNote).toBeUndefined();
    expect(textOf(tree)).not.toMatch(/not for onward sharing/i);
    expect(gapsIn(textOf(tree))).toEqual([]);
  });
  it('lists secure mailboxes in Appendix C, not personal mobiles', () => {
    const table = tableWith(withDefaults, 'Secure mailbox');
    expect(table.header).toEqual(['Organisation', 'Single point of contact', 'Job title', 'Secure mailbox']);
    expect(rowOf(table, 'Northshire Police')[3]).toBe('tom.reilly@northshire-police.example');
    expect(rowOf(tableWith(examples, 'Secure mailbox'), 'The Chief Constable of Northshire Police')[3]).toBe(
      'modern.slavery@northshire-police.example',
    );
    expect(JSON.stringify(table.rows)).not.toMatch(/07700/);
  });
});

describe('red-line 8: sign-off', () => {
  const signatories = (values: Values) => {
    const b = resolve(t, values, context()).blocks.find((x) => x.kind === 'signatures');
    return b && b.kind === 'signatures' ? b.signatories : [];
  };
  it('has one signatory per party, tied to it, for and on behalf of its legal name, with a role', () => {
    const s = signatories(examples);
    expect(s).toHaveLength(4);
    expect(s[0]).toEqual({
      name: 'Helen Carter',
      position: 'Assistant Chief Constable (Senior Information Risk Owner)',
      organisation: 'For and on behalf of The Chief Constable of Northshire Police',
      signedOn: '',
    });
    expect(s[2]?.position).toBe('Director of Nursing (Caldicott Guardian)');
  });
  it('defaults the role prompt from the sector: Caldicott Guardian for health, chief officer for a charity, else SIRO', () => {
    const roles = Object.fromEntries(signatories(withDefaults).map((x) => [x.organisation, x.position]));
    expect(roles['For and on behalf of NHS Northshire Integrated Care Board']).toMatch(/\(Caldicott Guardian\)$/);
    expect(roles['For and on behalf of The Salvation Army']).toMatch(/\(Chief officer\)$/);
    expect(roles['For and on behalf of Northshire Police']).toMatch(/\(Senior Information Risk Owner\)$/);
  });
  it('records when each party’s data protection officer was consulted', () => {
    expect(rowOf(tableWith(examples, 'Data protection officer consulted'), 'The Chief Constable of Northshire Police')[2]).toBe(
      '28 August 2026',
    );
    expect(rowOf(tableWith(withDefaults, 'Data protection officer consulted'), 'Northshire Police')[2]).toBe(
      'Date to be recorded before signing',
    );
  });
});

describe('red-line 9: complaints, the regulator, joint controllers and processors', () => {
  it.each(both)('with %s, each controller runs its own complaints process with the s164A 30-day acknowledgement', (_h, text) => {
    expect(text).toContain('Data Protection Act 2018 s164A');
    expect(text).toContain('acknowledges a complaint within 30 days');
    expect(text).toContain('is expected to complain to the controller first');
  });
  it('names the regulator in one place, so the name can change', () => {
    const text = resolveText(t, { ...withDefaults, regulatorName: 'Information Commission' });
    expect(text).toContain('notifies the Information Commission without undue delay');
    expect(text).not.toContain('Information Commissioner');
  });
  it('makes the essence of an Article 26 arrangement available when parties are joint controllers', () => {
    expect(defaultText).not.toContain('Article 26');
    const joint = FIVE.map((p, i) => (i < 2 ? { ...p, role: 'jointController' } : p));
    const text = resolveText(t, { ...withDefaults, parties: joint });
    expect(text).toContain('the essence of their Article 26 arrangement is available to any person');
  });
  it.each(both)('with %s, a processor never decides disclosures', (_h, text) => {
    expect(text).toContain('A processor never decides whether information is disclosed');
  });
});

describe('red-line 10: the nation', () => {
  it('defaults to England and cites England-only law there', () => {
    expect(defaultText).toContain('the law cited in this agreement is the law of England');
  });
  it('outside England, turns England-only citations into a field for the partnership', () => {
    const wales = resolveText(t, { ...withDefaults, nation: 'wales', localSafeguardingLaw: '' });
    expect(wales).toContain('Children Act 2004 s11 and Care Act 2014 s42 apply in England only');
    expect(wales).not.toContain('Children Act 2004 s11 (England) places a duty');
    expect(gapsIn(wales)).toEqual(['[not yet given: Safeguarding law that applies outside England]']);
    expect(wales).toContain('Modern Slavery Act 2015 s1 to s3');
  });
  it('in Scotland, cites the Scottish Act and neither the Children Act 1989 nor the s52 duty', () => {
    const scotland = resolveText(t, {
      ...examples,
      nation: 'scotland',
      localSafeguardingLaw: 'The duties of the parties to protect children and adults at risk under Scots law.',
    });
    expect(scotland).toContain('Human Trafficking and Exploitation (Scotland) Act 2015');
    expect(scotland).not.toContain('Modern Slavery Act 2015 s1 to s3');
    expect(scotland).toContain('Children Act 1989 s47 does not apply in Scotland');
    expect(scotland).not.toContain('s52');
    expect(gapsIn(scotland)).toEqual([]);
  });
});
