import type { Database } from 'better-sqlite3';
import type { Dispatch } from '../main/ipc/dispatcher';
import type { StoreHolder } from '../main/store/holder';
import { chartsBench } from './charts';
import { documentsBench } from './documents';
import { importJobBench } from './import-job';
import type { Measurement } from './lib';
import { partnersBrowserBench } from './partners-browser';
import { partnersBench } from './partners';
import { plansBench } from './plans';
import { meetingsBench } from './meetings';
import { privacyBench } from './privacy';
import { storeBench } from './store';
import { storeSafetyBench } from './store-safety';
import { toolkitBench } from './toolkit';
import { reportsBench } from './reports';
import type { Scale } from './scale';

export type BenchContext = { db: Database; dispatch: Dispatch; dataDir: string; scale: Scale; store: StoreHolder };
export type BenchSuite = { name: string; run: (ctx: BenchContext) => Promise<Measurement[]> };

/** Each feature's benchmarks. Features append their suite here. */
export const benches: BenchSuite[] = [
  partnersBench,
  partnersBrowserBench,
  documentsBench,
  chartsBench,
  meetingsBench,
  storeBench,
  storeSafetyBench,
  importJobBench,
  toolkitBench,
  plansBench,
  reportsBench,
  // privacy runs last: it erases people.
  privacyBench,
];
