/**
 * What a screen does once a change it asked for is answered or refused. An area's mutation hooks
 * (meetings/mutations.ts, documents/mutations.ts) refresh that area's queries first, then call these,
 * so the screen keeps only its messages, navigation and form state.
 */
export type Reactions<R, V> = {
  onSuccess?: (result: R, vars: V) => unknown;
  onError?: (error: Error, vars: V) => unknown;
};
