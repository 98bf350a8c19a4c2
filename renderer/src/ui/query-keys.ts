/** Query keys shared by every area (the partnership's settings are read by the shell, documents and meetings). */
export const sharedKeys = {
  settings: () => ['settings'] as const,
};
