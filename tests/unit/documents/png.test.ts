import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, encodePngSync } from '../../../main/documents/png';
import { drawPng } from '../../../main/documents/rasterise';
import { barChart } from '../../../shared/charts/bar';

/** The chunks of a PNG, each checked against its CRC. */
function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < b.length;) {
    const length = b.readUInt32BE(at);
    const body = b.subarray(at + 4, at + 8 + length);
    expect(b.readUInt32BE(at + 8 + length)).toBe(crc32(body));
    out.push({ type: body.subarray(0, 4).toString('ascii'), data: body.subarray(4) });
    at += length + 12;
  }
  return out;
}

describe('PNG encoding of rasterised charts', () => {
  const width = 3;
  const height = 2;
  const rgba = new Uint8Array(Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256));

  it('writes a signed file whose chunks check out and whose pixels inflate back exactly', async () => {
    const png = await encodePng(rgba, width, height);
    const parts = chunks(png);
    expect(parts.map((p) => p.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = parts[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([width, height, 8, 6]);
    const raw = inflateSync(parts[1]!.data);
    const rows = [0, 1].map((y) => raw.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1)));
    expect(rows.map((r) => r[0])).toEqual([0, 0]);
    expect(Buffer.concat(rows.map((r) => r.subarray(1)))).toEqual(Buffer.from(rgba));
  });

  it('gives the same bytes from the sync and the async encoder', async () => {
    expect(Buffer.from(await encodePng(rgba, width, height))).toEqual(Buffer.from(encodePngSync(rgba, width, height)));
  });

  it('refuses pixels that do not fill the picture', () => {
    expect(() => encodePngSync(rgba.subarray(1), width, height)).toThrow(/RGBA/);
  });

  it('encodes a drawn chart at twice its size', () => {
    const chart = barChart({ title: 'Members by sector', bars: [{ label: 'Police', value: 3 }] });
    const ihdr = chunks(drawPng(chart.svg))[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)]).toEqual([chart.width * 2, chart.height * 2]);
  });
});
