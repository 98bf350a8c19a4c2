/**
 * What a screen does once a change is saved or refused: a message, a reset, a navigation. An
 * area's mutations.ts makes the call and keeps the cache right, then runs these.
 */
export type Reactions<D, V = void> = {
  onSuccess?: (data: D, variables: V) => void;
  onError?: (error: Error, variables: V) => void;
};
