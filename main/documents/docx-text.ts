import type { Block, DocumentTree, Run, Signatory } from '../../shared/documents/tree';

/*
 * Text as the .docx export needs it, shared by both writers (docx-model.ts and docx-xml.ts): made
 * safe for XML, its reading direction, and runs to plain text and back.
 */

// XML 1.0 allows tab, LF, CR and these ranges; everything else (other control characters, lone
// surrogates, U+FFFE/U+FFFF) would make Word refuse the file.
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove characters XML 1.0 forbids. Returns the clean text and how many characters went. */
export function sanitiseText(text: string): { text: string; removed: number } {
  let removed = 0;
  const clean = text.replace(XML_FORBIDDEN, (m) => {
    removed += m.length;
    return '';
  });
  return { text: clean, removed };
}

/** A copy of the tree with every text made safe, and the number of characters removed. */
export function sanitiseTree(tree: DocumentTree): { tree: DocumentTree; removed: number } {
  let removed = 0;
  const s = (t: string) => {
    const r = sanitiseText(t);
    removed += r.removed;
    return r.text;
  };
  const runs = (rs: Run[]) => rs.map((r) => ({ ...r, text: s(r.text) }));
  const sig = (x: Signatory): Signatory => ({
    name: s(x.name),
    position: s(x.position),
    organisation: s(x.organisation),
    signedOn: s(x.signedOn),
  });
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'heading':
        return { ...b, text: s(b.text) };
      case 'paragraph':
      case 'guidance':
        return { ...b, runs: runs(b.runs) };
      case 'clause':
        return b.title === undefined ? { ...b, runs: runs(b.runs) } : { ...b, title: s(b.title), runs: runs(b.runs) };
      case 'bullets':
        return { ...b, items: b.items.map(runs) };
      case 'table': {
        const t: Block = { ...b, header: b.header.map(s), rows: b.rows.map((r) => r.map(runs)) };
        if (b.caption !== undefined) t.caption = s(b.caption);
        return t;
      }
      case 'signatures':
        return { ...b, signatories: b.signatories.map(sig) };
      case 'image': {
        const i: Block = { ...b, alt: s(b.alt) };
        if (b.caption !== undefined) i.caption = s(b.caption);
        return i;
      }
      default:
        return b;
    }
  };
  const m = tree.meta;
  const meta = { ...m, title: s(m.title), author: s(m.author), subject: s(m.subject), partnershipName: s(m.partnershipName) };
  if (m.subtitle !== undefined) meta.subtitle = s(m.subtitle);
  if (m.handlingNote !== undefined) meta.handlingNote = s(m.handlingNote);
  return { tree: { meta, blocks: tree.blocks.map(block) }, removed };
}

// Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms.
export const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
/** A paragraph reads right to left when its first strong letter is from a right-to-left script. */
export function isRtl(text: string): boolean {
  for (const ch of text) {
    if (RTL.test(ch)) return true;
    if (LTR.test(ch)) return false;
  }
  return false;
}

export const plainRuns = (text: string): Run[] => [{ text }];
export const runsToText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

export const PUBLIC_NOTE = 'Public version: personal details are replaced by role and organisation.';

/** What the document's properties (docProps/core.xml) say it is. */
export function propertiesDescription(meta: DocumentTree['meta']): string {
  return `${meta.subject} for ${meta.partnershipName}. Version ${meta.version}. ${meta.marking}.`;
}
