import { ApiError } from '../api/client';

/**
 * The one way the interface turns a failure into words. A refusal from main carries its own
 * message; anything else falls back to what the screen was trying to do.
 */
export function errorText(error: unknown, fallback = 'Something went wrong.'): string {
  if (error instanceof ApiError) return error.message;
  return fallback;
}

/** The message with the refusal's details (which lines of an import, which fields) run on after it. */
export function errorWithDetails(error: unknown, fallback = 'Something went wrong.'): string {
  if (error instanceof ApiError) return error.details.length > 0 ? `${error.message} ${error.details.join(' ')}` : error.message;
  return error instanceof Error && error.message ? error.message : fallback;
}

/** True when main refused a save because the record changed since the screen read it. */
export const isStale = (error: unknown): boolean => error instanceof ApiError && error.code === 'stale';

export function ErrorDetails({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.details.length === 0) return null;
  return (
    <ul className="error-details">
      {error.details.map((d) => (
        <li key={d}>{d}</li>
      ))}
    </ul>
  );
}
