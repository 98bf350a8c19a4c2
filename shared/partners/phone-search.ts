/**
 * When a search looks like a phone number (digits with the usual spaces, dashes, brackets or a
 * "+"), the digit strings to look for in stored numbers with their punctuation removed: the digits
 * as typed and the same number in the other UK form (07700… and 447700…). Otherwise none.
 */
export function phoneDigitsVariants(query: string): string[] {
  const t = query.trim();
  if (!/^[+\d(][\d\s().\-/]*$/.test(t)) return [];
  let digits = t.replace(/\D/g, '');
  if (digits.length < 4) return [];
  if (digits.startsWith('00')) digits = digits.slice(2);
  const out = new Set([digits]);
  if (digits.startsWith('44') && digits.length > 4) out.add(`0${digits.slice(2)}`);
  else if (digits.startsWith('0')) out.add(`44${digits.slice(1)}`);
  return [...out];
}
