import type { Block, DocumentTree } from './tree';

/**
 * Clause numbers as the reader sees them ("1.", "1.1", "1.1.1"), worked out the way Word's
 * numbering definition counts: a clause resets the deeper levels. Used by the preview and the
 * plain text for comparing versions; the .docx itself uses real numbering.
 */
export function clauseNumbers(blocks: readonly Block[]): (string | null)[] {
  const counters = [0, 0, 0];
  return blocks.map((b) => {
    if (b.kind !== 'clause') return null;
    const i = b.level - 1;
    counters[i]! += 1;
    for (let j = i + 1; j < 3; j++) counters[j] = 0;
    for (let j = 0; j < i; j++) if (counters[j] === 0) counters[j] = 1;
    return i === 0 ? `${counters[0]}.` : counters.slice(0, i + 1).join('.');
  });
}

const runs = (rs: readonly { text: string }[]) => rs.map((r) => r.text).join('');

/** The resolved document as plain text, one block per paragraph (guidance left out). */
export function treeToText(tree: DocumentTree): string {
  const numbers = clauseNumbers(tree.blocks);
  const lines: string[] = [tree.meta.title, `Version ${tree.meta.version}`, ''];
  tree.blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'heading':
        lines.push(b.text, '');
        break;
      case 'paragraph':
        lines.push(runs(b.runs), '');
        break;
      case 'clause':
        lines.push(`${numbers[i]} ${b.title ? `${b.title}${b.runs.length ? '\n' : ''}` : ''}${runs(b.runs)}`, '');
        break;
      case 'bullets':
        for (const item of b.items) lines.push(`• ${runs(item)}`);
        lines.push('');
        break;
      case 'table':
        if (b.caption) lines.push(b.caption);
        lines.push(b.header.join(' | '));
        for (const r of b.rows) lines.push(r.map(runs).join(' | '));
        lines.push('');
        break;
      case 'signatures':
        lines.push('Signatories:');
        for (const s of b.signatories)
          lines.push(`${s.organisation} | ${s.name} | ${s.position} | ${s.signedOn ? `signed ${s.signedOn}` : 'not signed'}`);
        lines.push('');
        break;
      case 'image':
        // A chart reads as its summary, so a change in the figures shows in a comparison.
        lines.push(b.caption ? `${b.caption}: ${b.alt}` : b.alt, '');
        break;
      default:
        break;
    }
  });
  return lines.join('\n');
}
