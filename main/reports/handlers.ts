import type { Database } from 'better-sqlite3';
import type { reportsChannels } from '../../shared/contract/reports';
import type { DocumentTree } from '../../shared/documents/tree';
import { safeFileName } from '../../shared/files';
import { londonToday } from '../../shared/meetings/time';
import { agencyReturnTree } from '../../shared/reports/agency-return';
import { annualReportTree } from '../../shared/reports/annual-report';
import { recordAudit } from '../audit/repository';
import type { HandlerContext, HandlerGroup } from '../ipc/dispatcher';
import { docxWriter } from '../meetings/word';
import { allPeopleNames } from '../partners/directory-api';
import { listIndicatorReports } from '../plans/indicators';
import { pictures } from '../documents/docx-pictures';
import { rasteriseAll } from '../documents/rasterise';
import { getSettings } from '../settings/repository';
import type { IndicatorSource } from './figures';
import { annualFigures } from './figures';
import { getReport, listReports, openReport, saveSections } from './repository';
import { getReturn, listReturns, markRequested, returnedReturns, saveReturn } from './returns';

type ReportsChannel = keyof typeof reportsChannels;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Indicators against targets come from the plans area. */
const indicators: IndicatorSource = (db, range) => listIndicatorReports(db, range);

export const figuresFor = (db: Database, year: number) => annualFigures(db, year, indicators);

/** The year's report as a tree: the full version, or the public-safe one for publication. */
export function buildReportTree(db: Database, year: number, publicSafe: boolean, now = new Date()): DocumentTree {
  const s = getSettings(db);
  const report = getReport(db, year);
  const sections = report ?? { progress: '', problems: '', priorities: '', pointsForAction: '' };
  return annualReportTree(
    { figures: figuresFor(db, year), sections, returns: returnedReturns(db, year) },
    {
      partnershipName: s.name,
      coordinatorName: s.coordinatorName,
      marking: s.defaultMarking,
      today: londonToday(now),
      publicSafe,
      redact: publicSafe ? [...allPeopleNames(db).map((p) => p.name), s.coordinatorName] : [],
    },
  );
}

async function saveDocx(ctx: HandlerContext, tree: DocumentTree, name: string, entity: string, entityId: string | number) {
  const bytes = await docxWriter(tree);
  const outcome = await ctx.host.saveFile({
    suggestedName: `${safeFileName(name)}.docx`,
    mimeType: DOCX_MIME,
    extension: 'docx',
    bytes,
  });
  if (outcome.status !== 'canceled') recordAudit(ctx.db, entity, entityId, 'export');
  return outcome;
}

export const reportsHandlers: HandlerGroup<ReportsChannel> = {
  'reports.list': (_req, { db }) => listReports(db),
  'reports.open': (req, { db }) => ({ report: openReport(db, req.year), figures: figuresFor(db, req.year) }),
  'reports.save': (req, { db }) => {
    const { year, version, ...sections } = req;
    return saveSections(db, year, version, sections);
  },
  'reports.preview': (req, { db }) => {
    const tree = buildReportTree(db, req.year, req.publicSafe);
    // Draw the charts as PNG off the main thread while the coordinator reads the preview, so the
    // export that usually follows finds them ready (the preview itself shows the SVG).
    const drawn = pictures(tree.blocks);
    if (drawn.length > 0) void rasteriseAll(drawn).catch(() => undefined);
    return tree;
  },
  'reports.export': (req, ctx) => {
    const tree = buildReportTree(ctx.db, req.year, req.publicSafe);
    const name = `${tree.meta.partnershipName} annual report ${req.year}${req.publicSafe ? ' public' : ''}`;
    return saveDocx(ctx, tree, name, 'annual_report', req.year);
  },
  'reports.returns.list': (req, { db }) => listReturns(db, req.year),
  'reports.returns.save': (req, { db }) => saveReturn(db, req),
  'reports.returns.request': (req, { db }) => markRequested(db, req.organisationId, req.year, londonToday(new Date())),
  'reports.returns.export': async (req, ctx) => {
    const s = getSettings(ctx.db);
    const r = getReturn(ctx.db, req.organisationId, req.year);
    const blank = { pursue: '', prevent: '', protect: '', prepare: '', highlights: '', challenges: '' };
    const tree = agencyReturnTree(req.filled ? r : { ...r, ...blank }, {
      partnershipName: s.name,
      coordinatorName: s.coordinatorName,
      coordinatorEmail: s.coordinatorEmail,
      marking: s.defaultMarking,
      today: londonToday(new Date()),
      dueOn: req.dueOn,
    });
    const outcome = await saveDocx(
      ctx,
      tree,
      `${r.organisationName} agency return ${req.year}`,
      'agency_return',
      `${r.organisationId}:${req.year}`,
    );
    if (outcome.status !== 'canceled') markRequested(ctx.db, req.organisationId, req.year, londonToday(new Date()));
    return outcome;
  },
};
