import type { Block, DocumentTree, Run, TableCell } from '../documents/tree';
import type { ProtectiveMarking } from '../markings';
import type { AnswerEntry, Comparison, EvidenceItem } from './checklist';
import { ANSWER_LABELS, QUESTIONS, RAG_LABELS, THEMES } from './checklist';

export type Assessment = {
  id: number;
  uid: string;
  assessedOn: string;
  answers: Record<string, AnswerEntry>;
  evidence: EvidenceItem[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type AssessmentSummary = {
  id: number;
  uid: string;
  assessedOn: string;
  answered: number;
  counts: { green: number; amber: number; red: number };
};

const t = (text: string, bold = false): Run => (bold ? { text, bold } : { text });
const cell = (text: string, bold = false): TableCell => [t(text, bold)];

const CHANGE_TEXT = { improved: 'Improved', slipped: 'Slipped', same: 'No change', new: 'First assessment' } as const;

/** The assessment as one document tree, for the same .docx writer as every other paper. */
export function assessmentTree(
  a: Assessment,
  comparison: Comparison | null,
  ctx: { partnershipName: string; author: string; marking: ProtectiveMarking },
): DocumentTree {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Partnership checklist' },
    {
      kind: 'paragraph',
      runs: [
        t(
          `A self-assessment of ${ctx.partnershipName} against seventeen questions in five themes, with evidence taken from the partnership’s own records on the day it was saved.`,
        ),
      ],
    },
    { kind: 'heading', level: 2, text: 'Evidence from the records' },
    {
      kind: 'table',
      caption: 'Evidence from the records',
      header: ['Item', 'Status', 'Reason', ...(comparison ? ['Since last time'] : [])],
      widths: comparison ? [22, 12, 50, 16] : [25, 13, 62],
      rows: a.evidence.map((e) => {
        const c = comparison?.evidence.find((x) => x.key === e.key);
        return [
          cell(e.title, true),
          cell(RAG_LABELS[e.status]),
          cell(e.reason),
          ...(comparison ? [cell(c ? CHANGE_TEXT[c.change] : '')] : []),
        ];
      }),
    },
  ];
  for (const theme of THEMES) {
    blocks.push({ kind: 'heading', level: 2, text: theme.label });
    blocks.push({
      kind: 'table',
      caption: theme.label,
      header: ['No.', 'Question', 'Answer', 'Notes'],
      widths: [7, 43, 14, 36],
      rows: QUESTIONS.filter((q) => q.theme === theme.key).map((q) => {
        const entry = a.answers[q.key];
        return [
          cell(String(q.number)),
          cell(q.text),
          cell(entry?.answer ? ANSWER_LABELS[entry.answer] : 'Not answered', !entry?.answer),
          cell(entry?.notes ?? ''),
        ];
      }),
    });
  }
  return {
    meta: {
      title: 'Partnership checklist',
      subtitle: ctx.partnershipName,
      version: String(a.version),
      date: a.assessedOn,
      marking: ctx.marking,
      author: ctx.author,
      subject: 'Partnership self-assessment',
      partnershipName: ctx.partnershipName,
    },
    blocks,
  };
}
