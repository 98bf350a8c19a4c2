import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITABLE_LAW } from '../../../shared/documents/citable-law';
import type { LawRoundUp } from '../../../shared/toolkit/law';
import { createTestApp } from '../../helpers/db';
import type { App } from './helpers';
import { ok } from './helpers';

let app: App;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

describe('the legislation round-up', () => {
  it('shows every entry of the one citable-law list, with the built-in templates that cite it', async () => {
    const law = await ok<LawRoundUp>(app, 'toolkit.law.list', {});
    expect(law.entries.map((e) => e.id)).toEqual(CITABLE_LAW.map((e) => e.id));
    for (const e of law.entries) {
      expect(e.summary.length, e.id).toBeGreaterThan(0);
      expect(e.jurisdiction.length, e.id).toBeGreaterThan(0);
      expect(e.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const gdpr = law.entries.find((e) => e.id === 'uk-gdpr')!;
    expect(gdpr.citedBy.map((t) => t.key)).toContain('information-sharing-agreement');
    expect(law.entries.some((e) => e.citedBy.some((t) => t.key === 'terms-of-reference'))).toBe(true);
  });

  it('lists other Acts from the library as links only, never the ones on the list', async () => {
    const law = await ok<LawRoundUp>(app, 'toolkit.law.list', {});
    const titles = law.otherActs.map((a) => a.title);
    expect(titles).toContain('Localism Act 2011');
    expect(titles).not.toContain('Modern Slavery Act 2015');
    for (const a of law.otherActs) expect(a.url).toMatch(/^https:\/\/www\.legislation\.gov\.uk\//);
  });
});
