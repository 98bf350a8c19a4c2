import { appInfoHandlers } from './app-info/handlers';
import { documentsErasureHook } from './documents/erasure';
import { documentsHandlers } from './documents/handlers';
import { documentRevisionHandlers } from './documents/revise';
import { examplesHandlers } from './examples/handlers';
import type { Handlers } from './ipc/dispatcher';
import { directoryHandlers } from './partners/directory-handlers';
import { partnersHandlers } from './partners/handlers';
import { meetingsErasureHook } from './meetings/erasure';
import { meetingsHandlers } from './meetings/handlers';
import { partnersErasureHook, registerErasureHook } from './partners/erasure';
import { privacyErasureHook } from './privacy/erasure';
import { privacyHandlers } from './privacy/handlers';
import { settingsErasureHook } from './settings/erasure';
import { settingsHandlers } from './settings/handlers';
import { storeHandlers } from './store/handlers';

// Areas that keep their own copies of a person's details scrub them when the person is erased.
registerErasureHook(partnersErasureHook);
registerErasureHook(documentsErasureHook);
registerErasureHook(meetingsErasureHook);
registerErasureHook(settingsErasureHook);
registerErasureHook(privacyErasureHook);

/** Every channel's handler. The type makes a missing handler a build error. */
export const handlers: Handlers = {
  ...appInfoHandlers,
  ...settingsHandlers,
  ...documentsHandlers,
  ...documentRevisionHandlers,
  ...partnersHandlers,
  ...directoryHandlers,
  ...meetingsHandlers,
  ...examplesHandlers,
  ...privacyHandlers,
  ...storeHandlers,
};
