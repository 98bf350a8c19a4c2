import { useMutation } from '@tanstack/react-query';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/contract';
import type { AttendanceRecord } from '../../../shared/meetings/model';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';
import { isStale } from '../ui/errors';
import { useRefresh } from './queries';

/**
 * A change to meetings data: the call, then every meetings query refreshed (lists, details, the
 * overdue badge; every key starts with meetingKeys.all), then the screen's own reaction.
 */
function useMeetingsChange<V, R>(run: (vars: V) => Promise<R>, on: Reactions<R, V> = {}) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result: R, vars: V) => {
      await refresh();
      await on.onSuccess?.(result, vars);
    },
    onError: (error: Error, vars: V) => on.onError?.(error, vars),
  });
}

type On<C extends Channel> = Reactions<ResponseOf<C>, RequestOf<C>>;

/** One meetings channel, its request given to `mutate`. */
const useMeetingsCall = <C extends Channel>(channel: C, on?: On<C>) =>
  useMeetingsChange((req: RequestOf<C>) => call(channel, req), on);

type Saving<T> = { id: number | null; version: number; value: T };

/** A record's create channel (id null) or its update channel, on the version the value was read at. */
function useMeetingsSave<C extends Channel, U extends Channel>(
  create: C,
  update: U,
  on?: Reactions<ResponseOf<U>, Saving<RequestOf<C>>>,
) {
  return useMeetingsChange(
    ({ id, version, value }: Saving<RequestOf<C>>) =>
      (id === null ? call(create, value) : call(update, { id, version, ...value } as unknown as RequestOf<U>)) as Promise<
        ResponseOf<U>
      >,
    on,
  );
}

/** Schedule a meeting (id null), or save one on the version it was read at. */
export const useSaveMeeting = (on?: Reactions<ResponseOf<'meetings.update'>, Saving<RequestOf<'meetings.create'>>>) =>
  useMeetingsSave('meetings.create', 'meetings.update', on);
export const useDeleteMeeting = (on?: On<'meetings.delete'>) => useMeetingsCall('meetings.delete', on);
export const useAddGroup = (on?: On<'meetings.groups.create'>) => useMeetingsCall('meetings.groups.create', on);

export const useAddAgendaItem = (on?: On<'meetings.agenda.add'>) => useMeetingsCall('meetings.agenda.add', on);
/**
 * An agenda item's title, lead, time and minutes, on the version they were read at. A save refused
 * because the item changed elsewhere calls `onStale` (not `onError`), then the meeting is read
 * again, which brings the newer version for the editor's merge.
 */
export function useSaveAgendaItem(on: On<'meetings.agenda.update'> & { onStale: () => void }) {
  const refresh = useRefresh();
  return useMeetingsCall('meetings.agenda.update', {
    onSuccess: on.onSuccess,
    onError: async (e, req) => {
      if (!isStale(e)) return on.onError?.(e, req);
      on.onStale();
      await refresh();
    },
  });
}
export const useRemoveAgendaItem = (on?: On<'meetings.agenda.remove'>) => useMeetingsCall('meetings.agenda.remove', on);
export const useReorderAgenda = (on?: On<'meetings.agenda.reorder'>) => useMeetingsCall('meetings.agenda.reorder', on);
export const useAddPaper = (on?: On<'meetings.agenda.addPaper'>) => useMeetingsCall('meetings.agenda.addPaper', on);
export const useRemovePaper = (on?: On<'meetings.agenda.removePaper'>) => useMeetingsCall('meetings.agenda.removePaper', on);

export const useAddDecision = (on?: On<'meetings.decisions.create'>) => useMeetingsCall('meetings.decisions.create', on);
export const useDeleteDecision = (on?: On<'meetings.decisions.delete'>) => useMeetingsCall('meetings.decisions.delete', on);

export const useInvite = (on?: On<'meetings.attendance.invite'>) => useMeetingsCall('meetings.attendance.invite', on);
export const useMarkAttendance = (on?: On<'meetings.attendance.mark'>) => useMeetingsCall('meetings.attendance.mark', on);
/** Take someone off a meeting; the record removed is the request, so the screen can offer to put it back. */
export const useRemoveAttendance = (on?: Reactions<ResponseOf<'meetings.attendance.remove'>, AttendanceRecord>) =>
  useMeetingsChange((a: AttendanceRecord) => call('meetings.attendance.remove', { id: a.id }), on);

/**
 * Undo a removal: invite the person again and put back their attendance and deputy as they were.
 * A plain call rather than a hook, as the toast that offers it outlives the screen.
 */
export async function restoreAttendance(meetingId: number, a: AttendanceRecord): Promise<void> {
  const list = await call('meetings.attendance.invite', { meetingId, personIds: [a.personId] });
  const back = list.find((x) => x.personId === a.personId);
  if (back && (a.status !== 'invited' || a.deputyName !== '' || a.deputyPersonId !== null))
    await call('meetings.attendance.mark', {
      id: back.id,
      status: a.status,
      deputyPersonId: a.deputyPersonId,
      deputyName: a.deputyName,
    });
}

/** Add an action (id null), or save one on the version it was read at. */
export const useSaveAction = (
  on?: Reactions<ResponseOf<'meetings.actions.update'>, Saving<RequestOf<'meetings.actions.create'>>>,
) => useMeetingsSave('meetings.actions.create', 'meetings.actions.update', on);
export const useDeleteAction = (on?: On<'meetings.actions.delete'>) => useMeetingsCall('meetings.actions.delete', on);
export const useAddActionUpdate = (on?: On<'meetings.actions.addUpdate'>) => useMeetingsCall('meetings.actions.addUpdate', on);

/** Record a decision to share (id null), or save one on the version it was read at. */
export const useSaveShareDecision = (
  on?: Reactions<ResponseOf<'meetings.share.update'>, Saving<RequestOf<'meetings.share.create'>>>,
) => useMeetingsSave('meetings.share.create', 'meetings.share.update', on);
export const useDeleteShareDecision = (on?: On<'meetings.share.delete'>) => useMeetingsCall('meetings.share.delete', on);
