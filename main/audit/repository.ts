import type { Database, Statement } from 'better-sqlite3';

export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'erase' | 'import' | 'export' | 'agree' | 'status';

// Prepared once per connection: an import records thousands of entries in one transaction.
const inserts = new WeakMap<Database, Statement>();

/** Record that something happened to a record. Never pass content: erased data must leave no trace. */
export function recordAudit(db: Database, entity: string, entityId: string | number, action: AuditAction): void {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare('INSERT INTO audit_log (at, entity, entity_id, action) VALUES (?, ?, ?, ?)');
    inserts.set(db, insert);
  }
  insert.run(new Date().toISOString(), entity, String(entityId), action);
}

export type AuditEntry = { id: number; at: string; entity: string; entityId: string; action: string };

export function listAudit(db: Database, limit = 200): AuditEntry[] {
  return db
    .prepare('SELECT id, at, entity, entity_id AS entityId, action FROM audit_log ORDER BY id DESC LIMIT ?')
    .all(limit) as AuditEntry[];
}

export type AuditFilter = {
  entity: string | null;
  action: string | null;
  /** Dates (YYYY-MM-DD), inclusive, in UTC. */
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
};

/** The log filtered by what and when, newest first, with the kinds and actions present for the filters. */
export function queryAudit(
  db: Database,
  f: AuditFilter,
): { rows: AuditEntry[]; total: number; entities: string[]; actions: string[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.entity) {
    where.push('entity = ?');
    params.push(f.entity);
  }
  if (f.action) {
    where.push('action = ?');
    params.push(f.action);
  }
  if (f.from) {
    where.push('at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('at < ?');
    params.push(`${f.to}\uffff`);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT id, at, entity, entity_id AS entityId, action FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit, f.offset) as AuditEntry[];
  const total = db
    .prepare(`SELECT count(*) FROM audit_log ${clause}`)
    .pluck()
    .get(...params) as number;
  const entities = db.prepare('SELECT DISTINCT entity FROM audit_log ORDER BY entity').pluck().all() as string[];
  const actions = db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[];
  return { rows, total, entities, actions };
}
