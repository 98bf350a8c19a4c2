/** Government Security Classifications: partnership documents are OFFICIAL, some marked OFFICIAL-SENSITIVE. */
export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type ProtectiveMarking = (typeof PROTECTIVE_MARKINGS)[number];
