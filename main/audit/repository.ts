import type { Database, Statement } from 'better-sqlite3';

export type AuditAction =
  'create' | 'update' | 'archive' | 'restore' | 'erase' | 'import' | 'export' | 'agree' | 'status' | 'cancel';

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
