import { z } from 'zod';

/** Where the store is: no key file yet (first launch), key file but closed, or open. */
export type StoreState = 'needs-setup' | 'locked' | 'unlocked';

export type StoreStatus = {
  state: StoreState;
  /** First launch after upgrading from 0.1: the existing records will be encrypted by setting a passphrase. */
  hasPlainData: boolean;
  /** "Remember on this computer" is possible here (Electron with a real keychain). */
  canRemember: boolean;
  /** Why remembering is not possible, in words for the coordinator; null when it is. */
  rememberUnavailableReason: string | null;
  /** The key of this store is remembered on this computer. */
  remembered: boolean;
  /** Lock after this many minutes without activity; 0 means never. */
  idleLockMinutes: number;
  /** One-time messages for the coordinator (for example "your records were encrypted"); each is shown once. */
  notices: string[];
};

export const PASSPHRASE_MIN_LENGTH = 10;
export const PASSPHRASE_MAX_LENGTH = 1024;
export const IDLE_LOCK_CHOICES = [0, 5, 10, 15, 30, 60, 120] as const;
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export const passphraseSchema = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, `Use at least ${PASSPHRASE_MIN_LENGTH} characters`)
  .max(PASSPHRASE_MAX_LENGTH, `Use at most ${PASSPHRASE_MAX_LENGTH} characters`);

/** A secret typed to unlock: the passphrase or the recovery key. Not trimmed: spaces may be part of a passphrase. */
export const secretSchema = z.string().min(1, 'Enter your passphrase or recovery key').max(PASSPHRASE_MAX_LENGTH);

export const idleLockSchema = z
  .number()
  .int()
  .refine((m) => (IDLE_LOCK_CHOICES as readonly number[]).includes(m), 'Choose one of the offered times');

export type PassphraseStrength = { score: 0 | 1 | 2 | 3 | 4; label: string; hint: string };

const COMMON = ['password', 'passw0rd', 'qwerty', 'letmein', 'welcome', 'concordat', 'admin', '123456', 'iloveyou', 'monkey'];

/**
 * A rough strength hint, not a gate beyond the minimum length: it rewards length and unrelated
 * words far more than symbol swaps, because a long phrase is both stronger and easier to remember.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const p = passphrase.normalize('NFC');
  if (p.length === 0) return { score: 0, label: 'Empty', hint: `Use at least ${PASSPHRASE_MIN_LENGTH} characters.` };
  const lower = p.toLowerCase();
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((r) => r.test(p)).length;
  const words = lower.split(/[\s\-_.,]+/).filter((w) => w.length >= 3);
  const distinctChars = new Set(lower).size;
  let bits = Math.min(p.length, 64) * (classes >= 3 ? 3.5 : classes === 2 ? 2.8 : 2.2);
  if (new Set(words).size >= 3) bits += 15;
  if (distinctChars < 6) bits = Math.min(bits, 20);
  if (COMMON.some((c) => lower.includes(c))) bits -= 25;
  if (/(.)\1{3,}/.test(p) || /(0123|1234|2345|3456|4567|5678|6789|abcd|qwer)/.test(lower)) bits -= 15;

  if (p.length < PASSPHRASE_MIN_LENGTH)
    return { score: 0, label: 'Too short', hint: `Use at least ${PASSPHRASE_MIN_LENGTH} characters.` };
  if (bits < 35) return { score: 1, label: 'Weak', hint: 'Easy to guess. Try three or four unrelated words.' };
  if (bits < 50) return { score: 2, label: 'Fair', hint: 'Add another unrelated word to make it stronger.' };
  if (bits < 70) return { score: 3, label: 'Good', hint: 'A good passphrase. One more word makes it strong.' };
  return { score: 4, label: 'Strong', hint: 'A strong passphrase.' };
}

/** Crockford base32: no I, L, O or U, so a key copied by hand is hard to get wrong. */
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 32 characters of base32 = 160 random bits. */
export const RECOVERY_KEY_LENGTH = 32;

/** Upper-case, drop spaces and dashes, and read look-alike letters as the digits they stand for. */
export function normaliseRecoveryKey(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function looksLikeRecoveryKey(text: string): boolean {
  const n = normaliseRecoveryKey(text);
  return n.length === RECOVERY_KEY_LENGTH && [...n].every((c) => RECOVERY_ALPHABET.includes(c));
}

/** Groups of four separated by dashes: "7K3M-…" (eight groups). */
export function formatRecoveryKey(key: string): string {
  return (normaliseRecoveryKey(key).match(/.{1,4}/g) ?? []).join('-');
}
