/**
 * Nesting limits checked before a request is parsed or validated. Deep nesting is never a real
 * request: the deepest the contract needs is a document's repeating group (about 5 levels), and a
 * payload 5,000 levels deep overflows the validator's stack.
 */
export const MAX_PAYLOAD_DEPTH = 64;

/** Does JSON text open more than `max` arrays or objects inside each other? Scans without parsing. */
export function jsonTextTooDeep(text: string, max = MAX_PAYLOAD_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Is a value (from IPC's structured clone or parsed JSON) nested more than `max` levels? Iterative. */
export function valueTooDeep(value: unknown, max = MAX_PAYLOAD_DEPTH): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { v, d } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= max) return true;
    if (seen.has(v)) continue; // shared or cyclic references are walked once
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, d: d + 1 });
  }
  return false;
}
