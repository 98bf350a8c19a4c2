import type { Channel } from '../../shared/contract';
import { londonToday } from '../../shared/meetings/time';
import { versionHistoryRows } from '../../shared/documents/version-history';
import type { HandlerGroup } from '../ipc/dispatcher';
import { getSettings } from '../settings/repository';
import { getDetail, listVersions } from './repository';

type HistoryChannel = Extract<Channel, `documentHistory.${string}`>;

export const documentHistoryHandlers: HandlerGroup<HistoryChannel> = {
  'documentHistory.rows': (req, { db }) => {
    const d = getDetail(db, req.id);
    const s = getSettings(db);
    return versionHistoryRows(listVersions(db, req.id), d, s.coordinatorName || s.name, londonToday(new Date()));
  },
};
