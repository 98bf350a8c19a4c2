import { appInfoHandlers } from './app-info/handlers';
import { documentsHandlers } from './documents/handlers';
import { examplesHandlers } from './examples/handlers';
import type { Handlers } from './ipc/dispatcher';
import { partnersHandlers } from './partners/handlers';
import { meetingsHandlers } from './meetings/handlers';
import { settingsHandlers } from './settings/handlers';

/** Every channel's handler. The type makes a missing handler a build error. */
export const handlers: Handlers = {
  ...appInfoHandlers,
  ...settingsHandlers,
  ...documentsHandlers,
  ...partnersHandlers,
  ...meetingsHandlers,
  ...examplesHandlers,
};
