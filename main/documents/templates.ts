import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import type { TemplateSummary } from '../../shared/contract/documents';
import type { Template } from '../../shared/documents/template-schema';
import { templateSchema } from '../../shared/documents/template-schema';
import { validateTemplateText } from '../../shared/documents/values';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { log } from '../logger';

/**
 * Built-in templates are files in resources/templates, read once at start. The folder sits two
 * levels above both the bundle (dist/main) and this source file (main/documents); inside a
 * packaged app the same relative path works within app.asar.
 */
export function defaultTemplatesDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/templates');
}

export type BuiltIn = { template: Template; json: string };

export function loadBuiltInTemplates(dir = defaultTemplatesDir()): Map<string, BuiltIn> {
  const out = new Map<string, BuiltIn>();
  let files: string[] = [];
  try {
    files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    log.warn(`no built-in templates folder at ${dir}`);
    return out;
  }
  for (const file of files) {
    const json = fs.readFileSync(path.join(dir, file), 'utf8');
    const checked = validateTemplateText(json);
    if (!checked.template) {
      // A broken built-in is a packaging bug: leave it out rather than offer a template that cannot work.
      log.error(`built-in template ${file} is not valid`, checked.problems.slice(0, 5));
      continue;
    }
    out.set(checked.template.key, { template: checked.template, json });
  }
  return out;
}

let builtIns: Map<string, BuiltIn> | null = null;
export function builtInTemplates(): Map<string, BuiltIn> {
  builtIns ??= loadBuiltInTemplates();
  return builtIns;
}
/** Tests and the bench may supply their own set. */
export function setBuiltInTemplates(next: Map<string, BuiltIn> | null): void {
  builtIns = next;
}

const summaryOf = (
  t: Template,
  source: 'builtin' | 'custom',
  basedOn: string | null,
  updatedAt: string | null,
): TemplateSummary => ({
  key: t.key,
  title: t.title,
  category: t.category,
  version: t.version,
  description: t.description,
  guidance: t.guidance,
  source,
  basedOn,
  updatedAt,
});

type CustomRow = { key: string; body: string; basedOn: string | null; updatedAt: string };

function customRow(db: Database, key: string): CustomRow | undefined {
  return db
    .prepare('SELECT key, body, based_on AS basedOn, updated_at AS updatedAt FROM document_templates WHERE key = ?')
    .get(key) as CustomRow | undefined;
}

export function listTemplates(db: Database): TemplateSummary[] {
  const out: TemplateSummary[] = [];
  for (const { template } of builtInTemplates().values()) out.push(summaryOf(template, 'builtin', null, null));
  const rows = db
    .prepare(
      'SELECT key, body, based_on AS basedOn, updated_at AS updatedAt FROM document_templates ORDER BY title COLLATE NOCASE',
    )
    .all() as CustomRow[];
  for (const r of rows) {
    const parsed = templateSchema.safeParse(JSON.parse(r.body));
    if (parsed.success) out.push(summaryOf(parsed.data, 'custom', r.basedOn, r.updatedAt));
  }
  return out.sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title));
}

export function getTemplate(db: Database, key: string): { summary: TemplateSummary; template: Template; json: string } {
  const builtIn = builtInTemplates().get(key);
  if (builtIn)
    return { summary: summaryOf(builtIn.template, 'builtin', null, null), template: builtIn.template, json: builtIn.json };
  const row = customRow(db, key);
  if (!row) throw new AppError('not_found', 'That template no longer exists.');
  const template = templateSchema.parse(JSON.parse(row.body));
  return { summary: summaryOf(template, 'custom', row.basedOn, row.updatedAt), template, json: row.body };
}

const keyTaken = (db: Database, key: string) => builtInTemplates().has(key) || customRow(db, key) !== undefined;

function invalid(problems: { path: string; message: string; line?: number }[]): AppError {
  const details = problems.map((p) => `${p.line ? `Line ${p.line}` : 'File'}${p.path ? ` (${p.path})` : ''}: ${p.message}`);
  return new AppError(
    'invalid_request',
    `The template has ${problems.length} problem${problems.length === 1 ? '' : 's'}. Nothing was saved.`,
    details,
  );
}

function insertCustom(db: Database, template: Template, json: string, basedOn: string | null): TemplateSummary {
  const now = new Date().toISOString();
  db.transaction(() => {
    const r = db
      .prepare(
        'INSERT INTO document_templates (key, title, category, body, based_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(template.key, template.title, template.category, json, basedOn, now, now);
    recordAudit(db, 'document_template', Number(r.lastInsertRowid), 'create');
  })();
  return summaryOf(template, 'custom', basedOn, now);
}

export function duplicateTemplate(db: Database, key: string): TemplateSummary {
  const source = getTemplate(db, key).template;
  let n = 1;
  let newKey = `${source.key}-copy`.slice(0, 80);
  while (keyTaken(db, newKey)) newKey = `${source.key}-copy-${++n}`.slice(0, 80);
  const copy: Template = { ...source, key: newKey, title: `${source.title} (copy)`.slice(0, 200) };
  return insertCustom(db, copy, JSON.stringify(copy, null, 2), source.key);
}

export function saveTemplate(db: Database, key: string, json: string): TemplateSummary {
  if (builtInTemplates().has(key))
    throw new AppError('conflict', 'Built-in templates cannot be changed. Duplicate it to customise.');
  const row = customRow(db, key);
  if (!row) throw new AppError('not_found', 'That template no longer exists.');
  const checked = validateTemplateText(json);
  if (!checked.template) throw invalid(checked.problems);
  if (checked.template.key !== key)
    throw invalid([{ path: 'key', message: `The key must stay "${key}". Duplicate the template to make a new one.` }]);
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare('UPDATE document_templates SET title = ?, category = ?, body = ?, updated_at = ? WHERE key = ?').run(
      checked.template!.title,
      checked.template!.category,
      json,
      now,
      key,
    );
    const id = (db.prepare('SELECT id FROM document_templates WHERE key = ?').get(key) as { id: number }).id;
    recordAudit(db, 'document_template', id, 'update');
  })();
  return summaryOf(checked.template, 'custom', row.basedOn, now);
}

export function importTemplate(db: Database, text: string): TemplateSummary {
  const checked = validateTemplateText(text);
  if (!checked.template) throw invalid(checked.problems);
  if (keyTaken(db, checked.template.key))
    throw new AppError(
      'conflict',
      `A template with the key "${checked.template.key}" already exists. Change "key" in the file, or delete the existing template first. Nothing was saved.`,
    );
  return insertCustom(db, checked.template, text, null);
}

export function deleteTemplate(db: Database, key: string): void {
  if (builtInTemplates().has(key)) throw new AppError('conflict', 'Built-in templates cannot be deleted.');
  const row = db.prepare('SELECT id FROM document_templates WHERE key = ?').get(key) as { id: number } | undefined;
  if (!row) throw new AppError('not_found', 'That template no longer exists.');
  db.transaction(() => {
    db.prepare('DELETE FROM document_templates WHERE id = ?').run(row.id);
    recordAudit(db, 'document_template', row.id, 'erase');
  })();
}
