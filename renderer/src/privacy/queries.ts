/** Every privacy query key starts with 'privacy', so recording a request refreshes its log and the activity. */
export const privacyKeys = {
  all: ['privacy'] as const,
  requests: ['privacy', 'requests'] as const,
  retention: ['privacy', 'retention'] as const,
  retentionRules: ['privacy', 'retention', 'rules'] as const,
  retentionDue: ['privacy', 'retention', 'due'] as const,
  activity: (filter: unknown, limit: number) => ['privacy', 'activity', filter, limit] as const,
};
