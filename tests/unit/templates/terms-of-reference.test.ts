import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../main/documents/docx-writer';
import type { DirectoryOrganisation } from '../../../shared/documents/resolve';
import { resolve } from '../../../shared/documents/resolve';
import { sectorLabel } from '../../../shared/partners/sectors';
import {
  contacts,
  context,
  exampleValuesFor,
  gapsIn,
  loadTemplate,
  orgId,
  organisations,
  resolveText,
  textOf,
} from './template-fixtures';

const t = loadTemplate('terms-of-reference');
const examples = exampleValuesFor(t);

/** Real sector codes, including one for a local charity and one for a body now in the Fair Work Agency. */
const extra: DirectoryOrganisation[] = [
  { id: 901, name: 'Northshire Survivor Network', sector: 'ngo-local' },
  { id: 902, name: 'Employment Agency Standards Inspectorate (North)', sector: 'eas' },
];
const directory = { organisations: new Map([...organisations, ...extra.map((o) => [o.id, o] as const)]), contacts };
const members = [orgId('Northshire County Council'), orgId('Gangmasters and Labour Abuse Authority'), 901, 902];
const values = { ...examples, members };

describe('terms of reference: the members table', () => {
  const tree = resolve(t, values, context({ directory }));
  const table = tree.blocks.find((b) => b.kind === 'table' && b.header.join() === 'Organisation,Sector');
  const rows = table && table.kind === 'table' ? table.rows.map((r) => r.map((c) => c.map((x) => x.text).join(''))) : [];

  it('prints sector names, not codes', () => {
    expect(rows).toEqual([
      ['Northshire County Council', 'Local authority: community safety'],
      ['Gangmasters and Labour Abuse Authority', 'Fair Work Agency (formerly Gangmasters and Labour Abuse Authority, GLAA)'],
      ['Northshire Survivor Network', 'Charity or NGO: local'],
      [
        'Employment Agency Standards Inspectorate (North)',
        'Fair Work Agency (formerly Employment Agency Standards Inspectorate)',
      ],
    ]);
    expect(sectorLabel('fair-work-agency')).toMatch(/^Fair Work Agency \(formerly GLAA/);
  });

  it('prints names in the .docx too', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await writeDocx(tree)) });
    expect(value).toContain('Local authority: community safety');
    expect(value).toContain('Charity or NGO: local');
    for (const code of ['la-community-safety', 'glaa', 'ngo-local', 'eas'])
      expect(value).not.toMatch(new RegExp(`\\b${code}\\b`));
  });
});

describe('terms of reference: what the issue adds', () => {
  const text = resolveText(t, examples);

  it('resolves with example values with no gap', () => {
    expect(gapsIn(text)).toEqual([]);
  });

  it('sets reporting lines as a choice and says whether the annual report is published', () => {
    expect(text).toContain('The partnership reports to Safer Northshire Community Safety Partnership.');
    expect(text).toContain('The partnership also reports to the Safeguarding Adults Board');
    expect(text).toContain("The partnership also reports to the children's safeguarding partnership");
    expect(text).toContain('The partnership publishes its annual report');
    const unpublished = resolveText(t, { ...examples, annualReportPublished: false });
    expect(unpublished).toContain("The partnership's annual report goes to the bodies it reports to and is not published");
  });

  it('covers resourcing: host body, budget, who employs the coordinator, support in kind', () => {
    expect(text).toContain('Northshire County Council hosts the partnership and is its accountable body');
    expect(text).toContain('A pooled budget of contributions');
    expect(text).toContain('The coordinator is employed by Northshire County Council');
    expect(text).toContain('Meeting rooms from the police and the council');
    const bare = resolveText(t, { ...examples, hostBody: null, budget: '', coordinatorEmployer: null, inKindSupport: '' });
    expect(bare).toContain('The partnership has no host or accountable body');
    expect(gapsIn(bare)).toEqual([]);
  });

  it('links to the strategy and action plan', () => {
    expect(text).toContain(
      'set out in Northshire Anti-Slavery Strategy 2026 to 2029 and delivered through Northshire Anti-Slavery Action Plan',
    );
    expect(resolveText(t, { ...examples, strategyTitle: '', actionPlanTitle: '' })).toContain(
      'set out in its strategy and delivered through its action plan',
    );
  });

  it('replaces "partnership business is confidential" with publication and freedom of information', () => {
    expect(text).not.toMatch(/business is confidential/i);
    expect(text).toContain('The partnership is open about its work.');
    expect(text).toContain('Freedom of Information Act 2000 (in Scotland, the Freedom of Information (Scotland) Act 2002)');
  });

  it('says what to do when a case concern comes up in a meeting', () => {
    expect(text).toContain('if anyone is in immediate danger, the member calls 999 straight away');
    expect(text).toContain('under its own safeguarding procedures');
    expect(text).toContain('National Referral Mechanism referral');
    expect(text).toContain('Duty to Notify return');
    expect(text).toContain('08000 121 700');
  });

  it('covers media and spokespeople, membership tiers and document control', () => {
    expect(text).toContain(
      'Only Priya Shah, or someone they name for a particular matter, speaks to the media for the partnership',
    );
    expect(resolveText(t, { ...examples, spokesperson: null })).toContain('Only the chair, or someone they name');
    expect(text).toMatch(/Core members sign these terms of reference/);
    expect(text).toMatch(/Associate members receive papers/);
    expect(text).toMatch(/Observers attend at the chair's invitation/);
    expect(text).toContain('The associate members are Northshire Chamber of Commerce.');
    expect(text).toMatch(/Document control\n\nItem \| Details\nTitle \|/);
    expect(text).toContain('2.0 | 1 October 2026 |');
  });

  it('is signed for and on behalf of the partnership', () => {
    const tree = resolve(t, examples, context());
    const s = tree.blocks.find((b) => b.kind === 'signatures');
    expect(s && s.kind === 'signatures' ? s.signatories.map((x) => x.organisation) : []).toEqual([
      'For and on behalf of Northshire Anti-Slavery Partnership',
      'For and on behalf of Northshire Anti-Slavery Partnership',
    ]);
    expect(textOf(tree)).toContain('signed for and on behalf of the partnership by:');
  });

  it('puts victim identification under Prepare, not Protect', () => {
    const protect = /6\.3 Protect\n(.*)/.exec(text)?.[1] ?? '';
    const prepare = /6\.4 Prepare\n(.*)/.exec(text)?.[1] ?? '';
    expect(protect).not.toMatch(/identif/i);
    expect(prepare).toMatch(/^Identifying victims early/);
  });
});
