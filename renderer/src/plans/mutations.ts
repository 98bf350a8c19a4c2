import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanDetail } from '../../../shared/plans/model';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';
import { errorText } from '../ui/errors';
import { toast } from '../ui/toasts';
import { meetingKeys } from '../meetings/queries';
import { planKeys } from './queries';

/**
 * A change to a plan: every plans channel answers with the whole plan, which replaces the cached
 * one (numbers and statuses come back recomputed); the list and the action log are refreshed.
 */
export function usePlanChange<V>(
  planId: number,
  run: (v: V) => Promise<PlanDetail>,
  options: { success?: string; failure: string; onDone?: (d: PlanDetail) => void },
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (detail) => {
      client.setQueryData(planKeys.detail(planId), detail);
      await Promise.all([
        client.invalidateQueries({ queryKey: planKeys.list() }),
        client.invalidateQueries({ queryKey: meetingKeys.all }),
      ]);
      if (options.success) toast('success', options.success);
      options.onDone?.(detail);
    },
    onError: (e) => toast('error', errorText(e, options.failure)),
  });
}

/** A new plan: the list is refreshed before the screen moves on to the plan. */
type NewPlan = Parameters<typeof call<'plans.create'>>[1];

export function useCreatePlan(reactions: Reactions<PlanDetail, NewPlan>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: NewPlan) => call('plans.create', v),
    onSuccess: async (detail, v) => {
      await client.invalidateQueries({ queryKey: planKeys.list() });
      reactions.onSuccess?.(detail, v);
    },
    onError: (e, v) => reactions.onError?.(e, v),
  });
}
