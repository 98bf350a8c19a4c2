import type { Database } from 'better-sqlite3';
import { EXPORT_COLUMNS, toCsv } from '../../shared/partners/csv-export';
import { membershipLabel, sectorLabel } from '../../shared/partners/sectors';
import type { VcardPerson } from '../../shared/partners/vcard';
import { peopleToVcards } from '../../shared/partners/vcard';
import { AppError } from '../../shared/result';
import type { PersonDbRow } from './people';
import { stmt } from './statements';

type ExportPerson = Omit<PersonDbRow, 'archived_at' | 'created_at' | 'version'>;
type ExportPost = {
  person_id: number;
  organisation: string;
  sector: string;
  membership: string;
  job_title: string;
  email: string;
  phone: string;
  is_spoc: number;
};

/** People to export: a selection, or everyone not archived. Posts are the current ones. */
function loadPeople(db: Database, personIds: number[] | null): { people: ExportPerson[]; posts: Map<number, ExportPost[]> } {
  let people: ExportPerson[];
  if (personIds) {
    const get = stmt(db, 'SELECT * FROM people WHERE id = ?');
    people = personIds.map((id) => get.get(id) as ExportPerson | undefined).filter((p): p is ExportPerson => p !== undefined);
    if (people.length === 0) throw new AppError('not_found', 'None of the chosen people are in the directory.');
  } else {
    people = stmt(db, 'SELECT * FROM people WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as ExportPerson[];
  }
  const posts = new Map<number, ExportPost[]>();
  const byPerson = stmt(
    db,
    `SELECT po.person_id, o.name AS organisation, o.sector, o.membership, po.job_title, po.email, po.phone, po.is_spoc
       FROM posts po JOIN organisations o ON o.id = po.organisation_id
      WHERE po.person_id = ? AND po.ended_on IS NULL ORDER BY po.id`,
  );
  for (const p of people) posts.set(p.id, byPerson.all(p.id) as ExportPost[]);
  return { people, posts };
}

export function exportCsv(db: Database, personIds: number[] | null): string {
  const { people, posts } = loadPeople(db, personIds);
  const rows: string[][] = [[...EXPORT_COLUMNS]];
  for (const p of people) {
    const personCells = (post: ExportPost | undefined) => [
      p.name,
      p.pronouns,
      post?.organisation ?? '',
      post?.job_title ?? '',
      post?.email ?? '',
      post?.phone ?? '',
      post ? (post.is_spoc ? 'Yes' : 'No') : '',
      post ? sectorLabel(post.sector) : '',
      post ? membershipLabel(post.membership) : '',
      p.last_verified ?? '',
      p.source,
      p.lawful_basis,
      p.notes,
    ];
    const held = posts.get(p.id) ?? [];
    if (held.length === 0) rows.push(personCells(undefined));
    for (const post of held) rows.push(personCells(post));
  }
  if (!personIds) {
    // Organisations with nobody in post still belong in a full export.
    const empty = stmt(
      db,
      `SELECT o.name, o.sector, o.membership FROM organisations o
        WHERE o.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM posts po WHERE po.organisation_id = o.id AND po.ended_on IS NULL)
        ORDER BY o.name COLLATE NOCASE`,
    ).all() as { name: string; sector: string; membership: string }[];
    for (const o of empty) {
      rows.push(['', '', o.name, '', '', '', '', sectorLabel(o.sector), membershipLabel(o.membership), '', '', '', '']);
    }
  }
  return toCsv(rows);
}

export function exportVcards(db: Database, personIds: number[] | null): { text: string; count: number; firstName: string } {
  const { people, posts } = loadPeople(db, personIds);
  const cards: VcardPerson[] = people.map((p) => ({
    id: p.id,
    name: p.name,
    pronouns: p.pronouns,
    notes: p.notes,
    updatedAt: p.updated_at,
    posts: (posts.get(p.id) ?? []).map((po) => ({
      organisation: po.organisation,
      jobTitle: po.job_title,
      email: po.email,
      phone: po.phone,
      isSpoc: po.is_spoc === 1,
    })),
  }));
  return { text: peopleToVcards(cards), count: cards.length, firstName: cards[0]?.name ?? 'contact' };
}
