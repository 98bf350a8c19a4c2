/** Query keys for the Settings screen's own records (privacy keys live in privacy/queries.ts). */
export const settingsKeys = {
  settings: ['settings'] as const,
  appInfo: ['app-info'] as const,
  backups: ['backups'] as const,
  /** The coordinator's directory record and the search for them (under 'directory', refreshed with it). */
  directoryAll: ['directory'] as const,
  coordinator: (personId: number | null) => ['directory', 'person', personId] as const,
  coordinatorSearch: (query: string) => ['directory', 'people', query] as const,
};
