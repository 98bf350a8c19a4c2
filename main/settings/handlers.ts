import type { HandlerGroup } from '../ipc/dispatcher';
import { getSettings, updateSettings } from './repository';

export const settingsHandlers: HandlerGroup<'settings.get' | 'settings.update'> = {
  'settings.get': (_req, { db }) => getSettings(db),
  'settings.update': (req, { db }) => updateSettings(db, req),
};
