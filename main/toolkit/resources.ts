import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import { AppError } from '../../shared/result';
import type { Catalogue, LinkStatus, Resource, ResourcePage } from '../../shared/toolkit/resources';
import {
  RESOURCE_FILE_LIMIT_BYTES,
  RESOURCE_FILE_TYPES,
  catalogueSchema,
  describeSize,
  topicLabel,
} from '../../shared/toolkit/resources';
import { recordAudit } from '../audit/repository';
import { toMatchQuery } from '../partners/search-index';
import catalogueJson from '../../resources/toolkit/catalogue.json';

let parsed: Catalogue | null = null;
/** The shipped catalogue, checked by its schema once (the unit tests catch a broken file). */
export function shippedCatalogue(): Catalogue {
  parsed ??= catalogueSchema.parse(catalogueJson);
  return parsed;
}

type Row = {
  id: number;
  uid: string;
  source: Resource['source'];
  title: string;
  publisher: string;
  type: Resource['type'];
  year: number | null;
  topics: string;
  audience: string;
  summary: string;
  notes: string;
  url: string;
  linkStatus: LinkStatus;
  linkCheckedOn: string | null;
  fileName: string;
  fileMime: string;
  fileSize: number;
  addedOn: string;
  version: number;
  updatedAt: string;
};

const COLUMNS = `r.id, r.uid, r.source, r.title, r.publisher, r.type, r.year, r.topics, r.audience, r.summary, r.notes, r.url,
  r.link_status AS linkStatus, r.link_checked_on AS linkCheckedOn, r.file_name AS fileName, r.file_mime AS fileMime,
  r.file_size AS fileSize, r.added_on AS addedOn, r.version, r.updated_at AS updatedAt`;

const words = (s: string) => s.split(' ').filter((x) => x !== '');

const toResource = (r: Row): Resource => ({
  id: r.id,
  uid: r.uid,
  source: r.source,
  title: r.title,
  publisher: r.publisher,
  type: r.type,
  year: r.year,
  topics: words(r.topics) as Resource['topics'],
  audience: words(r.audience) as Resource['audience'],
  summary: r.summary,
  notes: r.notes,
  url: r.url,
  linkStatus: r.linkStatus,
  linkCheckedOn: r.linkCheckedOn,
  file: r.fileName ? { name: r.fileName, mime: r.fileMime, size: r.fileSize } : null,
  addedOn: r.addedOn,
  version: r.version,
  updatedAt: r.updatedAt,
});

function writeIndex(db: Database, r: Resource, isNew: boolean): void {
  if (!isNew) db.prepare('DELETE FROM toolkit_resource_search WHERE rowid = ?').run(r.id);
  db.prepare(
    'INSERT INTO toolkit_resource_search (rowid, title, summary, publisher, topics, notes) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(r.id, r.title, r.summary, r.publisher, r.topics.map(topicLabel).join(', '), r.notes);
}

/** Rebuild one resource's search row (after erasure scrubbed its text); a deleted one stays out. */
export function reindexResource(db: Database, id: number): void {
  const row = db.prepare(`SELECT ${COLUMNS} FROM toolkit_resources r WHERE r.id = ? AND r.deleted_at IS NULL`).get(id) as
    Row | undefined;
  db.prepare('DELETE FROM toolkit_resource_search WHERE rowid = ?').run(id);
  if (row) writeIndex(db, toResource(row), true);
}

export function getResource(db: Database, id: number): Resource {
  const row = db.prepare(`SELECT ${COLUMNS} FROM toolkit_resources r WHERE r.id = ? AND r.deleted_at IS NULL`).get(id) as
    Row | undefined;
  if (!row) throw new AppError('not_found', 'That resource is no longer in the library.');
  return toResource(row);
}

export type ResourceInput = {
  title: string;
  publisher: string;
  type: Resource['type'];
  year: number | null;
  topics: Resource['topics'];
  audience: Resource['audience'];
  summary: string;
  notes: string;
  url: string;
};

type FileInput = { name: string; mime: string; bytes: Buffer };

function insert(
  db: Database,
  v: ResourceInput,
  extra: { source: Resource['source']; catalogueKey?: string; linkStatus?: LinkStatus; addedOn: string; file?: FileInput },
): number {
  const at = new Date().toISOString();
  const res = db
    .prepare(
      `INSERT INTO toolkit_resources (uid, catalogue_key, source, title, publisher, type, year, topics, audience, summary, notes, url,
                                      link_status, file_name, file_mime, file_size, file_bytes, added_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      uuidv7(),
      extra.catalogueKey ?? null,
      extra.source,
      v.title,
      v.publisher,
      v.type,
      v.year,
      v.topics.join(' '),
      v.audience.join(' '),
      v.summary,
      v.notes,
      v.url,
      extra.linkStatus ?? 'unchecked',
      extra.file?.name ?? '',
      extra.file?.mime ?? '',
      extra.file?.bytes.length ?? 0,
      extra.file?.bytes ?? null,
      extra.addedOn,
      at,
      at,
    );
  const id = Number(res.lastInsertRowid);
  writeIndex(db, getResource(db, id), true);
  return id;
}

/**
 * Add the shipped catalogue's entries that this database has not had yet (by catalogue key), so
 * first run seeds the library and a later release can add entries without touching edited ones.
 * The date added is the seeding date, so a newsletter's "added since" includes new catalogue entries.
 */
export function seedCatalogue(db: Database, catalogue: Catalogue = shippedCatalogue(), now = new Date()): number {
  const have = new Set(db.prepare('SELECT catalogue_key FROM toolkit_resources WHERE catalogue_key IS NOT NULL').pluck().all());
  const fresh = catalogue.entries.filter((e) => !have.has(e.key));
  if (fresh.length === 0) return 0;
  const addedOn = now.toISOString().slice(0, 10);
  db.transaction(() => {
    for (const e of fresh) {
      insert(
        db,
        {
          title: e.title,
          publisher: e.publisher,
          type: e.type,
          year: e.year,
          topics: e.topics,
          audience: e.audience,
          summary: e.summary,
          notes: '',
          url: e.url,
        },
        { source: 'catalogue', catalogueKey: e.key, linkStatus: e.mayBeBroken ? 'may_be_broken' : 'unchecked', addedOn },
      );
    }
    recordAudit(db, 'toolkit_resource', 'catalogue', 'import');
  })();
  return fresh.length;
}

export type ResourceQuery = {
  text: string;
  type: string | null;
  topic: string | null;
  audience: string | null;
  year: number | null;
  addedSince: string | null;
  limit: number;
  offset: number;
};

/** Full-text search (title, summary, publisher, topics, notes) with filters; best match first. */
export function searchResources(db: Database, q: ResourceQuery): ResourcePage {
  const where = ['r.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (q.type) {
    where.push('r.type = ?');
    params.push(q.type);
  }
  if (q.topic) {
    where.push("instr(' ' || r.topics || ' ', ?) > 0");
    params.push(` ${q.topic} `);
  }
  if (q.audience) {
    where.push("instr(' ' || r.audience || ' ', ?) > 0");
    params.push(` ${q.audience} `);
  }
  if (q.year !== null) {
    where.push('r.year = ?');
    params.push(q.year);
  }
  if (q.addedSince) {
    where.push('r.added_on >= ?');
    params.push(q.addedSince);
  }
  const sql = where.join(' AND ');
  const match = toMatchQuery(q.text);
  // One pass over the matches: rank them, join the filters, and count in the same query.
  // Rank and filter on ids only, count in the same pass, then read the columns of one page.
  const rows = match
    ? (db
        .prepare(
          `WITH hits AS (
             SELECT rowid AS id, bm25(toolkit_resource_search, 10.0, 2.0, 4.0, 2.0, 1.0) AS score
               FROM toolkit_resource_search WHERE toolkit_resource_search MATCH ?),
           page AS (
             SELECT h.id, h.score, count(*) OVER () AS total FROM hits h JOIN toolkit_resources r ON r.id = h.id
              WHERE ${sql} ORDER BY h.score LIMIT ? OFFSET ?)
           SELECT ${COLUMNS}, page.total FROM page JOIN toolkit_resources r ON r.id = page.id ORDER BY page.score`,
        )
        .all(match, ...params, q.limit, q.offset) as (Row & { total: number })[])
    : (db
        .prepare(
          `WITH page AS (
             SELECT r.id, r.title, count(*) OVER () AS total FROM toolkit_resources r WHERE ${sql}
              ORDER BY r.title COLLATE NOCASE LIMIT ? OFFSET ?)
           SELECT ${COLUMNS}, page.total FROM page JOIN toolkit_resources r ON r.id = page.id ORDER BY page.title COLLATE NOCASE`,
        )
        .all(...params, q.limit, q.offset) as (Row & { total: number })[]);
  let total = rows[0]?.total;
  if (total === undefined) {
    total = match
      ? (db
          .prepare(
            `SELECT count(*) FROM toolkit_resources r WHERE ${sql}
               AND r.id IN (SELECT rowid FROM toolkit_resource_search WHERE toolkit_resource_search MATCH ?)`,
          )
          .pluck()
          .get(...params, match) as number)
      : (db
          .prepare(`SELECT count(*) FROM toolkit_resources r WHERE ${sql}`)
          .pluck()
          .get(...params) as number);
  }
  return { items: rows.map(toResource), total };
}

export function addLinkResource(db: Database, v: ResourceInput, now = new Date()): Resource {
  const id = db.transaction(() => {
    const id = insert(db, v, { source: 'user', addedOn: now.toISOString().slice(0, 10) });
    recordAudit(db, 'toolkit_resource', id, 'create');
    return id;
  })();
  return getResource(db, id);
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Check a file the user chose: a plain name, an allowed type whose bytes look like that type, and within the limit. */
export function checkFile(name: string, bytes: Buffer): { name: string; mime: string } {
  const clean = name.trim();
  if (clean === '' || /[\\/]/.test(clean) || clean.length > 200)
    throw new AppError('invalid_request', 'The file needs a plain name, without folders.');
  const ext = extension(clean);
  const mime = RESOURCE_FILE_TYPES[ext];
  if (!mime)
    throw new AppError(
      'invalid_request',
      `Concordat keeps PDF, Word, OpenDocument, PowerPoint, Excel, text and image files. "${clean}" is not one of them.`,
    );
  if (bytes.length === 0) throw new AppError('invalid_request', `"${clean}" is empty.`);
  if (bytes.length > RESOURCE_FILE_LIMIT_BYTES)
    throw new AppError(
      'invalid_request',
      `"${clean}" is ${describeSize(bytes.length)}. Files kept inside Concordat can be up to ${describeSize(RESOURCE_FILE_LIMIT_BYTES)}; add a link to it instead, or save a smaller copy.`,
    );
  const head = bytes.subarray(0, 8).toString('latin1');
  const looksRight =
    ext === 'pdf'
      ? head.startsWith('%PDF')
      : ['docx', 'pptx', 'xlsx', 'odt'].includes(ext)
        ? head.startsWith('PK')
        : ['doc', 'ppt'].includes(ext)
          ? bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))
          : true;
  if (!looksRight)
    throw new AppError('invalid_request', `"${clean}" does not look like a .${ext} file. Check it opens, then try again.`);
  return { name: clean, mime };
}

export function addFileResource(
  db: Database,
  v: ResourceInput,
  file: { name: string; base64: string },
  now = new Date(),
): Resource {
  const bytes = Buffer.from(file.base64, 'base64');
  const checked = checkFile(file.name, bytes);
  const id = db.transaction(() => {
    const id = insert(
      db,
      { ...v, url: '' },
      { source: 'user', addedOn: now.toISOString().slice(0, 10), file: { ...checked, bytes } },
    );
    recordAudit(db, 'toolkit_resource', id, 'create');
    return id;
  })();
  return getResource(db, id);
}

export function getResourceFile(db: Database, id: number): { name: string; mime: string; bytes: Uint8Array } {
  const row = db
    .prepare(
      'SELECT file_name AS name, file_mime AS mime, file_bytes AS bytes FROM toolkit_resources WHERE id = ? AND deleted_at IS NULL',
    )
    .get(id) as { name: string; mime: string; bytes: Buffer | null } | undefined;
  if (!row?.bytes) throw new AppError('not_found', 'That resource has no file kept in Concordat.');
  return { name: row.name, mime: row.mime, bytes: new Uint8Array(row.bytes) };
}

export function updateResourceNotes(db: Database, id: number, notes: string): Resource {
  getResource(db, id);
  db.transaction(() => {
    db.prepare('UPDATE toolkit_resources SET notes = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
      notes,
      new Date().toISOString(),
      id,
    );
    writeIndex(db, getResource(db, id), false);
    recordAudit(db, 'toolkit_resource', id, 'update');
  })();
  return getResource(db, id);
}

/** Tombstone: the row stays for anything pointing at it, its content and file go. */
export function deleteResource(db: Database, id: number): void {
  getResource(db, id);
  db.transaction(() => {
    const at = new Date().toISOString();
    db.prepare(
      `UPDATE toolkit_resources SET deleted_at = ?, updated_at = ?, version = version + 1, notes = '', summary = '',
              file_bytes = NULL, file_size = 0 WHERE id = ?`,
    ).run(at, at, id);
    db.prepare('DELETE FROM toolkit_resource_search WHERE rowid = ?').run(id);
    recordAudit(db, 'toolkit_resource', id, 'erase');
  })();
}

/** Whether an address answers; injected so tests never touch the network. */
export type LinkFetcher = (url: string) => Promise<boolean>;

export const LINK_CHECK_TIMEOUT_MS = 5000;

/** The real check, in main: a HEAD request (GET when HEAD is refused) with a short timeout. */
export const networkFetcher: LinkFetcher = async (url) => {
  for (const method of ['HEAD', 'GET'] as const) {
    try {
      const res = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(LINK_CHECK_TIMEOUT_MS) });
      if (res.ok) return true;
      if (method === 'HEAD' && (res.status === 405 || res.status === 403 || res.status === 501)) continue;
      return false;
    } catch {
      if (method === 'GET') return false;
    }
  }
  return false;
};

/**
 * Check the links of the given resources (or every linked resource), a few at a time, outside any
 * transaction; then record each result and the date checked.
 */
export async function checkLinks(
  db: Database,
  ids: number[] | null,
  fetcher: LinkFetcher,
  now = new Date(),
): Promise<{ checked: number; broken: number }> {
  const rows = (
    ids === null
      ? db.prepare("SELECT id, url FROM toolkit_resources WHERE deleted_at IS NULL AND url <> '' LIMIT 2000").all()
      : ids.map((id) => {
          const r = getResource(db, id);
          return { id: r.id, url: r.url };
        })
  ) as { id: number; url: string }[];
  const results: { id: number; ok: boolean }[] = [];
  const queue = rows.filter((r) => r.url !== '');
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      results.push({ id: next.id, ok: await fetcher(next.url) });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const today = now.toISOString().slice(0, 10);
  db.transaction(() => {
    const update = db.prepare('UPDATE toolkit_resources SET link_status = ?, link_checked_on = ?, updated_at = ? WHERE id = ?');
    for (const r of results) update.run(r.ok ? 'ok' : 'may_be_broken', today, now.toISOString(), r.id);
  })();
  return { checked: results.length, broken: results.filter((r) => !r.ok).length };
}

/** Resources by id, for a newsletter or a checklist answer; missing ones are left out. */
export function resourcesByUid(db: Database, uids: readonly string[]): Resource[] {
  if (uids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM toolkit_resources r WHERE r.deleted_at IS NULL AND r.uid IN (${uids.map(() => '?').join(',')})`,
    )
    .all(...uids) as Row[];
  const byUid = new Map(rows.map((r) => [r.uid, toResource(r)]));
  return uids.map((u) => byUid.get(u)).filter((r): r is Resource => r !== undefined);
}
