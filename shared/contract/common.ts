import { z } from 'zod';
import { LIMITS } from '../limits';

/** Text with a bounded length, trimmed. Oversized text is refused, never silently cut. */
export const shortText = (label: string) =>
  z.string().trim().max(LIMITS.shortText, `${label} must be at most ${LIMITS.shortText} characters`);
export const mediumText = (label: string) =>
  z.string().max(LIMITS.mediumText, `${label} must be at most ${LIMITS.mediumText} characters`);
export const longText = (label: string) =>
  z.string().max(LIMITS.longText, `${label} must be at most ${LIMITS.longText} characters`);

export const emailOrEmpty = z
  .string()
  .trim()
  .max(LIMITS.email)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an email address like name@example.org');

export const id = z.number().int().positive();
export const emptyRequest = z.object({}).strict();

/** A channel: the zod schema of its request and, as a phantom, the type of its reply. */
export type ChannelDef<Req extends z.ZodType, Res> = { request: Req; response?: Res };
export const channel = <Req extends z.ZodType, Res>(request: Req): ChannelDef<Req, Res> => ({ request });
