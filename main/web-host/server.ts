import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER } from '../../shared/contract';
import { fail } from '../../shared/result';
import { jsonTextTooDeep } from '../ipc/depth';
import type { Dispatch } from '../ipc/dispatcher';
import { log } from '../logger';
import { CONTENT_SECURITY_POLICY } from '../shell/security';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export type WebHost = { url: string; port: number; token: string; close: () => Promise<void> };

export type WebHostOptions = {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
};

function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/**
 * The file below the static folder that a decoded URL path names, or null. Refuses NUL and other
 * control characters, backslashes (a separator on Windows) and anything that resolves outside the folder.
 */
export function staticFile(staticRoot: string, rel: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (rel.length > 1024 || /[\u0000-\u001f\u007f\\]/.test(rel)) return null;
  const file = path.resolve(staticRoot, `.${rel === '/' ? '/index.html' : rel}`);
  return file.startsWith(staticRoot + path.sep) ? file : null;
}

/**
 * Serves the built renderer and the contract over HTTP on 127.0.0.1 only. Every call must carry this
 * run's random token; the Host header must name this server, which defeats DNS rebinding.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const securityHeaders = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type: string) => {
    res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const sendJson = (res: http.ServerResponse, status: number, value: unknown) =>
    send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
      return;
    }
    let url: URL;
    try {
      // A request target such as "//x" would otherwise be read as a host name, or refused by URL with a throw.
      url = new URL(`http://${host}${(req.url ?? '/').startsWith('/') ? '' : '/'}${req.url ?? ''}`);
    } catch {
      return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    }

    if (url.pathname === HTTP_INVOKE_PATH) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('invalid_request', 'Use POST.'));
      const presented = req.headers[HTTP_TOKEN_HEADER];
      if (typeof presented !== 'string' || !sameToken(presented, token)) {
        return sendJson(
          res,
          401,
          fail('unauthorised', 'This page is not connected to the running Concordat. Open the address it printed.'),
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          refused = true;
          sendJson(res, 413, fail('invalid_request', 'That request is too large.'));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (refused) return;
        let body: unknown;
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          if (jsonTextTooDeep(text)) return sendJson(res, 400, fail('invalid_request', 'The request is nested too deeply.'));
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, fail('invalid_request', 'The request was not valid JSON.'));
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return sendJson(res, 400, fail('invalid_request', 'The request must name a channel and a payload.'));
        }
        const { channel, payload } = body as { channel?: unknown; payload?: unknown };
        options
          .dispatch(channel, payload)
          .then((result) => sendJson(res, 200, result))
          .catch((error: unknown) => {
            log.error('dispatch failed', error);
            sendJson(res, 500, fail('internal', 'Something went wrong inside Concordat.'));
          });
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    }
    const file = staticFile(staticRoot, rel);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    // fs.readFile throws synchronously on some paths (a NUL byte); a refused path must never end the process.
    fs.promises.readFile(file).then(
      (data) => send(res, 200, data, MIME[path.extname(file)] ?? 'application/octet-stream'),
      () => send(res, 404, 'Not found', 'text/plain; charset=utf-8'),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
