import type { Channel } from '../../shared/contract';
import type { HandlerGroup } from '../ipc/dispatcher';
import { loadExamplePartnership } from './load';

type ExamplesChannel = Extract<Channel, `examples.${string}`>;

export const examplesHandlers: HandlerGroup<ExamplesChannel> = {
  'examples.loadPartnership': (_req, { db }) => loadExamplePartnership(db),
};
