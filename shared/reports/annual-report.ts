import type { ChartSvg } from '../charts';
import { barChart, lineChart } from '../charts';
import type { Block, DocumentTree, Run, TableCell } from '../documents/tree';
import type { ProtectiveMarking } from '../markings';
import { describeDate } from '../meetings/time';
import { membershipLabel } from '../partners/sectors';
import type { AgencyReturn, AnnualFigures, Compared, ReportSections, SectorCount } from './types';
import { REPORT_SECTIONS, RETURN_FIELDS } from './types';

/*
 * The annual report as a document tree: a pure function of the year's figures, the coordinator's
 * sections and the agency returns, so the preview and the .docx writer draw the same thing and
 * tests can check it without a file. Section numbers come from position.
 *
 * The public-safe version is for publication: marked OFFICIAL, authored by the partnership, the
 * agency returns' own words and OFFICIAL-SENSITIVE document titles left out, and every name or
 * email address in `redact` (the directory's people) taken out of the coordinator's text.
 */
export type ReportContext = {
  partnershipName: string;
  coordinatorName: string;
  marking: ProtectiveMarking;
  /** Date the report is produced (YYYY-MM-DD). */
  today: string;
  publicSafe: boolean;
  /** People's names to take out of free text in the public-safe version. */
  redact: readonly string[];
  /** Draw the charts (default true); tests of the text alone can leave them out. */
  charts?: boolean;
};

export type ReportInput = {
  figures: AnnualFigures;
  sections: ReportSections;
  returns: readonly AgencyReturn[];
};

const t = (text: string, bold = false): Run => (bold ? { text, bold } : { text });
const cell = (text: string, bold = false): TableCell => [t(text, bold)];
const para = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const REMOVED = '[name removed]';
const EMAIL = /[\p{L}\p{N}.+'_-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** Take names (whole words, any case) and email addresses out of text meant for publication. */
export function redactText(text: string, names: readonly string[]): string {
  let out = text.replace(EMAIL, '[email removed]');
  const sorted = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length);
  for (const name of sorted) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), REMOVED);
  }
  return out;
}

export function changeText(c: Compared): string {
  const d = c.value - c.previous;
  if (d === 0) return 'No change';
  return d > 0 ? `Up ${d}` : `Down ${-d}`;
}

function figureRow(label: string, c: Compared): TableCell[] {
  return [cell(label), cell(String(c.value)), cell(String(c.previous)), cell(changeText(c))];
}

function sectorTable(caption: string, rows: readonly SectorCount[], year: number): Block {
  return {
    kind: 'table',
    caption,
    header: ['Sector', String(year), String(year - 1)],
    widths: [60, 20, 20],
    rows: rows.map((r) => [cell(r.label), cell(String(r.value)), cell(String(r.previous))]),
  };
}

function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => para(t(p)));
}

type Section = { title: string; blocks: Block[] };

const ragLabel = { green: 'On track', amber: 'Some way off', red: 'Off track', no_data: 'No readings yet' } as const;

const image = (c: ChartSvg, caption: string): Block => ({ kind: 'image', ...c, caption });

/** The report's charts as image blocks: the same SVG in the preview and (as PNG) in the .docx. */
export function chartBlocks(f: AnnualFigures, key: string): Block[] {
  const y = f.year;
  const series: [string, string] = [String(y), String(y - 1)];
  const bars = (rows: readonly SectorCount[]) => rows.map((r) => ({ label: r.label, value: r.value, previous: r.previous }));
  if (key === 'attendance') {
    if (f.meetings.bySector.length === 0) return [];
    const title = `Attendance at meetings by sector, ${y} and ${y - 1}`;
    return [image(barChart({ title, bars: bars(f.meetings.bySector), seriesLabels: series, horizontal: true }), title)];
  }
  if (key === 'membership') {
    if (f.membership.bySector.length === 0) return [];
    const title = `Member organisations by sector at the end of ${y} and ${y - 1}`;
    return [image(barChart({ title, bars: bars(f.membership.bySector), seriesLabels: series, horizontal: true }), title)];
  }
  if (key === 'actions') {
    const title = `Actions completed and overdue, ${y} and ${y - 1}`;
    const a = f.actions;
    return [
      image(
        barChart({
          title,
          seriesLabels: series,
          bars: [
            { label: 'Raised', value: a.raised.value, previous: a.raised.previous },
            { label: 'Completed', value: a.completed.value, previous: a.completed.previous },
            { label: 'Overdue at the year end', value: a.overdueAtYearEnd.value, previous: a.overdueAtYearEnd.previous },
          ],
        }),
        title,
      ),
    ];
  }
  if (key.startsWith('indicator:')) {
    const i = f.indicators.find((x) => `indicator:${x.uid}` === key);
    if (!i || i.readings.length === 0) return [];
    const title = `${i.objectiveNumber ? `${i.objectiveNumber} ` : ''}${i.name}`;
    return [
      image(
        lineChart({
          title,
          points: i.readings.map((r) => ({ label: r.period, value: r.value })),
          ...(i.target !== null ? { target: i.target } : {}),
          ...(i.baseline !== null ? { baseline: i.baseline } : {}),
          unit: i.unit,
          // A small chart per indicator: there may be twenty of them.
          width: 560,
          height: 240,
        }),
        `${title}: ${i.latest ? `latest ${i.latest.value}` : 'no reading yet'}${i.target !== null ? `, target ${i.target}` : ''} (${ragLabel[i.rag].toLowerCase()})`,
      ),
    ];
  }
  return [];
}

export function annualReportTree(input: ReportInput, ctx: ReportContext): DocumentTree {
  const { figures: f, sections, returns } = input;
  const y = f.year;
  const chart = (key: string): Block[] => (ctx.charts === false ? [] : chartBlocks(f, key));
  const clean = (s: string) => (ctx.publicSafe ? redactText(s, ctx.redact) : s);
  const out: Section[] = [];

  out.push({
    title: 'The year in figures',
    blocks: [
      para(t(`Figures for 1 January to 31 December ${y}, counted from the partnership's records, with the year before.`)),
      {
        kind: 'table',
        caption: `The year in figures, ${y} and ${y - 1}`,
        header: ['Figure', String(y), String(y - 1), 'Change'],
        widths: [46, 16, 16, 22],
        rows: [
          figureRow('Member organisations at the year end', f.membership.atEnd),
          figureRow('Organisations that joined', f.membership.joined),
          figureRow('Organisations that left', f.membership.left),
          figureRow('Meetings held', f.meetings.held),
          figureRow('Attendances at meetings', f.meetings.attendances),
          figureRow('Organisations represented at meetings', f.meetings.organisationsRepresented),
          figureRow('Actions raised', f.actions.raised),
          figureRow('Actions completed', f.actions.completed),
          figureRow('Actions overdue at the year end', f.actions.overdueAtYearEnd),
          figureRow('Documents agreed', f.documents.agreed),
          figureRow('Documents reviewed and agreed again', f.documents.reviewed),
          figureRow('Decisions to share information', f.sharing.decisions),
          figureRow('Training sessions', f.training.sessions),
          figureRow('People trained', f.training.peopleTrained),
        ],
      },
    ],
  });

  const joiners = f.membership.changes.filter((c) => c.kind === 'joined');
  const leavers = f.membership.changes.filter((c) => c.kind === 'left');
  out.push({
    title: 'Membership',
    blocks: [
      para(
        t(
          `The partnership had ${plural(f.membership.atEnd.value, 'member organisation')} at the end of ${y} ` +
            `(${f.membership.atStart} at the start). ${plural(f.membership.joined.value, 'organisation')} joined and ` +
            `${f.membership.left.value} left.`,
        ),
      ),
      ...chart('membership'),
      sectorTable('Member organisations by sector at the year end', f.membership.bySector, y),
      ...(joiners.length > 0
        ? [
            para(t('Joined', true)),
            {
              kind: 'bullets' as const,
              items: joiners.map((c) => [
                t(`${c.name}, ${membershipLabel(c.membership).toLowerCase()}, from ${describeDate(c.effectiveOn)}`),
              ]),
            },
          ]
        : []),
      ...(leavers.length > 0
        ? [
            para(t('Left', true)),
            {
              kind: 'bullets' as const,
              items: leavers.map((c) => [t(`${c.name}, ${describeDate(c.effectiveOn)}`)]),
            },
          ]
        : []),
    ],
  });

  out.push({
    title: 'Meetings and attendance',
    blocks: [
      para(
        t(
          `${plural(f.meetings.held.value, 'meeting was', 'meetings were')} held in ${y} (${f.meetings.held.previous} in ${y - 1}), ` +
            `with ${plural(f.meetings.attendances.value, 'attendance')} from ${plural(f.meetings.organisationsRepresented.value, 'organisation')}.`,
        ),
      ),
      ...chart('attendance'),
      f.meetings.bySector.length > 0
        ? sectorTable('Attendances by sector', f.meetings.bySector, y)
        : para(t('No attendance was recorded at meetings held this year or last.')),
    ],
  });

  out.push({
    title: 'Actions',
    blocks: [
      para(
        t(
          `${plural(f.actions.raised.value, 'action was', 'actions were')} raised and ${f.actions.completed.value} completed in ${y}; ` +
            `${f.actions.overdueAtYearEnd.value} ${f.actions.overdueAtYearEnd.value === 1 ? 'was' : 'were'} overdue at the year end.`,
        ),
      ),
      ...chart('actions'),
    ],
  });

  const titles = f.documents.titles.filter((d) => !ctx.publicSafe || d.marking === 'OFFICIAL');
  out.push({
    title: 'Documents agreed and reviewed',
    blocks: [
      para(
        t(
          `${plural(f.documents.agreed.value, 'document was', 'documents were')} agreed for the first time and ` +
            `${f.documents.reviewed.value} reviewed and agreed again.`,
        ),
      ),
      ...(titles.length > 0
        ? [
            {
              kind: 'table' as const,
              caption: 'Documents agreed in the year',
              header: ['Document', 'Agreed', 'Kind'],
              widths: [56, 24, 20],
              rows: titles.map((d) => [cell(d.title), cell(describeDate(d.agreedOn)), cell(d.reviewed ? 'Review' : 'New')]),
            },
          ]
        : []),
    ],
  });

  out.push({
    title: 'Information sharing',
    blocks: [
      para(
        t(
          `Partners recorded ${plural(f.sharing.decisions.value, 'decision', 'decisions')} to share information in ${y} ` +
            `(${f.sharing.decisions.previous} in ${y - 1}); consent was sought in ${f.sharing.consentSought.value}. ` +
            'Only the number of decisions is reported: the share log itself stays with the partnership.',
        ),
      ),
    ],
  });

  out.push({
    title: 'Training',
    blocks: [
      para(
        t(
          `${plural(f.training.sessions.value, 'training session')} reached ${plural(f.training.peopleTrained.value, 'person', 'people')} ` +
            `(${f.training.peopleTrained.previous} in ${y - 1}).`,
        ),
      ),
      ...(f.training.byCourse.length > 0
        ? [
            {
              kind: 'table' as const,
              caption: 'Training by course',
              header: ['Course', 'Sessions', 'People trained'],
              widths: [60, 20, 20],
              rows: f.training.byCourse.map((c) => [cell(c.title), cell(String(c.sessions)), cell(String(c.people))]),
            },
          ]
        : []),
    ],
  });

  out.push({
    title: 'Indicators against targets',
    blocks:
      f.indicators.length === 0
        ? [para(t('No indicators are set in the partnership plan yet.'))]
        : [
            {
              kind: 'table',
              caption: 'Indicators against their targets',
              header: ['Indicator', 'Baseline', 'Target', 'Latest', 'Status'],
              widths: [44, 14, 14, 14, 14],
              rows: f.indicators.map((i) => [
                cell(`${i.objectiveNumber ? `${i.objectiveNumber} ` : ''}${i.name}${i.unit ? ` (${i.unit})` : ''}`),
                cell(i.baseline === null ? '–' : String(i.baseline)),
                cell(i.target === null ? '–' : String(i.target)),
                cell(i.latest === null ? '–' : String(i.latest.value)),
                cell(ragLabel[i.rag]),
              ]),
            },
            ...f.indicators.flatMap((i) => chart(`indicator:${i.uid}`)),
          ],
  });

  const returned = returns.filter((r) => r.status === 'returned');
  out.push({
    title: 'What partners reported',
    blocks: [
      para(
        t(
          `${plural(f.returns.returned, 'partner agency return')} came back of ${f.returns.requested} requested` +
            (f.returns.outstanding > 0
              ? `; ${f.returns.outstanding} ${f.returns.outstanding === 1 ? 'is' : 'are'} outstanding.`
              : '.'),
        ),
      ),
      ...(ctx.publicSafe
        ? []
        : returned.flatMap((r): Block[] => [
            { kind: 'heading', level: 3, text: r.organisationName },
            ...RETURN_FIELDS.filter((fld) => r[fld.key].trim() !== '').flatMap((fld) => [
              para(t(`${fld.label}: `, true), t(r[fld.key].trim())),
            ]),
          ])),
    ],
  });

  for (const s of REPORT_SECTIONS) {
    const text = clean(sections[s.key]);
    out.push({
      title: s.label,
      blocks: text.trim() === '' ? [para(t('Not written yet.', false))] : paragraphs(text),
    });
  }

  const blocks: Block[] = [
    // The title, partnership and dates are on the cover (meta); the body starts with the figures.
    ...(ctx.publicSafe ? [para(t('Public version: prepared for publication, without personal details.'))] : []),
  ];
  out.forEach((s, i) => blocks.push({ kind: 'heading', level: 2, text: `${i + 1}. ${s.title}` }, ...s.blocks));

  return {
    meta: {
      title: `${ctx.partnershipName}: annual report ${y}`,
      subtitle: `1 January to 31 December ${y}${ctx.publicSafe ? ' (public version)' : ''}`,
      version: '1',
      date: ctx.today,
      marking: ctx.publicSafe ? 'OFFICIAL' : ctx.marking,
      author: ctx.publicSafe ? ctx.partnershipName : ctx.coordinatorName || ctx.partnershipName,
      subject: 'Annual report',
      partnershipName: ctx.partnershipName,
      ...(ctx.publicSafe ? { publicSafe: true } : {}),
    },
    blocks,
  };
}
