import { appInfoHandlers } from './app-info/handlers';
import { backupsHandlers } from './backups/handlers';
import { documentsErasureHook } from './documents/erasure';
import { documentsHandlers } from './documents/handlers';
import { documentHistoryHandlers } from './documents/history-handlers';
import { documentRevisionHandlers } from './documents/revise';
import { examplesHandlers } from './examples/handlers';
import type { Handlers } from './ipc/dispatcher';
import { directoryHandlers } from './partners/directory-handlers';
import { partnersHandlers } from './partners/handlers';
import { partnersImportHandlers } from './partners/import-job-handlers';
import { meetingsErasureHook } from './meetings/erasure';
import { meetingsHandlers } from './meetings/handlers';
import { plansErasureHook } from './plans/erasure';
import { plansHandlers } from './plans/handlers';
import { partnersErasureHook, registerErasureHook } from './partners/erasure';
import { privacyErasureHook } from './privacy/erasure';
import { privacyHandlers } from './privacy/handlers';
import { reportsErasureHook } from './reports/erasure';
import { reportsHandlers } from './reports/handlers';
import { settingsErasureHook } from './settings/erasure';
import { settingsHandlers } from './settings/handlers';
import { storeHandlers } from './store/handlers';
import { toolkitErasureHook } from './toolkit/erasure';
import { toolkitHandlers } from './toolkit/handlers';

// Areas that keep their own copies of a person's details scrub them when the person is erased.
registerErasureHook(partnersErasureHook);
registerErasureHook(documentsErasureHook);
registerErasureHook(meetingsErasureHook);
registerErasureHook(toolkitErasureHook);
registerErasureHook(settingsErasureHook);
registerErasureHook(privacyErasureHook);
registerErasureHook(reportsErasureHook);
registerErasureHook(plansErasureHook);

/** Every channel's handler. The type makes a missing handler a build error. */
export const handlers: Handlers = {
  ...appInfoHandlers,
  ...settingsHandlers,
  ...documentsHandlers,
  ...documentRevisionHandlers,
  ...documentHistoryHandlers,
  ...partnersHandlers,
  ...directoryHandlers,
  ...partnersImportHandlers,
  ...meetingsHandlers,
  ...plansHandlers,
  ...examplesHandlers,
  ...toolkitHandlers,
  ...privacyHandlers,
  ...reportsHandlers,
  ...backupsHandlers,
  ...storeHandlers,
};
