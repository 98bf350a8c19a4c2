/** Size limits enforced by the contract. Long text allows a 100,000-character clause with room to spare. */
export const LIMITS = {
  shortText: 200,
  mediumText: 2_000,
  longText: 200_000,
  email: 254,
  listItems: 5_000,
  importText: 50_000_000,
} as const;
