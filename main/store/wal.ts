import fs from 'node:fs';

/**
 * Reading SQLite's write-ahead log from outside SQLite, to notice when it was lost, cut short,
 * damaged or swapped (https://www.sqlite.org/fileformat2.html#walformat). SQLite itself silently
 * ignores every frame after a bad checksum and every frame whose salts do not match the header, so
 * acknowledged changes can vanish without an error. The headers and checksums are plain text even
 * when the pages are encrypted.
 */
export type WalPosition = { salt1: number; salt2: number; frames: number };

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The committed end of the log as SQLite's shared-memory index records it (a 48-byte read). */
export function readWalIndex(shmPath: string): WalPosition | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(shmPath, 'r');
    const buf = Buffer.alloc(48);
    if (fs.readSync(fd, buf, 0, 48, 0) < 48) return null;
    // Counters are in the machine byte order (every platform Concordat ships on is little-endian); the salts are copied bytes of the log header.
    const isInit = buf[12];
    if (!isInit) return null;
    return { frames: buf.readUInt32LE(16), salt1: buf.readUInt32BE(32), salt2: buf.readUInt32BE(36) };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function checksum(buf: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const a = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const b = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

export type WalScan = {
  /** The log's header is readable and its checksum holds. */
  headerOk: boolean;
  salt1: number;
  salt2: number;
  /** Frames SQLite will use: the valid run from the start, up to the last commit frame in it. */
  usableFrames: number;
  /** A frame of the current generation (its salts match the header) failed its checksum. */
  brokenFrame: number | null;
};

/** Scan the whole log once. Returns null when there is no log file or it is empty. */
export function scanWal(walPath: string): WalScan | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(walPath);
  } catch {
    return null;
  }
  if (buf.length === 0) return null;
  const broken: WalScan = { headerOk: false, salt1: 0, salt2: 0, usableFrames: 0, brokenFrame: 0 };
  if (buf.length < WAL_HEADER) return broken;
  const magic = buf.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return broken;
  const bigEndian = (magic & 1) === 1;
  const pageSize = buf.readUInt32BE(8);
  const salt1 = buf.readUInt32BE(16);
  const salt2 = buf.readUInt32BE(20);
  let s = checksum(buf, 0, 24, bigEndian, [0, 0]);
  if (s[0] !== buf.readUInt32BE(24) || s[1] !== buf.readUInt32BE(28)) return { ...broken, salt1, salt2 };

  const frameSize = FRAME_HEADER + pageSize;
  let frame = 0;
  let usable = 0;
  let brokenFrame: number | null = null;
  for (let off = WAL_HEADER; off + FRAME_HEADER <= buf.length; off += frameSize, frame++) {
    const fSalt1 = buf.readUInt32BE(off + 8);
    const fSalt2 = buf.readUInt32BE(off + 12);
    if (fSalt1 !== salt1 || fSalt2 !== salt2) break; // a leftover from an earlier generation: the normal end
    if (off + frameSize > buf.length) {
      brokenFrame = frame + 1;
      break;
    }
    s = checksum(buf, off, off + 8, bigEndian, s);
    s = checksum(buf, off + FRAME_HEADER, off + frameSize, bigEndian, s);
    if (s[0] !== buf.readUInt32BE(off + 16) || s[1] !== buf.readUInt32BE(off + 20)) {
      brokenFrame = frame + 1;
      break;
    }
    if (buf.readUInt32BE(off + 4) !== 0) usable = frame + 1;
  }
  return { headerOk: true, salt1, salt2, usableFrames: usable, brokenFrame };
}
