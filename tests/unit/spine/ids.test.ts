import { describe, expect, it } from 'vitest';
import { UUID_V7_PATTERN, uuidv7 } from '../../../shared/ids';

describe('uuidv7', () => {
  it('has the version and variant bits and the time in its first 48 bits', () => {
    const at = Date.UTC(2026, 11, 1, 9, 30);
    const id = uuidv7(at);
    expect(id).toMatch(UUID_V7_PATTERN);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('is unique and sorts in order of creation, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_800_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
