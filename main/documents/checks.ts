import type { Database } from 'better-sqlite3';
import JSZip from 'jszip';
import type { StaleDocument } from '../../shared/contract/document-checks';
import type { StaleFinding } from '../../shared/documents/stale-references';
import { findStaleIn, staleInTemplate, staleInTree } from '../../shared/documents/stale-references';
import { AppError } from '../../shared/result';
import { getStored, getVersion, lastVersionNumber, listDocuments } from './repository';
import { currentTree } from './service';
import { getTemplate } from './templates';

/**
 * Stale-reference checks over what is stored and over a Word file the person picks. The checker
 * itself is the pure shared/documents/stale-references.ts; this reads the texts to give it.
 */

/** Documents whose text still has stale references: the agreed text for an agreed document, the draft otherwise. */
export function staleInStoredDocuments(db: Database): StaleDocument[] {
  const out: StaleDocument[] = [];
  for (const d of listDocuments(db)) {
    if (d.status === 'withdrawn' || d.status === 'superseded') continue;
    const n = lastVersionNumber(db, d.id);
    const tree = d.status === 'agreed' && n > 0 ? getVersion(db, d.id, n).tree : currentTree(db, getStored(db, d.id));
    const findings = staleInTree(tree);
    if (findings.length > 0) out.push({ id: d.id, title: d.title, status: d.status, versionLabel: d.versionLabel, findings });
  }
  return out;
}

export const staleInTemplateKey = (db: Database, key: string): StaleFinding[] => staleInTemplate(getTemplate(db, key).template);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });

/** The paragraphs of one WordprocessingML part, with the style of each (to find headings). */
function paragraphsOf(xml: string): { style: string; text: string }[] {
  const out: { style: string; text: string }[] = [];
  for (const p of xml.split(/<\/w:p>/)) {
    const start = p.lastIndexOf('<w:p ') >= 0 ? p.lastIndexOf('<w:p ') : p.lastIndexOf('<w:p>');
    if (start < 0) continue;
    const body = p.slice(start);
    const style = /<w:pStyle w:val="([^"]*)"/.exec(body)?.[1] ?? '';
    let text = '';
    for (const m of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g))
      text += m[2] ? (m[2] === 'tab' ? '\t' : '\n') : decode(m[1] ?? '');
    if (text.trim()) out.push({ style, text });
  }
  return out;
}

/** Read a .docx's text (body, headers, footers, notes) and return its stale references. Nothing is stored. */
export async function checkWordDocument(
  name: string,
  bytes: Uint8Array,
): Promise<{ name: string; paragraphs: number; findings: StaleFinding[] }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError('invalid_request', `“${name}” is not a Word document (.docx) that Concordat can read.`);
  }
  const body = zip.file('word/document.xml');
  if (!body) throw new AppError('invalid_request', `“${name}” is not a Word document (.docx) that Concordat can read.`);
  const parts: { label: string; xml: string }[] = [{ label: '', xml: await body.async('string') }];
  for (const f of Object.keys(zip.files).sort()) {
    const m = /^word\/(header|footer|footnotes|endnotes)\d*\.xml$/.exec(f);
    if (m)
      parts.push({
        label: m[1] === 'header' ? 'Header' : m[1] === 'footer' ? 'Footer' : 'Notes',
        xml: await zip.file(f)!.async('string'),
      });
  }
  const texts: { where: string; text: string }[] = [];
  let paragraphs = 0;
  for (const part of parts) {
    let heading = 'Start of the document';
    paragraphsOf(part.xml).forEach((p) => {
      paragraphs++;
      if (/^(Heading|Title)/i.test(p.style)) heading = p.text.trim().slice(0, 120);
      texts.push({ where: part.label || heading, text: p.text });
    });
  }
  return { name, paragraphs, findings: findStaleIn(texts) };
}
