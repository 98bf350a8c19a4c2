import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import { AppError } from '../../shared/result';
import type { Newsletter, NewsletterItem, NewsletterSummary } from '../../shared/toolkit/newsletter';
import type { Resource } from '../../shared/toolkit/resources';
import { recordAudit } from '../audit/repository';
import { searchResources } from './resources';

type Row = {
  id: number;
  uid: string;
  title: string;
  introduction: string;
  callForExamples: string;
  itemsJson: string;
  sentOn: string | null;
  version: number;
  updatedAt: string;
};
const SELECT = `SELECT id, uid, title, introduction, call_for_examples AS callForExamples, items_json AS itemsJson,
  sent_on AS sentOn, version, updated_at AS updatedAt FROM toolkit_newsletters`;
const toNewsletter = ({ itemsJson, ...r }: Row): Newsletter => ({ ...r, items: JSON.parse(itemsJson) as NewsletterItem[] });

export function getNewsletter(db: Database, id: number): Newsletter {
  const r = db.prepare(`${SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
  if (!r) throw new AppError('not_found', 'That newsletter no longer exists.');
  return toNewsletter(r);
}

export function listNewsletters(db: Database): NewsletterSummary[] {
  return (
    db.prepare(`${SELECT} WHERE deleted_at IS NULL ORDER BY sent_on IS NOT NULL, sent_on DESC, id DESC LIMIT 500`).all() as Row[]
  ).map((r) => {
    const n = toNewsletter(r);
    return { id: n.id, title: n.title, sentOn: n.sentOn, items: n.items.length, updatedAt: n.updatedAt };
  });
}

/**
 * What the next issue should offer: resources added since the last issue went out, leaving out any
 * that an issue already carried. With no issue sent yet, what the partnership added in the last 90 days.
 */
export function suggestedResources(db: Database, now = new Date()): Resource[] {
  const sent = db
    .prepare(
      'SELECT sent_on AS sentOn, items_json AS itemsJson FROM toolkit_newsletters WHERE deleted_at IS NULL AND sent_on IS NOT NULL',
    )
    .all() as {
    sentOn: string;
    itemsJson: string;
  }[];
  const carried = new Set(sent.flatMap((s) => (JSON.parse(s.itemsJson) as NewsletterItem[]).map((i) => i.resourceUid)));
  const last = sent
    .map((s) => s.sentOn)
    .sort()
    .at(-1);
  const since = last ?? new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  const page = searchResources(db, {
    text: '',
    type: null,
    topic: null,
    audience: null,
    year: null,
    addedSince: since,
    limit: 200,
    offset: 0,
  });
  const fresh = page.items.filter((r) => !carried.has(r.uid));
  // Before the first issue, the shipped catalogue is not news: offer only what the partnership added.
  return last === undefined ? fresh.filter((r) => r.source === 'user') : fresh;
}

export type NewsletterInput = { title: string; introduction: string; callForExamples: string; items: NewsletterItem[] };

export function saveNewsletter(db: Database, id: number | null, v: NewsletterInput): Newsletter {
  const at = new Date().toISOString();
  const newId = db.transaction(() => {
    if (id === null) {
      const r = db
        .prepare(
          `INSERT INTO toolkit_newsletters (uid, title, introduction, call_for_examples, items_json, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(uuidv7(), v.title, v.introduction, v.callForExamples, JSON.stringify(v.items), at, at);
      recordAudit(db, 'toolkit_newsletter', Number(r.lastInsertRowid), 'create');
      return Number(r.lastInsertRowid);
    }
    const current = getNewsletter(db, id);
    if (current.sentOn)
      throw new AppError('conflict', 'This issue has gone out, so it is kept as it was sent. Start a new issue instead.');
    db.prepare(
      `UPDATE toolkit_newsletters SET title = ?, introduction = ?, call_for_examples = ?, items_json = ?, version = version + 1, updated_at = ?
        WHERE id = ?`,
    ).run(v.title, v.introduction, v.callForExamples, JSON.stringify(v.items), at, id);
    recordAudit(db, 'toolkit_newsletter', id, 'update');
    return id;
  })();
  return getNewsletter(db, newId);
}

export function markSent(db: Database, id: number, sentOn: string): Newsletter {
  const n = getNewsletter(db, id);
  if (n.sentOn) throw new AppError('conflict', `This issue was already recorded as sent on ${n.sentOn}.`);
  db.transaction(() => {
    db.prepare('UPDATE toolkit_newsletters SET sent_on = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
      sentOn,
      new Date().toISOString(),
      id,
    );
    recordAudit(db, 'toolkit_newsletter', id, 'status');
  })();
  return getNewsletter(db, id);
}
