/**
 * Links that come from what people typed or imported (a meeting's online link, a paper's address).
 * The page shows the full address and asks before opening it; main checks the same rule again
 * before it hands anything to the system browser.
 */
export type ExternalLink = { ok: true; href: string; host: string; kind: 'web' | 'email' } | { ok: false; reason: string };

const MAX_URL = 2_048;

export function checkExternalUrl(text: string): ExternalLink {
  // eslint-disable-next-line no-control-regex
  if (text.length > MAX_URL || /[\u0000-\u0020\u007f]/.test(text)) return { ok: false, reason: 'The address is not valid.' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, reason: 'The address is not valid.' };
  }
  if (u.protocol === 'mailto:') {
    return u.pathname.length > 0
      ? { ok: true, href: u.href, host: u.pathname, kind: 'email' }
      : { ok: false, reason: 'The email address is empty.' };
  }
  if (u.protocol !== 'https:') return { ok: false, reason: 'Only secure (https) web addresses can be opened.' };
  if (u.hostname === '') return { ok: false, reason: 'The address has no site name.' };
  if (u.username !== '' || u.password !== '') {
    return { ok: false, reason: 'The address carries a user name or password, so it is not opened.' };
  }
  // href shows an international domain name in its punycode form (xn--…), so look-alike letters show.
  return { ok: true, href: u.href, host: u.host, kind: 'web' };
}
