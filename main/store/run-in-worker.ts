import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { log } from '../logger';
import { runTask } from './store-worker';
import type { WorkerReply, WorkerTask } from './store-worker';

/**
 * Run a store task on a worker thread. The built app ships dist/main/store-worker.js beside the
 * bundle; under tests and tsx the TypeScript file is loaded through tsx. When no worker can be
 * started (an unusual packaging), the task runs here instead: slower for the window, never skipped.
 */
export function runInWorker(task: WorkerTask): Promise<WorkerReply> {
  const built = new URL('./store-worker.js', import.meta.url);
  const source = new URL('./store-worker.ts', import.meta.url);
  let worker: Worker;
  try {
    const workerData = { concordatStoreTask: true, task };
    if (fs.existsSync(fileURLToPath(built))) worker = new Worker(built, { workerData });
    else if (fs.existsSync(fileURLToPath(source)))
      worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(source.href)}); })`, {
        eval: true,
        workerData,
      });
    else return Promise.resolve(runTask(task));
  } catch (error) {
    log.warn('could not start a worker thread; running the store task in the main thread', error);
    return Promise.resolve(runTask(task));
  }
  return new Promise((resolve) => {
    let done = false;
    worker.once('message', (reply: WorkerReply) => {
      done = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (done) return;
      done = true;
      log.warn('the store worker failed; running the task in the main thread', error);
      resolve(runTask(task));
    });
    worker.once('exit', (code) => {
      if (!done) {
        done = true;
        resolve({ ok: false, message: `worker exited with ${code}`, code: 'WORKER_EXIT' });
      }
    });
  });
}
