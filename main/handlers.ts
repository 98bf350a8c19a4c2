import { appInfoHandlers } from './app-info/handlers';
import { documentsErasureHook } from './documents/erasure';
import { documentsHandlers } from './documents/handlers';
import { examplesHandlers } from './examples/handlers';
import type { Handlers } from './ipc/dispatcher';
import { partnersHandlers } from './partners/handlers';
import { meetingsErasureHook } from './meetings/erasure';
import { meetingsHandlers } from './meetings/handlers';
import { registerErasureHook } from './partners/erasure';
import { settingsHandlers } from './settings/handlers';
import { toolkitErasureHook } from './toolkit/erasure';
import { toolkitHandlers } from './toolkit/handlers';

// Areas that keep their own copies of a person's details scrub them when the person is erased.
registerErasureHook(documentsErasureHook);
registerErasureHook(meetingsErasureHook);
registerErasureHook(toolkitErasureHook);

/** Every channel's handler. The type makes a missing handler a build error. */
export const handlers: Handlers = {
  ...appInfoHandlers,
  ...settingsHandlers,
  ...documentsHandlers,
  ...partnersHandlers,
  ...meetingsHandlers,
  ...examplesHandlers,
  ...toolkitHandlers,
};
