import type { Block, DocumentTree, Run, TableCell } from '../documents/tree';
import { ukDate } from './dates';
import type { ErasureLink } from './model';

/** Everything held about one person, as exported for a subject access request (JSON and .docx). */
export type SubjectAccessData = {
  generatedAt: string;
  partnershipName: string;
  coordinatorName: string;
  redactedOthers: boolean;
  person: {
    uid: string;
    name: string;
    pronouns: string;
    notes: string;
    source: string;
    lawfulBasis: string;
    lastVerified: string | null;
    archivedAt: string | null;
    createdAt: string;
    updatedAt: string;
  };
  posts: {
    organisation: string;
    jobTitle: string;
    email: string;
    phone: string;
    isSpoc: boolean;
    startedOn: string | null;
    endedOn: string | null;
  }[];
  /** Records linked to them: attendance, roles, signatures, actions. */
  linked: Omit<ErasureLink, 'change'>[];
  /** Text that names them, in full, with where it is. */
  mentions: { area: string; record: string; field: string; createdAt: string | null; updatedAt: string | null; text: string }[];
  /** Backup files that may still hold their details, newest first. */
  backups: { file: string; modifiedAt: string; bytes: number }[];
};

const AREA_LABELS: Record<string, string> = {
  partners: 'Partner directory',
  documents: 'Documents',
  meetings: 'Meetings and actions',
  settings: 'Settings',
  privacy: 'Privacy requests',
};
const areaLabel = (a: string) => AREA_LABELS[a] ?? a;
const t = (text: string, bold = false): Run => (bold ? { text, bold } : { text });
const cell = (text: string): TableCell => [t(text)];
const para = (text: string): Block => ({ kind: 'paragraph', runs: [t(text)] });
const when = (iso: string | null) => (iso ? ukDate(iso) : '');

/** The report as a document tree, for the one .docx writer (shared/documents/tree.ts). */
export function subjectAccessTree(d: SubjectAccessData): DocumentTree {
  const p = d.person;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Subject access report: ${p.name}` },
    para(
      `This report lists everything ${d.partnershipName} holds about ${p.name} in Concordat, as at ${ukDate(d.generatedAt)}. ` +
        'A JSON file with the same content comes with it.' +
        (d.redactedOthers ? ' Other people named alongside them have been replaced with "[another person]".' : ''),
    ),
    { kind: 'heading', level: 2, text: 'Directory record' },
    {
      kind: 'table',
      header: ['Field', 'Held'],
      widths: [30, 70],
      rows: [
        ['Name', p.name],
        ['Pronouns', p.pronouns],
        ['Notes', p.notes],
        ['Where the details came from', p.source],
        ['Lawful basis', p.lawfulBasis],
        ['Last checked', when(p.lastVerified)],
        ['Archived', when(p.archivedAt)],
        ['Added', when(p.createdAt)],
        ['Last changed', when(p.updatedAt)],
        ['Record identifier', p.uid],
      ].map(([k, v]) => [cell(k!), cell(v || '—')]),
    },
    { kind: 'heading', level: 2, text: 'Posts' },
    d.posts.length === 0
      ? para('No posts are held.')
      : {
          kind: 'table',
          header: ['Organisation', 'Job title', 'Email', 'Phone', 'Started', 'Ended'],
          rows: d.posts.map((x) => [
            cell(x.organisation),
            cell(`${x.jobTitle}${x.isSpoc ? ' (single point of contact)' : ''}`),
            cell(x.email),
            cell(x.phone),
            cell(when(x.startedOn)),
            cell(x.endedOn ? when(x.endedOn) : 'Current'),
          ]),
        },
    { kind: 'heading', level: 2, text: 'Records linked to them' },
    d.linked.length === 0
      ? para('No other records are linked to them.')
      : {
          kind: 'table',
          header: ['Area', 'What', 'Record', 'Created', 'Changed'],
          rows: d.linked.map((l) => [
            cell(areaLabel(l.area)),
            cell(l.kind),
            cell(l.record),
            cell(when(l.createdAt)),
            cell(when(l.updatedAt)),
          ]),
        },
    { kind: 'heading', level: 2, text: 'Text that names them' },
  ];
  if (d.mentions.length === 0) blocks.push(para('Their name, email addresses and phone numbers appear in no other text.'));
  for (const m of d.mentions) {
    blocks.push({ kind: 'heading', level: 3, text: `${m.record}: ${m.field}` });
    blocks.push({
      kind: 'paragraph',
      runs: [
        t(
          `${areaLabel(m.area)}. Created ${when(m.createdAt) || 'date not recorded'}; changed ${when(m.updatedAt) || 'date not recorded'}.`,
          false,
        ),
      ],
    });
    for (const chunk of m.text.split(/\n\s*\n/).filter((c) => c.trim() !== '')) blocks.push(para(chunk.trim()));
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Backups that may still hold these details' });
  blocks.push(
    d.backups.length === 0
      ? para('No backups were found in the data folder.')
      : {
          kind: 'table',
          header: ['Backup', 'Made'],
          widths: [65, 35],
          rows: d.backups.map((b) => [cell(b.file), cell(ukDate(b.modifiedAt))]),
        },
  );
  return {
    meta: {
      title: `Subject access report: ${p.name}`,
      version: '1',
      date: d.generatedAt.slice(0, 10),
      marking: 'OFFICIAL-SENSITIVE',
      author: d.coordinatorName || d.partnershipName,
      subject: 'Subject access report',
      partnershipName: d.partnershipName,
    },
    blocks,
  };
}
