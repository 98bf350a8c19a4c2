import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost } from '../../../main/web-host/server';
import type { WebHost } from '../../../main/web-host/server';
import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER } from '../../../shared/contract';
import { createTestApp, tempDir } from '../../helpers/db';

let app: ReturnType<typeof createTestApp>;
let web: WebHost;
let staticDir: string;

beforeEach(async () => {
  app = createTestApp();
  staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  web = await startWebHost({ dispatch: app.dispatch, staticDir });
});
afterEach(async () => {
  await web.close();
  app.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${web.port}`;
const post = (body: string, headers: Record<string, string> = { [HTTP_TOKEN_HEADER]: web.token }) =>
  fetch(`${base()}${HTTP_INVOKE_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a random token', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);
  });

  it('answers contract calls with the token, with the same validation as IPC', async () => {
    const okReply = await (await post(JSON.stringify({ channel: 'app.info', payload: {} }))).json();
    expect(okReply).toMatchObject({ ok: true, value: { name: 'Concordat' } });
    const bad = await (await post(JSON.stringify({ channel: 'settings.update', payload: { name: 5 } }))).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses calls without the token, with a wrong token, or as bad JSON', async () => {
    expect((await post(JSON.stringify({ channel: 'app.info', payload: {} }), {})).status).toBe(401);
    expect((await post(JSON.stringify({ channel: 'app.info', payload: {} }), { [HTTP_TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    const res = await post('{not json');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('serves the page with a CSP and refuses paths outside the app folder', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${base()}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: web.port, path: '/', headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
    });
    expect(status).toBe(421);
  });
});
