/** What happened when main was asked to save a file. The browser host cannot show a save dialog,
 * so it hands the bytes back for the page to download. */
export type SaveOutcome =
  | { status: 'saved'; fileName: string }
  | { status: 'canceled' }
  | { status: 'download'; fileName: string; mimeType: string; base64: string };

const BIDI_AND_INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A file name safe on Windows, macOS and Linux. */
export function safeFileName(name: string, fallback = 'document'): string {
  const cleaned = name
    .normalize('NFC')
    // Bidirectional controls (U+202E can make "report\u202Excod.exe" look like "reportexe.docx") and
    // invisible format characters.
    .replace(BIDI_AND_INVISIBLE, '')
    // Control characters and the characters Windows forbids in file names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) || cleaned === '' ? fallback : cleaned;
}

/**
 * The name offered for an exported file: the stem made safe and the expected extension at the end,
 * so nothing in the stem can disguise what kind of file it is. Every export passes through this
 * (the dispatcher applies it to every save), whichever handler chose the name.
 */
export function exportFileName(suggested: string, extension: string): string {
  const ext = extension.replace(/[^a-z0-9]/gi, '').toLowerCase();
  const dot = `.${ext}`;
  const stem = suggested.toLowerCase().endsWith(dot) ? suggested.slice(0, -dot.length) : suggested;
  return `${safeFileName(stem, 'export')}${dot}`;
}
