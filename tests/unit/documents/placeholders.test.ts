import { describe, expect, it } from 'vitest';
import { joinList, longDate, parseText, toRuns } from '../../../shared/documents/placeholders';

const render = (src: string, values: Record<string, string> = {}) =>
  toRuns(parseText(src), (p) => ({ text: values[p.path] ?? `<${p.path}>` }));

describe('placeholder grammar', () => {
  it('parses paths and filters with quoted arguments', () => {
    const [t] = parseText('{{ a.b | default("x \\" y") | upper }}');
    expect(t).toEqual({
      kind: 'placeholder',
      path: 'a.b',
      filters: [{ name: 'default', arg: 'x " y' }, { name: 'upper' }],
      source: '{{ a.b | default("x \\" y") | upper }}',
    });
    expect(parseText("{{x|default('it')}}")[0]).toMatchObject({ filters: [{ name: 'default', arg: 'it' }] });
  });

  it('leaves malformed placeholders as literal text', () => {
    for (const bad of ['{{ }}', '{{ 1a }}', '{{ a. }}', '{{ a | }}', '{{ a', '{{ a | f("x) }}', '{{ a b }}', '{ a }']) {
      expect(parseText(bad).every((t) => t.kind === 'text')).toBe(true);
    }
  });

  it('never evaluates anything', () => {
    const runs = render('{{ constructor.constructor("return 1")() }}');
    expect(runs).toEqual([{ text: '{{ constructor.constructor("return 1")() }}' }]);
  });

  it('handles bold and italic, and leaves snake_case and escaped markers alone', () => {
    expect(render('a **b** _c_ d')).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italic: true },
      { text: ' d' },
    ]);
    expect(render('file_name_here and a_b')).toEqual([{ text: 'file_name_here and a_b' }]);
    expect(render('\\**not bold\\**')).toEqual([{ text: '**not bold**' }]);
    expect(render('**{{ x }}**', { x: 'X' })).toEqual([{ text: 'X', bold: true }]);
  });

  it('does not parse values', () => {
    expect(render('{{ x }}', { x: '**{{ y }}**' })).toEqual([{ text: '**{{ y }}**' }]);
  });

  it('formats UK long dates and lists', () => {
    expect(longDate('2026-10-05')).toBe('5 October 2026');
    expect(longDate('2026-13-05')).toBe('2026-13-05');
    expect(longDate('not a date')).toBe('not a date');
    expect(joinList([])).toBe('');
    expect(joinList(['A'])).toBe('A');
    expect(joinList(['A', 'B'])).toBe('A and B');
    expect(joinList(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
