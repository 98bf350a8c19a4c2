/**
 * CSV that Excel opens correctly: UTF-8 with a byte order mark (so Excel does not guess a legacy
 * code page), CRLF line ends, every cell quoted when needed, and any cell a spreadsheet would run as
 * a formula (= + - @, tab, carriage return) neutralised with a leading apostrophe. The importer
 * removes that apostrophe again, so an export imports back unchanged.
 */
export const EXPORT_COLUMNS = [
  'Name',
  'Pronouns',
  'Organisation',
  'Job title',
  'Email',
  'Phone',
  'SPOC',
  'Sector',
  'Membership',
  'Last verified',
  'Source',
  'Lawful basis',
  'Notes',
] as const;

export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const v = neutraliseCell(value);
  return /[",\r\n;]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
