/** Query keys for the Toolkit area: every key starts with 'toolkit', so one invalidation refreshes the area. */
export const toolkitKeys = {
  all: ['toolkit'] as const,
  assessments: () => ['toolkit', 'assessments'] as const,
  assessment: (id: number) => ['toolkit', 'assessment', id] as const,
  evidence: () => ['toolkit', 'evidence'] as const,
  trainingMatrix: () => ['toolkit', 'training', 'matrix'] as const,
  courses: () => ['toolkit', 'training', 'courses'] as const,
  trainingRecords: () => ['toolkit', 'training', 'records'] as const,
  resources: (request: object) => ['toolkit', 'resources', request] as const,
  resourcesByUids: (uids: readonly string[]) => ['toolkit', 'resources', 'byUids', uids] as const,
  /** Library search inside a picker: "answer" (a checklist answer's evidence) or "newsletter". */
  resourcePick: (purpose: 'answer' | 'newsletter', text: string) => ['toolkit', 'resources', `${purpose}-pick`, text] as const,
  law: () => ['toolkit', 'law'] as const,
  newsletters: () => ['toolkit', 'newsletters'] as const,
  newsletterSuggestions: () => ['toolkit', 'newsletters', 'suggest'] as const,
  newsletter: (id: number | null) => ['toolkit', 'newsletter', id] as const,
};
