/** What happened when main was asked to save a file. The browser host cannot show a save dialog,
 * so it hands the bytes back for the page to download. */
export type SaveOutcome =
  | { status: 'saved'; fileName: string }
  | { status: 'canceled' }
  | { status: 'download'; fileName: string; mimeType: string; base64: string };

/** A file name safe on Windows, macOS and Linux. */
export function safeFileName(name: string, fallback = 'document'): string {
  const cleaned = name
    .normalize('NFC')
    // Control characters and the characters Windows forbids in file names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) || cleaned === '' ? fallback : cleaned;
}
