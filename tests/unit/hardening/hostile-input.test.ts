import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonTextTooDeep, valueTooDeep } from '../../../main/ipc/depth';
import { startWebHost } from '../../../main/web-host/server';
import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER, contract } from '../../../shared/contract';
import type { Channel } from '../../../shared/contract';
import { createTestApp, tempDir } from '../../helpers/db';

/** Every string schema reachable from a channel's request, with where it sits. */
function stringLeaves(schema: z.ZodType, at: string, out: { at: string; schema: z.ZodType }[], seen = new Set<unknown>()) {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  if (def.type === 'string') out.push({ at, schema });
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) stringLeaves(v, `${at}.${k}`, out, seen);
    return out;
  }
  for (const [k, v] of Object.entries(def)) {
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) if (item instanceof z.ZodType) stringLeaves(item, `${at}<${k}>`, out, seen);
  }
  return out;
}

/** Fields that carry a whole file's text: the reader of each file removes or reports control characters itself. */
const FILE_TEXT = new Set([
  'partners.importPreview.text',
  'partners.importCommit.text',
  'partners.import.start.text',
  'documents.templates.save.json',
  'documents.templates.import.text',
]);
const channels = Object.keys(contract) as Channel[];

describe('control characters in text', () => {
  const leaves = channels.flatMap((c) => stringLeaves(contract[c].request as z.ZodType, c, []));

  it('finds the text fields of the contract', () => {
    expect(leaves.length).toBeGreaterThan(50);
  });

  it.each(leaves.filter((l) => !FILE_TEXT.has(l.at)).map((l) => [l.at, l.schema] as const))(
    '%s refuses NUL, BEL and ESC',
    (_at, schema) => {
      for (const bad of ['\u0000Police', 'a\u0007b', 'x\u001b[31m', '\u007f']) expect(schema.safeParse(bad).success).toBe(false);
    },
  );

  it('names only file-text fields that exist', () => {
    const names = new Set(leaves.map((l) => l.at));
    for (const f of FILE_TEXT) expect(names.has(f), f).toBe(true);
  });

  it('keeps tab and new lines in multi-line text and refuses them in a name', () => {
    const notes = contract['partners.organisations.create'].request.shape.notes;
    expect(notes.safeParse('line one\n\tline two\r\nthree').success).toBe(true);
    expect(contract['partners.organisations.create'].request.shape.name.safeParse('Police\nForce').success).toBe(false);
  });
});

describe('hostile payloads reach invalid_request, never internal', () => {
  let app: ReturnType<typeof createTestApp>;
  beforeEach(() => {
    app = createTestApp();
  });
  afterEach(() => app.cleanup());

  it('an organisation name beginning with NUL (once a failed CHECK and "internal")', async () => {
    const result = await app.dispatch('partners.organisations.create', {
      name: '\u0000Northshire Police',
      sector: 'police',
      membership: 'core',
      pursue: false,
      prevent: false,
      protect: false,
      prepare: false,
      address: '',
      website: '',
      email: '',
      phone: '',
      notes: '',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(app.db.prepare('SELECT count(*) FROM organisations').pluck().get()).toBe(0);
  });

  const deep = (levels: number): unknown => {
    let v: unknown = 'x';
    for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };

  it.each(channels)('%s answers a payload nested 10,000 levels with invalid_request', async (channel) => {
    const result = await app.dispatch(channel, { value: deep(10_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('the browser host answers 5,000+ levels of JSON text on every channel with invalid_request', async () => {
    const staticDir = tempDir();
    const web = await startWebHost({ dispatch: app.dispatch, staticDir });
    try {
      for (const channel of channels) {
        const body = `{"channel":${JSON.stringify(channel)},"payload":{"v":${'['.repeat(6_000)}${']'.repeat(6_000)}}}`;
        const res = await fetch(`http://127.0.0.1:${web.port}${HTTP_INVOKE_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: web.token },
          body,
        });
        expect(res.status, channel).toBe(400);
        expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      }
    } finally {
      await web.close();
    }
  });

  it('measures depth without recursion, ignoring brackets inside strings', () => {
    expect(jsonTextTooDeep('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 64)).toBe(false);
    expect(jsonTextTooDeep('"\\"[[["', 2)).toBe(false);
    expect(jsonTextTooDeep('[[[]]]', 2)).toBe(true);
    expect(valueTooDeep(deep(200_000))).toBe(true);
    expect(valueTooDeep({ a: [{ b: [1, 2, { c: 'x' }] }] })).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(valueTooDeep(cyclic)).toBe(false);
  });
});
