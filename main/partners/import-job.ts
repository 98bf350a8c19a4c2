import type { Database } from 'better-sqlite3';
import type { ImportJobProgress } from '../../shared/contract/partners-import';
import { uuidv7 } from '../../shared/ids';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { log } from '../logger';
import type { CommitOptions, ImportLedger, ImportPlan, PersonGroup } from './import';
import { createImportWriter, planImportAsync } from './import';

/**
 * An import as a job. The file is read and checked whole first (as the one-transaction commit does),
 * a slice at a time, then written a chunk at a time, each chunk its own short transaction, yielding to the event loop in
 * between so every other call is answered. Merges into existing people wait for the last step, so
 * until then the job has only added rows; cancelling deletes exactly those (the ledger) in one
 * transaction, leaving nothing of the file behind.
 *
 * Jobs live in memory: if the app stops mid-import, the rows already written stay (each chunk is
 * whole people with their posts) and the file can be imported again with "skip" for duplicates.
 */
export const IMPORT_CHUNK = 250;
const KEEP_FINISHED = 20;

type Job = {
  progress: ImportJobProgress;
  ledger: ImportLedger;
};

const jobsByDb = new WeakMap<Database, Map<string, Job>>();
const jobsOf = (db: Database) => {
  let jobs = jobsByDb.get(db);
  if (!jobs) {
    jobs = new Map();
    jobsByDb.set(db, jobs);
  }
  return jobs;
};

const snapshot = (job: Job): ImportJobProgress => ({
  ...job.progress,
  summary: job.progress.summary ? { ...job.progress.summary } : null,
  error: job.progress.error ? { ...job.progress.error, details: [...job.progress.error.details] } : null,
});

/** Schedules the next chunk; tests may replace it to step by hand. */
export type Scheduler = (next: () => void) => void;
const defaultScheduler: Scheduler = (next) => setImmediate(next);

export function startImportJob(
  db: Database,
  text: string,
  options: CommitOptions,
  schedule: Scheduler = defaultScheduler,
): ImportJobProgress {
  const jobs = jobsOf(db);
  if ([...jobs.values()].some((j) => j.progress.state === 'running')) {
    throw new AppError('conflict', 'Another import is still running. Wait for it to finish or cancel it.');
  }
  const ledger: ImportLedger = { people: [], organisations: [], posts: [] };
  const job: Job = {
    ledger,
    progress: {
      jobId: uuidv7(),
      state: 'running',
      phase: 'checking',
      done: 0,
      total: 0,
      summary: null,
      error: null,
    },
  };
  jobs.set(job.progress.jobId, job);
  for (const id of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_FINISHED))) {
    if (jobs.get(id)?.progress.state !== 'running') jobs.delete(id);
  }

  const fail = (error: unknown) => {
    if (!(error instanceof AppError)) log.error('import job failed', error);
    try {
      if (ledger.people.length + ledger.organisations.length + ledger.posts.length > 0) removeImported(db, ledger);
    } catch (cleanupError) {
      log.error('could not remove the rows of a failed import', cleanupError);
    }
    job.progress.state = 'failed';
    job.progress.error =
      error instanceof AppError && error.code === 'invalid_request'
        ? { code: 'invalid_request', message: error.message, details: error.details ?? [] }
        : {
            code: 'internal',
            message: 'The import stopped because of a problem inside Concordat. Nothing from the file was kept.',
            details: [],
          };
  };

  const write = (plan: ImportPlan) => {
    const units: ({ kind: 'organisation'; index: number } | { kind: 'person'; index: number })[] = [
      ...plan.organisationsOnly.map((_, index) => ({ kind: 'organisation' as const, index })),
      ...plan.people.map((_, index) => ({ kind: 'person' as const, index })),
    ];
    const writer = createImportWriter(db, options, plan.skippedBadRows, ledger);
    const merges: { existingId: number; group: PersonGroup }[] = [];
    job.progress.phase = 'writing';
    job.progress.total = units.length;
    const step = () => {
      if (job.progress.state !== 'running') return;
      try {
        const end = Math.min(units.length, job.progress.done + IMPORT_CHUNK);
        db.transaction(() => {
          for (let i = job.progress.done; i < end; i++) {
            const u = units[i]!;
            if (u.kind === 'organisation') writer.writeOrganisationOnly(plan.organisationsOnly[u.index]!);
            else writer.writeGroup(plan.people[u.index]!, (existingId, group) => merges.push({ existingId, group }));
          }
        })();
        job.progress.done = end;
        if (end < units.length) {
          schedule(step);
          return;
        }
        db.transaction(() => {
          for (const m of merges) writer.merge(m.existingId, m.group);
          recordAudit(db, 'directory', 'csv', 'import');
        })();
        job.progress.summary = writer.summary;
        job.progress.state = 'done';
      } catch (error) {
        fail(error);
      }
    };
    schedule(step);
  };

  // Checked first, a slice at a time; nothing is written until the whole file passes.
  planImportAsync(text, options).then(
    (plan) => {
      if (job.progress.state === 'running') write(plan);
    },
    (error: unknown) => {
      if (job.progress.state === 'running') fail(error);
    },
  );
  return snapshot(job);
}

function findJob(db: Database, jobId: string): Job {
  const job = jobsOf(db).get(jobId);
  if (!job) throw new AppError('not_found', 'That import is not known. It may have finished before Concordat was restarted.');
  return job;
}

export const importJobProgress = (db: Database, jobId: string): ImportJobProgress => snapshot(findJob(db, jobId));

/** Stop a running import and remove every row it added, in one transaction. */
export function cancelImportJob(db: Database, jobId: string): ImportJobProgress {
  const job = findJob(db, jobId);
  if (job.progress.state === 'done') {
    throw new AppError('conflict', 'That import has already finished. Archive or erase the records instead.');
  }
  if (job.progress.state === 'running') {
    removeImported(db, job.ledger);
    job.progress.state = 'cancelled';
  }
  return snapshot(job);
}

function removeImported(db: Database, ledger: ImportLedger): void {
  const ids = (list: number[]) => JSON.stringify(list);
  db.transaction(() => {
    const people = ids(ledger.people);
    const orgs = ids(ledger.organisations);
    db.prepare('DELETE FROM directory_search WHERE rowid IN (SELECT value FROM json_each(?))').run(people);
    db.prepare('DELETE FROM directory_search WHERE rowid IN (SELECT -value FROM json_each(?))').run(orgs);
    db.prepare('DELETE FROM posts WHERE id IN (SELECT value FROM json_each(?))').run(ids(ledger.posts));
    db.prepare('DELETE FROM people WHERE id IN (SELECT value FROM json_each(?))').run(people);
    db.prepare('DELETE FROM organisations WHERE id IN (SELECT value FROM json_each(?))').run(orgs);
    recordAudit(db, 'directory', 'csv', 'cancel');
  })();
  ledger.people.length = 0;
  ledger.organisations.length = 0;
  ledger.posts.length = 0;
}
