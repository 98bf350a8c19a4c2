import fs from 'node:fs';
import path from 'node:path';

export function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allFiles(p));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

function needles(text: string): Buffer[] {
  const forms = [text, text.toLowerCase(), text.toUpperCase()];
  return forms.flatMap((f) => [Buffer.from(f, 'utf8'), Buffer.from(f, 'utf16le'), Buffer.from(f, 'utf16le').swap16()]);
}

/** Every file's bytes, scanned whole: no canary in any form, no plain SQLite header. */
export function scanForCanaries(dataDir: string, canaries: string[]): { files: string[]; found: string[] } {
  const files = allFiles(dataDir);
  const found: string[] = [];
  const all = canaries.flatMap((c) => [c, ...c.split(/[\s@.:-]+/).filter((w) => w.length >= 6)]).flatMap(needles);
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    if (bytes.subarray(0, 16).toString('latin1').startsWith('SQLite format 3')) found.push(`${file}: plain SQLite header`);
    for (const n of all) if (bytes.includes(n)) found.push(`${file}: contains ${JSON.stringify(n.toString('latin1'))}`);
  }
  return { files, found };
}
