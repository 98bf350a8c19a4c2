import type { plansChannels } from '../../shared/contract/plans';
import type { DocumentTree } from '../../shared/documents/tree';
import { safeFileName } from '../../shared/files';
import type { PlanPaperContext } from '../../shared/plans/papers';
import { indicatorPicture } from '../../shared/plans/charts';
import { actionPlanTree, strategyTree } from '../../shared/plans/papers';
import { recordAudit } from '../audit/repository';
import type { HandlerContext, HandlerGroup } from '../ipc/dispatcher';
import { docxWriter } from '../meetings/word';
import { createAction } from '../meetings/repository';
import { getSettings } from '../settings/repository';
import * as repo from './repository';
import { planDetail } from './service';

type PlanChannel = keyof typeof plansChannels;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function planPaperContext(ctx: Pick<HandlerContext, 'db'>, now: Date): PlanPaperContext {
  const s = getSettings(ctx.db);
  return { partnershipName: s.name, coordinatorName: s.coordinatorName, marking: s.defaultMarking, now };
}

/** The strategy tree, numbering frozen first: a paper that has gone out keeps its numbers. */
export function buildStrategyTree(ctx: Pick<HandlerContext, 'db'>, planId: number, now: Date): DocumentTree {
  repo.freezeNumbering(ctx.db, planId);
  return strategyTree(planDetail(ctx.db, planId, now), planPaperContext(ctx, now), indicatorPicture);
}

export function buildActionPlanTree(ctx: Pick<HandlerContext, 'db'>, planId: number, now: Date): DocumentTree {
  repo.freezeNumbering(ctx.db, planId);
  return actionPlanTree(planDetail(ctx.db, planId, now), planPaperContext(ctx, now));
}

async function saveDocx(ctx: HandlerContext, tree: DocumentTree, name: string, planId: number) {
  const bytes = await docxWriter(tree);
  const outcome = await ctx.host.saveFile({
    suggestedName: `${safeFileName(name)}.docx`,
    mimeType: DOCX_MIME,
    extension: 'docx',
    bytes,
  });
  if (outcome.status !== 'canceled') recordAudit(ctx.db, 'plan', planId, 'export');
  return outcome;
}

const detail = (ctx: HandlerContext, planId: number) => planDetail(ctx.db, planId, new Date());

export const plansHandlers: HandlerGroup<PlanChannel> = {
  'plans.list': (_req, { db }) => repo.listPlans(db),
  'plans.get': (req, ctx) => detail(ctx, req.id),
  'plans.create': (req, ctx) => detail(ctx, repo.createPlan(ctx.db, req)),
  'plans.update': ({ id, version, ...rest }, ctx) => {
    repo.updatePlan(ctx.db, id, rest, version);
    return detail(ctx, id);
  },
  'plans.setStatus': (req, ctx) => {
    repo.setPlanStatus(ctx.db, req.id, req.status, req.version);
    return detail(ctx, req.id);
  },
  'plans.delete': (req, { db }) => {
    repo.deletePlan(db, req.id);
    return { deleted: true };
  },
  'plans.priorities.add': ({ planId, ...rest }, ctx) => {
    repo.addPriority(ctx.db, planId, rest);
    return detail(ctx, planId);
  },
  'plans.priorities.update': ({ id, version, ...rest }, ctx) => detail(ctx, repo.updatePriority(ctx.db, id, rest, version)),
  'plans.priorities.move': (req, ctx) => detail(ctx, repo.movePriority(ctx.db, req.id, req.direction)),
  'plans.priorities.remove': (req, ctx) => detail(ctx, repo.removePriority(ctx.db, req.id)),
  'plans.objectives.add': (req, ctx) => {
    const id = repo.addObjective(ctx.db, req.priorityId, req.text);
    return detail(ctx, repo.getObjectiveRow(ctx.db, id).planId);
  },
  'plans.objectives.update': (req, ctx) => detail(ctx, repo.updateObjective(ctx.db, req.id, req.text, req.version)),
  'plans.objectives.move': (req, ctx) => detail(ctx, repo.moveObjective(ctx.db, req.id, req.direction)),
  'plans.objectives.remove': (req, ctx) => detail(ctx, repo.removeObjective(ctx.db, req.id)),
  'plans.activities.create': ({ objectiveId, ...a }, ctx) => {
    const now = new Date();
    const planId = repo.getObjectiveRow(ctx.db, objectiveId).planId;
    // The action is made by the meetings area, so the action log owns it like any other action.
    const action = ctx.db.transaction(() => {
      const made = createAction(ctx.db, { ...a, meetingId: null, agendaItemId: null, fourPs: [] }, now);
      repo.linkAction(ctx.db, objectiveId, made.id);
      return made;
    })();
    return { ...planDetail(ctx.db, planId, now), action };
  },
  'plans.activities.link': (req, ctx) => detail(ctx, repo.linkAction(ctx.db, req.objectiveId, req.actionId)),
  'plans.activities.unlink': (req, ctx) => detail(ctx, repo.unlinkAction(ctx.db, req.objectiveId, req.actionId)),
  'plans.indicators.add': (req, ctx) => detail(ctx, repo.addIndicator(ctx.db, req)),
  'plans.indicators.update': ({ id, version, ...rest }, ctx) => detail(ctx, repo.updateIndicator(ctx.db, id, rest, version)),
  'plans.indicators.remove': (req, ctx) => detail(ctx, repo.removeIndicator(ctx.db, req.id)),
  'plans.readings.add': ({ indicatorId, ...rest }, ctx) => detail(ctx, repo.addReading(ctx.db, indicatorId, rest)),
  'plans.readings.update': ({ id, version, ...rest }, ctx) => detail(ctx, repo.updateReading(ctx.db, id, rest, version)),
  'plans.readings.remove': (req, ctx) => detail(ctx, repo.removeReading(ctx.db, req.id)),
  'plans.export.strategy': (req, ctx) => {
    const tree = buildStrategyTree(ctx, req.planId, new Date());
    return saveDocx(ctx, tree, `${repo.getPlan(ctx.db, req.planId).title} strategy`, req.planId);
  },
  'plans.export.actionPlan': (req, ctx) => {
    const tree = buildActionPlanTree(ctx, req.planId, new Date());
    return saveDocx(ctx, tree, `${repo.getPlan(ctx.db, req.planId).title} action plan`, req.planId);
  },
};
