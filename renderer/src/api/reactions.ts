/**
 * What a screen does once a change it asked for is saved or refused: a message, a reset, a
 * navigation. An area's mutations.ts makes the call and keeps that area's cache right first, then
 * runs these, so the screen keeps only its messages, navigation and form state.
 */
export type Reactions<R, V = void> = {
  onSuccess?: (result: R, vars: V) => unknown;
  onError?: (error: Error, vars: V) => unknown;
};
