import { longDate } from '../documents/placeholders';
import type { DocumentTree } from '../documents/tree';
import type { ProtectiveMarking } from '../markings';
import type { TrainingRecord } from './training';

/** A certificate of achievement as a document tree, for the one .docx writer. */
export function certificateTree(
  r: TrainingRecord,
  ctx: { partnershipName: string; coordinatorName: string; marking: ProtectiveMarking },
): DocumentTree {
  return {
    meta: {
      title: 'Certificate of achievement',
      version: '1',
      date: r.trainedOn,
      marking: ctx.marking,
      author: ctx.coordinatorName || ctx.partnershipName,
      subject: r.courseTitle,
      partnershipName: ctx.partnershipName,
    },
    blocks: [
      { kind: 'heading', level: 1, text: 'Certificate of achievement' },
      { kind: 'paragraph', runs: [{ text: 'This is to certify that' }] },
      { kind: 'heading', level: 2, text: r.personName },
      ...(r.organisationName ? [{ kind: 'paragraph' as const, runs: [{ text: r.organisationName, italic: true }] }] : []),
      { kind: 'paragraph', runs: [{ text: 'has completed' }] },
      { kind: 'heading', level: 2, text: r.courseTitle },
      { kind: 'paragraph', runs: [{ text: `on ${longDate(r.trainedOn)}.` }] },
      ...(r.refresherDue
        ? [{ kind: 'paragraph' as const, runs: [{ text: `A refresher is due by ${longDate(r.refresherDue)}.` }] }]
        : []),
      {
        kind: 'paragraph',
        runs: [
          { text: `Signed for ${ctx.partnershipName}: ` },
          { text: ctx.coordinatorName || '____________________', bold: true },
        ],
      },
    ],
  };
}
