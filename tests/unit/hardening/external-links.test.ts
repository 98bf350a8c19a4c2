import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, navigationDecision } from '../../../main/shell/security';
import { checkExternalUrl } from '../../../shared/links';

describe('links from user text or imported data', () => {
  it('show the full address and the site, with look-alike letters in punycode', () => {
    expect(checkExternalUrl('https://meet.example.org/j/123?pwd=x#frag')).toEqual({
      ok: true,
      href: 'https://meet.example.org/j/123?pwd=x#frag',
      host: 'meet.example.org',
      kind: 'web',
    });
    const homograph = checkExternalUrl('https://xn--pple-43d.com/login');
    expect(homograph).toMatchObject({ ok: true, host: 'xn--pple-43d.com' });
    expect(checkExternalUrl('https://аpple.com/')).toMatchObject({ ok: true, host: 'xn--pple-43d.com' });
  });

  it.each([
    ['http', 'http://meet.example.org/'],
    ['javascript', 'javascript:alert(1)'],
    ['file', 'file:///etc/passwd'],
    ['data', 'data:text/html,<script>1</script>'],
    ['credentials', 'https://user:pass@bank.example/'],
    ['a user name that hides the real host', 'https://www.gov.uk@evil.example/'],
    ['a control character', 'https://ok.example/\u0000'],
    ['a space', 'https://ok.example/ a'],
    ['a very long address', `https://ok.example/${'a'.repeat(3_000)}`],
    ['not an address', 'meet.example.org'],
    ['the app itself', 'app://concordat/index.html'],
  ])('refuses %s, in the page and in main', (_label, url) => {
    expect(checkExternalUrl(url).ok).toBe(false);
    expect(isAllowedExternalUrl(url)).toBe(false);
    if (!url.startsWith('app:')) expect(navigationDecision(url)).toBe('deny');
  });

  it('allows mailto as email', () => {
    expect(checkExternalUrl('mailto:sam@partnership.example')).toMatchObject({ ok: true, kind: 'email' });
    expect(isAllowedExternalUrl('mailto:sam@partnership.example')).toBe(true);
  });
});
