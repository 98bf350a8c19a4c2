import type { Block, DocumentTree } from '../documents/tree';
import type { ProtectiveMarking } from '../markings';

/** One resource as it appears in an issue: a copy of its details as they were when the issue was saved. */
export type NewsletterItem = { resourceUid: string; title: string; publisher: string; url: string; paragraph: string };

export type Newsletter = {
  id: number;
  uid: string;
  title: string;
  introduction: string;
  callForExamples: string;
  items: NewsletterItem[];
  sentOn: string | null;
  version: number;
  updatedAt: string;
};

export type NewsletterSummary = { id: number; title: string; sentOn: string | null; items: number; updatedAt: string };

export const DEFAULT_INTRODUCTION =
  'Welcome to this issue. It brings together the resources added to the partnership’s library since the last one: new research, guidance and practical tools that members may find useful in their work.';
export const DEFAULT_CALL_FOR_EXAMPLES =
  'Has your organisation tried something that worked, or learned from something that did not? We would like to hear about it. Examples of good practice from members help fill gaps in what we know and help others do the same. Reply to this email to share yours.';

/** The issue as a document tree, for the one .docx writer. */
export function newsletterTree(
  n: Newsletter,
  ctx: { partnershipName: string; author: string; marking: ProtectiveMarking; date: string },
): DocumentTree {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: n.title }];
  for (const p of paragraphs(n.introduction)) blocks.push({ kind: 'paragraph', runs: [{ text: p }] });
  if (n.items.length > 0) blocks.push({ kind: 'heading', level: 2, text: 'New resources' });
  for (const item of n.items) {
    blocks.push({ kind: 'heading', level: 3, text: item.title });
    if (item.publisher) blocks.push({ kind: 'paragraph', runs: [{ text: item.publisher, italic: true }] });
    for (const p of paragraphs(item.paragraph)) blocks.push({ kind: 'paragraph', runs: [{ text: p }] });
    if (item.url) blocks.push({ kind: 'paragraph', runs: [{ text: 'Read it at: ' }, { text: item.url, underline: true }] });
  }
  if (n.callForExamples.trim()) {
    blocks.push({ kind: 'heading', level: 2, text: 'Share your good practice' });
    for (const p of paragraphs(n.callForExamples)) blocks.push({ kind: 'paragraph', runs: [{ text: p }] });
  }
  return {
    meta: {
      title: n.title,
      subtitle: ctx.partnershipName,
      version: String(n.version),
      date: ctx.date,
      marking: ctx.marking,
      author: ctx.author,
      subject: 'Partnership newsletter',
      partnershipName: ctx.partnershipName,
    },
    blocks,
  };
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const safeUrl = (u: string) => (/^https?:\/\//i.test(u) ? u : '');

/** Simple HTML to paste into an email: headings, paragraphs and links only, every value escaped. */
export function newsletterHtml(n: Newsletter, partnershipName: string): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<title>${escapeHtml(n.title)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; max-width: 640px; line-height: 1.5;">',
    `<h1>${escapeHtml(n.title)}</h1>`,
    `<p><em>${escapeHtml(partnershipName)}</em></p>`,
  ];
  for (const p of paragraphs(n.introduction)) out.push(`<p>${escapeHtml(p)}</p>`);
  if (n.items.length > 0) out.push('<h2>New resources</h2>');
  for (const item of n.items) {
    out.push(`<h3>${escapeHtml(item.title)}</h3>`);
    if (item.publisher) out.push(`<p><em>${escapeHtml(item.publisher)}</em></p>`);
    for (const p of paragraphs(item.paragraph)) out.push(`<p>${escapeHtml(p)}</p>`);
    const url = safeUrl(item.url);
    if (url) out.push(`<p><a href="${escapeHtml(url)}">Read it here</a> (${escapeHtml(url)})</p>`);
  }
  if (n.callForExamples.trim()) {
    out.push('<h2>Share your good practice</h2>');
    for (const p of paragraphs(n.callForExamples)) out.push(`<p>${escapeHtml(p)}</p>`);
  }
  out.push('</body></html>', '');
  return out.join('\n');
}
