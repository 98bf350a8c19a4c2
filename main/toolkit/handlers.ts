import type { toolkitChannels } from '../../shared/contract/toolkit';
import type { AssessmentView } from '../../shared/contract/toolkit';
import { safeFileName } from '../../shared/files';
import { londonToday } from '../../shared/meetings/time';
import { AppError } from '../../shared/result';
import { assessmentTree } from '../../shared/toolkit/assessment';
import type { AnswerEntry } from '../../shared/toolkit/checklist';
import { compareAssessments, emptyAnswers } from '../../shared/toolkit/checklist';
import { recordAudit } from '../audit/repository';
import type { HandlerContext, HandlerGroup } from '../ipc/dispatcher';
import { addPaper, createAction } from '../meetings/repository';
import { docxWriter } from '../meetings/word';
import { getSettings } from '../settings/repository';
import * as assessments from './assessments';
import { currentEvidence } from './evidence';
import type { LinkFetcher } from './resources';
import * as resources from './resources';
import * as training from './training';
import { lawRoundUp } from './law';
import * as newsletters from './newsletters';
import { newsletterHtml, newsletterTree } from '../../shared/toolkit/newsletter';
import { certificateTree } from '../../shared/toolkit/certificate';

type ToolkitChannel = keyof typeof toolkitChannels;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let linkFetcher: LinkFetcher = resources.networkFetcher;
/** Tests replace the network check so they never leave the machine. */
export function setLinkFetcher(f: LinkFetcher | null): void {
  linkFetcher = f ?? resources.networkFetcher;
}

// The library is seeded the first time it is used on a database (and again only for new entries).
const seeded = new WeakSet<object>();
function ensureSeeded(ctx: HandlerContext): void {
  if (seeded.has(ctx.db)) return;
  resources.seedCatalogue(ctx.db);
  seeded.add(ctx.db);
}

function view(ctx: HandlerContext, id: number): AssessmentView {
  const assessment = assessments.getAssessment(ctx.db, id);
  const previous = assessments.previousAssessment(ctx.db, assessment);
  return {
    assessment,
    previous: previous ? { id: previous.id, assessedOn: previous.assessedOn } : null,
    comparison: compareAssessments(previous, assessment),
  };
}

const withAllQuestions = (answers: Partial<Record<string, Partial<AnswerEntry>>>): Record<string, AnswerEntry> => {
  const base = emptyAnswers();
  for (const [k, v] of Object.entries(answers)) if (v) base[k] = { ...base[k]!, ...v } as AnswerEntry;
  return base;
};

export const toolkitHandlers: HandlerGroup<ToolkitChannel> = {
  'toolkit.checklist.evidence': (_req, { db }) => currentEvidence(db, new Date()),
  'toolkit.assessments.list': (_req, { db }) => assessments.listAssessments(db),
  'toolkit.assessments.get': (req, ctx) => view(ctx, req.id),
  'toolkit.assessments.save': (req, ctx) => {
    const now = new Date();
    const saved = assessments.insertAssessment(ctx.db, {
      assessedOn: req.assessedOn ?? londonToday(now),
      answers: withAllQuestions(req.answers),
      evidence: currentEvidence(ctx.db, now),
    });
    return view(ctx, saved.id);
  },
  'toolkit.assessments.updateAnswers': (req, ctx) => {
    assessments.updateAnswers(ctx.db, req.id, withAllQuestions(req.answers));
    return view(ctx, req.id);
  },
  'toolkit.assessments.delete': (req, { db }) => {
    assessments.deleteAssessment(db, req.id);
    return { deleted: true };
  },
  'toolkit.assessments.export': async (req, ctx) => {
    const v = view(ctx, req.id);
    const s = getSettings(ctx.db);
    const tree = assessmentTree(v.assessment, v.previous ? v.comparison : null, {
      partnershipName: s.name,
      author: s.coordinatorName || s.name,
      marking: s.defaultMarking,
    });
    const bytes = await docxWriter(tree);
    const outcome = await ctx.host.saveFile({
      suggestedName: `${safeFileName(`Partnership checklist ${v.assessment.assessedOn}`)}.docx`,
      mimeType: DOCX_MIME,
      extension: 'docx',
      bytes,
    });
    if (outcome.status !== 'canceled') recordAudit(ctx.db, 'toolkit_assessment', req.id, 'export');
    return outcome;
  },
  'toolkit.assessments.createActions': (req, { db }) => {
    const a = assessments.getAssessment(db, req.id);
    const now = new Date();
    for (const item of req.items) {
      if (!a.evidence.some((e) => e.key === item.evidenceKey))
        throw new AppError('invalid_request', 'That gap is not part of this assessment.');
    }
    const created = db.transaction(() =>
      req.items.map(
        (item) =>
          createAction(
            db,
            {
              meetingId: null,
              agendaItemId: null,
              description: item.description,
              ownerOrganisationId: item.ownerOrganisationId,
              ownerPersonId: null,
              dueOn: item.dueOn,
              status: 'open',
              fourPs: [],
            },
            now,
          ).id,
      ),
    )();
    return { created };
  },
  'toolkit.resources.search': (req, ctx) => {
    ensureSeeded(ctx);
    return resources.searchResources(ctx.db, req);
  },
  'toolkit.resources.get': (req, { db }) => resources.getResource(db, req.id),
  'toolkit.resources.addLink': ({ url, ...rest }, ctx) => {
    ensureSeeded(ctx);
    return resources.addLinkResource(ctx.db, { ...rest, url });
  },
  'toolkit.resources.addFile': ({ fileName, base64, ...rest }, ctx) => {
    ensureSeeded(ctx);
    return resources.addFileResource(ctx.db, { ...rest, url: '' }, { name: fileName, base64 });
  },
  'toolkit.resources.download': async (req, ctx) => {
    const file = resources.getResourceFile(ctx.db, req.id);
    const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1] ?? 'bin';
    const outcome = await ctx.host.saveFile({
      suggestedName: safeFileName(file.name, `resource.${ext}`),
      mimeType: file.mime,
      extension: ext,
      bytes: file.bytes,
    });
    if (outcome.status !== 'canceled') recordAudit(ctx.db, 'toolkit_resource', req.id, 'export');
    return outcome;
  },
  'toolkit.resources.updateNotes': (req, { db }) => resources.updateResourceNotes(db, req.id, req.notes),
  'toolkit.resources.delete': (req, { db }) => {
    resources.deleteResource(db, req.id);
    return { deleted: true };
  },
  'toolkit.resources.checkLinks': (req, { db }) => resources.checkLinks(db, req.ids, linkFetcher),
  'toolkit.resources.byUids': (req, { db }) => resources.resourcesByUid(db, req.uids),
  'toolkit.resources.attachToAgenda': (req, { db }) => {
    const r = resources.getResource(db, req.resourceId);
    if (r.url) return addPaper(db, { agendaItemId: req.agendaItemId, kind: 'link', title: r.title, url: r.url });
    if (r.file) return addPaper(db, { agendaItemId: req.agendaItemId, kind: 'file', title: r.file.name, url: '' });
    throw new AppError('invalid_request', 'That resource has neither a link nor a file to attach.');
  },
  'toolkit.newsletters.list': (_req, { db }) => newsletters.listNewsletters(db),
  'toolkit.newsletters.get': (req, { db }) => newsletters.getNewsletter(db, req.id),
  'toolkit.newsletters.suggest': (_req, ctx) => {
    ensureSeeded(ctx);
    return newsletters.suggestedResources(ctx.db);
  },
  'toolkit.newsletters.save': ({ id, ...rest }, { db }) => newsletters.saveNewsletter(db, id, rest),
  'toolkit.newsletters.markSent': (req, { db }) => newsletters.markSent(db, req.id, req.sentOn),
  'toolkit.newsletters.exportDocx': async (req, ctx) => {
    const n = newsletters.getNewsletter(ctx.db, req.id);
    const s = getSettings(ctx.db);
    const bytes = await docxWriter(
      newsletterTree(n, {
        partnershipName: s.name,
        author: s.coordinatorName || s.name,
        marking: s.defaultMarking,
        date: n.sentOn ?? londonToday(new Date()),
      }),
    );
    const outcome = await ctx.host.saveFile({
      suggestedName: `${safeFileName(n.title)}.docx`,
      mimeType: DOCX_MIME,
      extension: 'docx',
      bytes,
    });
    if (outcome.status !== 'canceled') recordAudit(ctx.db, 'toolkit_newsletter', req.id, 'export');
    return outcome;
  },
  'toolkit.newsletters.exportHtml': async (req, ctx) => {
    const n = newsletters.getNewsletter(ctx.db, req.id);
    const outcome = await ctx.host.saveFile({
      suggestedName: `${safeFileName(n.title)}.html`,
      mimeType: 'text/html',
      extension: 'html',
      bytes: new TextEncoder().encode(newsletterHtml(n, getSettings(ctx.db).name)),
    });
    if (outcome.status !== 'canceled') recordAudit(ctx.db, 'toolkit_newsletter', req.id, 'export');
    return outcome;
  },
  'toolkit.law.list': (_req, ctx) => {
    ensureSeeded(ctx);
    return lawRoundUp(ctx.db);
  },
  'toolkit.training.courses.list': (_req, { db }) => training.listCourses(db),
  'toolkit.training.courses.add': (req, { db }) => training.addCourse(db, req),
  'toolkit.training.courses.import': (req, { db }) => {
    training.seedCourses(db);
    return training.importCourses(db, req.text);
  },
  'toolkit.training.records.list': (req, { db }) => training.listRecords(db, { personId: req.personId }),
  'toolkit.training.records.add': (req, { db }) => training.addRecord(db, req),
  'toolkit.training.records.delete': (req, { db }) => {
    training.deleteRecord(db, req.id);
    return { deleted: true };
  },
  'toolkit.training.records.attachCertificate': (req, { db }) => {
    const bytes = Buffer.from(req.base64, 'base64');
    const checked = resources.checkFile(req.fileName, bytes);
    return training.setCertificate(db, req.id, { name: checked.name, bytes });
  },
  'toolkit.training.records.certificate': async (req, ctx) => {
    const r = training.getRecord(ctx.db, req.id);
    const s = getSettings(ctx.db);
    const bytes = await docxWriter(
      certificateTree(r, { partnershipName: s.name, coordinatorName: s.coordinatorName, marking: s.defaultMarking }),
    );
    const outcome = await ctx.host.saveFile({
      suggestedName: `${safeFileName(`Certificate ${r.personName} ${r.courseTitle}`.slice(0, 110))}.docx`,
      mimeType: DOCX_MIME,
      extension: 'docx',
      bytes,
    });
    if (outcome.status !== 'canceled') recordAudit(ctx.db, 'training_record', req.id, 'export');
    return outcome;
  },
  'toolkit.training.records.exportCsv': async (_req, ctx) => {
    const outcome = await ctx.host.saveFile({
      suggestedName: `Training records ${londonToday(new Date())}.csv`,
      mimeType: 'text/csv',
      extension: 'csv',
      bytes: new TextEncoder().encode(`\uFEFF${training.recordsCsv(ctx.db)}`),
    });
    if (outcome.status !== 'canceled') recordAudit(ctx.db, 'training_record', 'all', 'export');
    return outcome;
  },
  'toolkit.training.delegates.list': (_req, { db }) => training.listDelegateCounts(db),
  'toolkit.training.delegates.add': (req, { db }) => training.addDelegateCount(db, req),
  'toolkit.training.matrix': (_req, { db }) => training.trainingMatrix(db, new Date()),
};
