import { placeholdersIn } from './placeholders';
import type { Template, TemplateBlock } from './template-schema';

/**
 * Checks the schema cannot make: placeholders that do not parse or name nothing, unknown filters,
 * repeats and tables over unknown fields. Each problem names where it is, like "blocks.3.text".
 */
export function checkTemplate(template: Template): string[] {
  const problems: string[] = [];
  const roots = new Set(['partnership', 'document', ...template.fields.map((f) => f.key)]);
  const known = (path: string, aliases: ReadonlySet<string>) => {
    const root = path.split('.')[0]!;
    return roots.has(root) || aliases.has(root);
  };
  const checkText = (text: string | undefined, where: string, aliases: ReadonlySet<string>) => {
    if (!text) return;
    const open = (text.match(/\{\{/g) ?? []).length;
    const found = placeholdersIn(text);
    if (found.length < open)
      problems.push(`${where}: a placeholder is not written like {{ fieldKey }} or {{ fieldKey | filter }}`);
    for (const p of found) {
      if (!known(p.path, aliases)) problems.push(`${where}: ${p.source} names "${p.path.split('.')[0]}", which is not a field`);
      for (const f of p.filters)
        if (!['longDate', 'upper', 'lower', 'list', 'count', 'yesNo', 'default'].includes(f.name))
          problems.push(`${where}: ${p.source} uses an unknown filter "${f.name}"`);
    }
  };
  const walk = (blocks: readonly TemplateBlock[], where: string, aliases: ReadonlySet<string>) => {
    blocks.forEach((b, i) => {
      const at = `${where}.${i}`;
      let inner = aliases;
      if (b.repeat) {
        if (!known(b.repeat, aliases)) problems.push(`${at}.repeat: "${b.repeat}" is not a field`);
        inner = new Set([...aliases, b.as ?? 'item']);
      }
      switch (b.type) {
        case 'heading':
        case 'paragraph':
        case 'guidance':
          checkText(b.text, `${at}.text`, inner);
          break;
        case 'clause':
          checkText(b.title, `${at}.title`, inner);
          checkText(b.text, `${at}.text`, inner);
          if (b.children) walk(b.children, `${at}.children`, inner);
          break;
        case 'bullets':
          b.items.forEach((t, j) => checkText(t, `${at}.items.${j}`, inner));
          break;
        case 'table': {
          (b.rows ?? []).forEach((r, j) => r.forEach((c, k) => checkText(c, `${at}.rows.${j}.${k}`, inner)));
          if (b.each && !known(b.each, inner)) problems.push(`${at}.each: "${b.each}" is not a field`);
          if (b.each && !b.row) problems.push(`${at}: a table with "each" needs a "row"`);
          const rowScope = b.each ? new Set([...inner, b.as ?? 'item']) : inner;
          (b.row ?? []).forEach((c, k) => checkText(c, `${at}.row.${k}`, rowScope));
          if (b.row && b.row.length !== b.header.length)
            problems.push(`${at}.row: has ${b.row.length} cells but the header has ${b.header.length}`);
          break;
        }
        case 'signatures':
          if (!known(b.from, inner)) problems.push(`${at}.from: "${b.from}" is not a field`);
          checkText(b.onBehalfOf, `${at}.onBehalfOf`, inner);
          break;
        case 'group':
          walk(b.blocks, `${at}.blocks`, inner);
          break;
        default:
          break;
      }
    });
  };
  walk(template.blocks, 'blocks', new Set());
  return problems;
}
