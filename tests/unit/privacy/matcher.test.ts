import { describe, expect, it } from 'vitest';
import { buildMatcher, snippets } from '../../../shared/privacy/matcher';

const m = buildMatcher({ names: ['Mark Quorzyl'], emails: ['mark.q@council.example'], phones: ['01632 960999'] });

describe('the erasure matcher', () => {
  it('matches the full name in any case, with any spacing and with a title', () => {
    expect(m.scrub('Mark Quorzyl said')).toBe('[erased person] said');
    expect(m.scrub('MARK QUORZYL')).toBe('[erased person]');
    expect(m.scrub('mark   quorzyl')).toBe('[erased person]');
    expect(m.scrub('Mark\nQuorzyl')).toBe('[erased person]');
    for (const title of ['DI', 'DS', 'DC', 'Dr', 'Dr.', 'Mr', 'Mrs', 'Ms', 'Miss', 'Cllr', 'Prof', 'Revd', 'di'])
      expect(m.scrub(`Thanks to ${title} Mark Quorzyl.`)).toBe('Thanks to [erased person].');
    expect(m.scrub("Mark Quorzyl's report")).toBe("[erased person]'s report");
  });

  it('never matches a first name alone or a name inside a longer word', () => {
    expect(m.scrub('Marking the papers, Mark agreed')).toBe('Marking the papers, Mark agreed');
    expect(m.scrub('Mark Quorzylson')).toBe('Mark Quorzylson');
    expect(m.scrub('AMark Quorzyl')).toBe('AMark Quorzyl');
    expect(buildMatcher({ names: ['Mark'], emails: [], phones: [] }).empty).toBe(true);
  });

  it('matches emails in any case but not inside a longer address', () => {
    expect(m.scrub('Write to MARK.Q@Council.Example today')).toBe('Write to [erased email] today');
    expect(m.scrub('<mark.q@council.example>')).toBe('<[erased email]>');
    expect(m.scrub('mark.q@council.example.')).toBe('[erased email].');
    expect(m.scrub('xmark.q@council.example')).toBe('xmark.q@council.example');
    expect(m.scrub('mark.q@council.example.org')).toBe('mark.q@council.example.org');
  });

  it('matches a phone number in any spacing and in its +44 form', () => {
    for (const form of [
      '01632 960999',
      '01632960999',
      '0163 296 0999',
      '+44 1632 960999',
      '+44 (0)1632 960 999',
      '0044-1632-960-999',
      '+441632960999',
      '(01632) 960999',
    ])
      expect(m.scrub(`Call ${form} now`)).toBe('Call [erased phone] now');
    expect(m.scrub('ref 201632960999')).toBe('ref 201632960999');
    expect(m.scrub('01632 9609990')).toBe('01632 9609990');
  });

  it('scrubs strings inside stored JSON, including escaped line breaks and upper case', () => {
    const stored = JSON.stringify({ purpose: 'Led by MARK\nQUORZYL (mark.q@council.example)', n: 3, list: ['01632 960 999'] });
    const out = JSON.parse(m.scrubStored(stored));
    expect(out).toEqual({ purpose: 'Led by [erased person] ([erased email])', n: 3, list: ['[erased phone]'] });
    expect(m.test(stored)).toBe(true);
    expect(m.test('{"a":"nothing here"}')).toBe(false);
    expect(m.scrubStored('{not json Mark Quorzyl')).toBe('{not json [erased person]');
  });

  it('gives snippets with context', () => {
    const text = 'The board thanked Mark Quorzyl for the plan.';
    expect(snippets(text, m.find(text), 10)).toEqual(['…d thanked «Mark Quorzyl» for the p…']);
  });

  it('has a fast check that never rules out text that matches', () => {
    const samples = [
      'MARK\nQUORZYL',
      JSON.stringify({ a: 'Mark\nQuorzyl' }),
      JSON.stringify({ a: 'call 0163\n296\t0999' }),
      '+44 (0)1632 960 999',
      'MARK.Q@COUNCIL.EXAMPLE',
    ];
    for (const text of samples) {
      expect(m.mightMatch(text), text).toBe(true);
      expect(m.scrubStored(text), text).not.toBe(text);
    }
    expect(m.mightMatch('Marking the papers, Mark agreed on 2026-11-01')).toBe(false);
    const accented = buildMatcher({ names: ['Zoë Ångström'], emails: [], phones: [] });
    expect(accented.scrub('ZOË ÅNGSTRÖM')).toBe('[erased person]');
  });
});
