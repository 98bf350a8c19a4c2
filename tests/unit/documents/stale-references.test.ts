import { describe, expect, it } from 'vitest';
import { exampleValues, resolve } from '../../../shared/documents/resolve';
import { findStaleReferences, STALE_RULES, staleInTree, staleInValues } from '../../../shared/documents/stale-references';
import { sampleContext, sampleTemplate } from '../../helpers/documents';

const rules = (text: string) => findStaleReferences(text).map((f) => f.ruleId);

describe('stale references', () => {
  // Phrases as they appear in real partnership documents from before 2018.
  it.each([
    ['This agreement is made under the Data Protection Act 1998 and the Human Rights Act.', 'dpa-1998'],
    ['Information will be processed in line with the DPA 1998 principles.', 'dpa-1998'],
    ['Protective marking: Not Protectively Marked', 'not-protectively-marked'],
    ['This document is marked RESTRICTED and must not be shared.', 'restricted'],
    ['PROTECT – PERSONAL when complete', 'protect'],
    ['Data must be held on systems accredited to IL3.', 'impact-levels'],
    ['Send referrals to modern.slavery@northshire.pnn.police.uk or msu@northshire.gcsx.gov.uk', 'gsi-address'],
    ['Requests to the SPOC at spoc@homeoffice.gsi.gov.uk', 'gsi-address'],
    ['All e-mail must travel over the GSI or GCSX network.', 'gsi-network'],
    ['in accordance with the EU Data Protection Directive (95/46/EC)', 'data-protection-directive'],
    ['The parties comply with the EU GDPR.', 'eu-gdpr'],
    ['processed under the GDPR', 'gdpr-unqualified'],
    ['Intelligence is passed to the Serious Organised Crime Agency (SOCA).', 'soca'],
    ['Potential victims are referred through the UKHTC.', 'ukhtc'],
    ['The UK Border Agency will attend as required.', 'uk-border-agency'],
    ['Gangmasters Licensing Authority (GLA) inspectors', 'gangmasters-licensing-authority'],
    ['The GLAA leads on labour exploitation.', 'glaa'],
    ['Information is shared securely at OFFICIAL or higher.', 'official-or-higher'],
    ['Section 115 of the Crime and Disorder Act 1998 places a duty on partners to share.', 's115-duty'],
    ['under the Government Protective Marking Scheme (GPMS)', 'gpms'],
    ["An individual may complain directly to the Information Commissioner's Office.", 'ico-name'],
  ])('%s', (text, rule) => {
    const found = findStaleReferences(text);
    expect(found.map((f) => f.ruleId)).toContain(rule);
    for (const f of found) {
      expect(f.suggestion.length).toBeGreaterThan(3);
      expect(text.slice(f.index, f.index + f.found.length)).toBe(f.found);
    }
  });

  it('leaves current wording alone', () => {
    const current = [
      'The parties share under UK GDPR and the Data Protection Act 2018.',
      'Marked OFFICIAL-SENSITIVE at the top and bottom of every page.',
      'Prevent, Pursue, Protect and Prepare: the 4Ps.',
      'PREVENT, PURSUE, PROTECT, PREPARE',
      'The Fair Work Agency (formerly the GLAA) leads on labour exploitation.',
      'Crime and Disorder Act 1998 s115 is a power, not a duty.',
      'Send it to modern.slavery@northshire.police.uk.',
      'A restricted area of the site is not a marking.',
      'the National Crime Agency',
    ];
    for (const t of current) expect(rules(t), t).toEqual([]);
  });

  it('has a suggestion and a message for every rule', () => {
    for (const r of STALE_RULES) {
      expect(r.message).toMatch(/\.$/);
      expect(r.suggestion.trim()).not.toBe('');
    }
  });

  it('places findings in a resolved document under their heading, and in typed values by field label', () => {
    const template = sampleTemplate();
    const values = { ...exampleValues(template), purpose: 'Sharing under the Data Protection Act 1998 with the UKHTC.' };
    const purpose = template.fields.find((f) => f.key === 'purpose');
    const inValues = staleInValues(template.fields, values);
    expect(inValues.map((f) => [f.where, f.ruleId])).toEqual([
      [purpose?.label, 'dpa-1998'],
      [purpose?.label, 'ukhtc'],
    ]);
    const inTree = staleInTree(resolve(template, values, sampleContext({ includeGuidance: false })));
    expect(inTree.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['dpa-1998', 'ukhtc']));
    expect(inTree.every((f) => f.where && f.where.length > 0)).toBe(true);
  });
});
