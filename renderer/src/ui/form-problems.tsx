import { Notice } from './notice';

/**
 * The schema's messages for fields that cannot show one under themselves (a directory picker, a
 * native select), after a submit, so a refused form always says why.
 */
export function FormProblems({ messages }: { messages: readonly (string | undefined)[] }) {
  const shown = messages.filter((m): m is string => Boolean(m));
  return shown.length > 0 ? <Notice tone="error">{shown.join(' ')}</Notice> : null;
}
