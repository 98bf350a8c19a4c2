import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFile, startWebHost } from '../../../main/web-host/server';
import type { WebHost } from '../../../main/web-host/server';
import { createTestApp, tempDir } from '../../helpers/db';

const CANARY = 'CANARY-OUTSIDE-THE-STATIC-FOLDER';
let app: ReturnType<typeof createTestApp>;
let web: WebHost;
let root: string;
let staticDir: string;

beforeAll(async () => {
  app = createTestApp();
  root = tempDir();
  staticDir = path.join(root, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'secret.txt'), CANARY);
  fs.writeFileSync(path.join(root, 'static-secret.txt'), CANARY); // shares the folder's name as a prefix
  web = await startWebHost({ dispatch: app.dispatch, staticDir });
});
afterAll(async () => {
  await web.close();
  app.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Send a request line byte for byte, as a hostile page or tool could, and read the whole reply. */
function rawGet(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(web.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(e),
    );
    socket.write(
      Buffer.concat([
        Buffer.from('GET '),
        Buffer.from(target, 'latin1'),
        Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nConnection: close\r\n\r\n`),
      ]),
    );
  });
}
const status = (reply: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2e.',
  '%252e%252e',
  '%c0%ae%c0%ae',
  '%c0%af',
  '%e0%80%ae',
  '%c1%9c',
  '%5c',
  '..%5c',
  '%5c..',
  '\\..',
  '..\\',
  '..%2f',
  '%2f',
  '%2F',
  '%00',
  '%00.html',
  'index.html%00',
  '%01',
  '%0a',
  '%0d%0a',
  '%7f',
  '%ff',
  '%',
  '%zz',
  '%u002e',
  'secret.txt',
  'static-secret.txt',
  '..;',
  '',
  '....//',
  'assets',
  'app.js',
  'index.html',
  '%2e%2e%2fsecret.txt',
  '..%00',
  '%e2%80%ae',
  'ü',
  '%f0%9f%92%a9',
  '%ed%a0%80',
  '~',
];

function hostilePaths(count: number): string[] {
  const rand = prng(20260901);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out = ['/%00', '/%00/', '/index.html%00', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt'];
  while (out.length < count) {
    const n = 1 + Math.floor(rand() * 7);
    const parts = Array.from({ length: n }, () => pick(SEGMENTS));
    const sep = rand() < 0.15 ? '\\' : rand() < 0.1 ? '%2f' : '/';
    let p = '/' + parts.join(sep);
    if (rand() < 0.03) p += 'a'.repeat(5_000 + Math.floor(rand() * 60_000));
    if (rand() < 0.05) p = '/' + '../'.repeat(1 + Math.floor(rand() * 40)) + 'secret.txt';
    out.push(p);
  }
  return out;
}

describe('the browser host static files, under hostile paths', () => {
  it('answers GET /%00 without a token with 404 and keeps serving', async () => {
    expect(status(await rawGet('/%00'))).toBe(404);
    expect(status(await rawGet('/'))).toBe(200);
  });

  it('stays up through 3,000 generated hostile paths and never serves a file outside the folder', async () => {
    const paths = hostilePaths(3_000);
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const target = paths[next++]!;
        const reply = await rawGet(target);
        expect(reply, target).not.toContain(CANARY);
        const s = status(reply);
        statuses.set(s, (statuses.get(s) ?? 0) + 1);
        // Only the files really inside the folder may be served.
        if (s === 200) expect(reply, target).toMatch(/<title>t<\/title>|export \{\};/);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(
      [...statuses.keys()].every((s) => [200, 400, 404, 414, 431].includes(s)),
      JSON.stringify([...statuses]),
    ).toBe(true);
    expect(status(await rawGet('/assets/app.js'))).toBe(200);
  }, 120_000);

  it('resolves every generated path inside the folder or refuses it (the pure function)', () => {
    for (const p of hostilePaths(5_000)) {
      let rel: string;
      try {
        rel = decodeURIComponent(p);
      } catch {
        continue;
      }
      const file = staticFile(staticDir, rel);
      if (file !== null) {
        expect(file.startsWith(staticDir + path.sep), p).toBe(true);
        expect(file, p).not.toMatch(/[\0\\]/);
      }
    }
    expect(staticFile(staticDir, '/\0')).toBeNull();
    expect(staticFile(staticDir, '/../static-secret.txt')).toBeNull();
    expect(staticFile(staticDir, '/assets/app.js')).toBe(path.join(staticDir, 'assets', 'app.js'));
  });
});
