import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Newsletter } from '../../../shared/toolkit/newsletter';
import { newsletterHtml } from '../../../shared/toolkit/newsletter';
import type { Resource } from '../../../shared/toolkit/resources';
import { createTestApp } from '../../helpers/db';
import type { App } from './helpers';
import { fails, ok } from './helpers';

let app: App;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const link = (title: string) =>
  ok<Resource>(app, 'toolkit.resources.addLink', {
    title,
    type: 'report',
    url: `https://example.org/${encodeURIComponent(title)}`,
    summary: `About ${title}.`,
  });
const item = (r: Resource) => ({ resourceUid: r.uid, title: r.title, publisher: r.publisher, url: r.url, paragraph: r.summary });

describe('newsletters', () => {
  it('offer what was added since the last issue, and record what went out', async () => {
    const a = await link('Farm labour study');
    const b = await link('Nail bar guidance');
    const first = await ok<Resource[]>(app, 'toolkit.newsletters.suggest', {});
    // Before any issue, only what the partnership added itself (not the shipped catalogue).
    expect(first.map((r) => r.title).sort()).toEqual(['Farm labour study', 'Nail bar guidance']);
    const issue = await ok<Newsletter>(app, 'toolkit.newsletters.save', {
      title: 'Newsletter, December 2026',
      introduction: 'Welcome.',
      callForExamples: 'Tell us what works.',
      items: [item(a)],
    });
    const sent = await ok<Newsletter>(app, 'toolkit.newsletters.markSent', { id: issue.id, sentOn: '2000-01-01' });
    expect(sent.sentOn).toBe('2000-01-01');
    // A sent issue is kept as it went out.
    expect((await fails(app, 'toolkit.newsletters.save', { id: issue.id, title: 'Changed', items: [] })).code).toBe('conflict');
    const next = await ok<Resource[]>(app, 'toolkit.newsletters.suggest', {});
    expect(next.map((r) => r.title)).toContain('Nail bar guidance');
    expect(next.map((r) => r.title)).not.toContain('Farm labour study');
    void b;
  });

  it('exports as .docx and as simple, escaped HTML', async () => {
    const a = await link('Farm labour study');
    const issue = await ok<Newsletter>(app, 'toolkit.newsletters.save', {
      title: 'Newsletter <December>',
      introduction: 'Welcome to the first issue.\n\nSecond paragraph.',
      callForExamples: 'Tell us what works.',
      items: [{ ...item(a), paragraph: 'A study of <b>farm</b> work.' }],
    });
    await ok(app, 'toolkit.newsletters.exportDocx', { id: issue.id });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(app.saved[0]!.bytes) })).value;
    expect(text).toContain('Farm labour study');
    expect(text).toContain('Share your good practice');
    expect(text).toContain('https://example.org/Farm%20labour%20study');
    await ok(app, 'toolkit.newsletters.exportHtml', { id: issue.id });
    const html = new TextDecoder().decode(app.saved[1]!.bytes);
    expect(app.saved[1]!.name).toBe('Newsletter December.html');
    expect(html).toContain('<h1>Newsletter &lt;December&gt;</h1>');
    expect(html).toContain('<p>A study of &lt;b&gt;farm&lt;/b&gt; work.</p>');
    expect(html).toContain('<a href="https://example.org/Farm%20labour%20study">');
    expect(html).not.toMatch(/<script|<b>/);
  });

  it('never links an address that is not http(s)', () => {
    const html = newsletterHtml(
      {
        id: 1,
        uid: 'u',
        title: 'T',
        introduction: '',
        callForExamples: '',
        items: [{ resourceUid: 'x', title: 'X', publisher: '', url: 'javascript:alert(1)', paragraph: '' }],
        sentOn: null,
        version: 1,
        updatedAt: '',
      },
      'P',
    );
    expect(html).not.toContain('javascript:');
  });
});
