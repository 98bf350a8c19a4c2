import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER } from '../shared/contract';
import { emptyPerson } from '../shared/partners/domain';

/**
 * Kill the browser host with SIGKILL while writes are in flight through the HTTP contract, again
 * and again, and record every write the host acknowledged. The caller then opens the store and
 * checks every acknowledged write is there and integrity_check passes.
 */
export type CrashRun = { kills: number; acknowledged: string[]; failedCalls: number; startsMs: number[] };

export const CRASH_PASSPHRASE = 'crash test passphrase';

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/crash-host.ts'), dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CONCORDAT_PASSPHRASE: CRASH_PASSPHRASE, CONCORDAT_LOG_LEVEL: 'warn' },
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`crash host did not start: ${err}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`crash host exited with ${code}: ${err}`));
    });
  });
}

export async function runCrashTest(dataDir: string, kills: number, writers = 4): Promise<CrashRun> {
  fs.mkdirSync(dataDir, { recursive: true });
  const acknowledged: string[] = [];
  const startsMs: number[] = [];
  let failedCalls = 0;
  for (let round = 0; round < kills; round++) {
    const t0 = performance.now();
    const { child, url } = await startChild(dataDir);
    startsMs.push(performance.now() - t0);
    const parsed = new URL(url);
    const token = parsed.hash.replace('#token=', '');
    let stop = false;
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const name = `Crash ${round}-${w}-${n}`;
        try {
          const res = await fetch(`${parsed.origin}${HTTP_INVOKE_PATH}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token },
            body: JSON.stringify({
              channel: 'partners.people.create',
              payload: { value: { ...emptyPerson(), name }, post: null },
            }),
          });
          const json = (await res.json()) as { ok: boolean };
          if (json.ok) acknowledged.push(name);
          else failedCalls++;
        } catch {
          // The host died mid-call: this write was never acknowledged.
          return;
        }
      }
    };
    const running = Array.from({ length: writers }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 250 + Math.random() * 650));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    stop = true;
    await Promise.all(running);
  }
  return { kills, acknowledged, failedCalls, startsMs };
}
