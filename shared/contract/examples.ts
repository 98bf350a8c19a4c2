import type { ExampleLoadResult } from '../examples/example-partnership';
import { channel, emptyRequest } from './common';

export const examplesChannels = {
  'examples.loadPartnership': channel<typeof emptyRequest, ExampleLoadResult>(emptyRequest),
} as const;
