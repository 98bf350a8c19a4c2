import type { Block, DocumentTree, Run } from '../documents/tree';
import type { ProtectiveMarking } from '../markings';
import { describeDate } from '../meetings/time';
import type { AgencyReturn } from './types';
import { RETURN_FIELDS } from './types';

/**
 * A partner agency return form for one organisation and year, blank or filled with what is already
 * held. Each question is a heading with its prompt and a space (or the answer) below, so a partner
 * can type straight into the Word file and the coordinator can copy the answers back in.
 */
export type ReturnFormContext = {
  partnershipName: string;
  coordinatorName: string;
  coordinatorEmail: string;
  marking: ProtectiveMarking;
  today: string;
  /** Date the answers are asked for (YYYY-MM-DD), if any. */
  dueOn: string | null;
};

const t = (text: string, bold = false): Run => (bold ? { text, bold } : { text });
const para = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });

export const ANSWER_PLACEHOLDER = 'Type your answer here.';

export function agencyReturnTree(r: AgencyReturn, ctx: ReturnFormContext): DocumentTree {
  const contact = [ctx.coordinatorName, ctx.coordinatorEmail].filter((x) => x.trim() !== '').join(', ');
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Partner agency return ${r.year}` },
    para(t('Organisation: ', true), t(r.organisationName)),
    para(t('Partnership: ', true), t(ctx.partnershipName)),
    para(
      t(
        `Please tell us briefly what your organisation did in ${r.year} under each of the 4 Ps of the partnership's work, ` +
          'and what went well or was hard. A few lines for each is enough; leave out names of victims, survivors or suspects. ' +
          "Your answers feed the partnership's annual report.",
      ),
    ),
    ...(ctx.dueOn ? [para(t('Please return by: ', true), t(describeDate(ctx.dueOn)))] : []),
    ...(contact ? [para(t('Return to: ', true), t(contact))] : []),
  ];
  RETURN_FIELDS.forEach((f, i) => {
    blocks.push({ kind: 'heading', level: 2, text: `${i + 1}. ${f.label}` });
    blocks.push({ kind: 'paragraph', runs: [{ text: f.hint, italic: true }] });
    const answer = r[f.key].trim();
    if (answer === '') blocks.push(para(t(ANSWER_PLACEHOLDER)));
    else for (const p of answer.split(/\n\s*\n/)) if (p.trim() !== '') blocks.push(para(t(p.trim())));
  });
  return {
    meta: {
      title: `${r.organisationName}: partner agency return ${r.year}`,
      subtitle: ctx.partnershipName,
      version: '1',
      date: ctx.today,
      marking: ctx.marking,
      author: ctx.coordinatorName || ctx.partnershipName,
      subject: 'Partner agency return',
      partnershipName: ctx.partnershipName,
    },
    blocks,
  };
}
