import { z } from 'zod';
import { LIMITS } from '../limits';

/*
 * Control characters are refused in every text field: a NUL makes SQLite's length() stop short (so a
 * CHECK fails inside the store), and BEL, ESC or a bare CR end up in exports. Single-line text allows
 * none; multi-line text keeps tab, line feed and carriage return.
 */
// eslint-disable-next-line no-control-regex
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const hasControlCharacters = (value: string, multiLine: boolean): boolean =>
  (multiLine ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value);
const controlMessage = (label: string) => `${label} contains a control character that cannot be stored`;

/** Text with a bounded length, trimmed. Oversized text is refused, never silently cut. */
export const shortText = (label: string) =>
  z
    .string()
    .trim()
    .max(LIMITS.shortText, `${label} must be at most ${LIMITS.shortText} characters`)
    .refine((v) => !hasControlCharacters(v, false), controlMessage(label));
export const mediumText = (label: string) =>
  z
    .string()
    .max(LIMITS.mediumText, `${label} must be at most ${LIMITS.mediumText} characters`)
    .refine((v) => !hasControlCharacters(v, true), controlMessage(label));
export const longText = (label: string) =>
  z
    .string()
    .max(LIMITS.longText, `${label} must be at most ${LIMITS.longText} characters`)
    .refine((v) => !hasControlCharacters(v, true), controlMessage(label));

export const emailOrEmpty = z
  .string()
  .trim()
  .max(LIMITS.email)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an email address like name@example.org')
  .refine((v) => !hasControlCharacters(v, false), controlMessage('The email address'));

export const id = z.number().int().positive();
export const emptyRequest = z.object({}).strict();

/** A channel: the zod schema of its request and, as a phantom, the type of its reply. */
export type ChannelDef<Req extends z.ZodType, Res> = { request: Req; response?: Res };
export const channel = <Req extends z.ZodType, Res>(request: Req): ChannelDef<Req, Res> => ({ request });
