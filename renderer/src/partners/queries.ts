/**
 * Every partners query key starts with 'partners', so one invalidation after a save refreshes the
 * lists, the counts and the open record together.
 */
export const partnerKeys = {
  all: ['partners'] as const,
  counts: ['partners', 'counts'] as const,
  coverage: ['partners', 'coverage'] as const,
  search: (query: string) => ['partners', 'search', query] as const,
  people: (request: unknown) => ['partners', 'people', request] as const,
  organisations: (request: unknown) => ['partners', 'organisations', request] as const,
  person: (id: number) => ['partners', 'person', id] as const,
  erasurePreview: (id: number) => ['partners', 'person', id, 'erasure-preview'] as const,
  organisation: (id: number) => ['partners', 'organisation', id] as const,
  lookup: (query: string) => ['partners', 'lookup', query] as const,
  impact: (kind: 'organisation' | 'person', id: number) => ['partners', kind, id, 'impact'] as const,
};
