/**
 * Phone numbers are stored as the person typed them and normalised only for display. UK numbers
 * (national 0… or +44 / 0044, with or without "(0)") are shown in the usual national grouping;
 * other international numbers keep the grouping that was typed, behind a single "+".
 */
export type PhoneResult = { ok: true; display: string; e164: string; uk: boolean } | { ok: false; reason: string };

export const PHONE_HINT = 'Enter a phone number like 01632 960123, 07700 900123 or +33 1 23 45 67 89';

// Geographic area codes with a three-digit local prefix (0113 496 0000 rather than 01134 960000).
const THREE_DIGIT_AREA = ['0113', '0114', '0115', '0116', '0117', '0118', '0121', '0131', '0141', '0151', '0161', '0191'];

function groupUk(national: string): string {
  // national: 0 followed by 9 or 10 digits
  if (national.length === 11) {
    if (national.startsWith('02')) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
    if (national.startsWith('07')) return `${national.slice(0, 5)} ${national.slice(5)}`;
    if (THREE_DIGIT_AREA.includes(national.slice(0, 4)) || /^01\d1/.test(national))
      return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
    if (national.startsWith('01')) return `${national.slice(0, 5)} ${national.slice(5)}`;
    if (national.startsWith('08000')) return `${national.slice(0, 5)} ${national.slice(5, 8)} ${national.slice(8)}`;
    return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  }
  // Ten-digit numbers: 0800 123 456 and some older geographic numbers.
  if (national.startsWith('01')) return `${national.slice(0, 5)} ${national.slice(5)}`;
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
}

export function normalisePhone(input: string): PhoneResult {
  let text = input.trim();
  if (text === '') return { ok: false, reason: 'Enter a phone number' };
  let extension = '';
  const ext = /\s*(?:ext\.?|extension|x)\s*(\d{1,6})$/i.exec(text);
  if (ext) {
    extension = ext[1]!;
    text = text.slice(0, ext.index).trim();
  }
  if (!/^[+\d(][\d\s().\-/]*$/.test(text)) return { ok: false, reason: PHONE_HINT };
  const suffix = extension ? ` ext. ${extension}` : '';
  let international = text.startsWith('+') || text.startsWith('00');
  let body = text.startsWith('+') ? text.slice(1) : text.startsWith('00') ? text.slice(2) : text;
  // "+44 (0)20 …": the (0) is dialled only from inside the UK.
  body = body.replace(/^(\s*44\s*)\(0\)/, '$1');
  let digits = body.replace(/\D/g, '');
  if (international && digits.startsWith('44')) {
    international = false;
    digits = `0${digits.slice(2)}`;
  }
  if (!international) {
    if (!digits.startsWith('0') || digits.length < 10 || digits.length > 11) {
      return { ok: false, reason: `${PHONE_HINT}. A UK number has 10 or 11 digits starting with 0.` };
    }
    return { ok: true, uk: true, display: `${groupUk(digits)}${suffix}`, e164: `+44${digits.slice(1)}` };
  }
  if (digits.length < 7 || digits.length > 15 || digits.startsWith('0')) {
    return { ok: false, reason: `${PHONE_HINT}. An international number has 7 to 15 digits after the country code's +.` };
  }
  const grouped = body
    .replace(/[().\-/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { ok: true, uk: false, display: `+${grouped}${suffix}`, e164: `+${digits}` };
}

/** For display: the normalised form if the number is valid, otherwise exactly what was typed. */
export function formatPhone(value: string): string {
  if (value.trim() === '') return '';
  const r = normalisePhone(value);
  return r.ok ? r.display : value;
}

/** A tel: URI for vCard and links, or null when the number cannot be read. */
export function phoneUri(value: string): string | null {
  const r = normalisePhone(value);
  if (!r.ok) return null;
  const ext = /ext\. (\d+)$/.exec(r.display);
  return `tel:${r.e164}${ext ? `;ext=${ext[1]}` : ''}`;
}
