/** The named data-set scales. Each feature fills its own part as its tables arrive. */
export type Scale = { organisations: number; contacts: number; meetings: number; actions: number; documents: number };

export const SCALES: Record<string, Scale> = {
  default: { organisations: 5_000, contacts: 50_000, meetings: 2_000, actions: 20_000, documents: 1_000 },
  small: { organisations: 500, contacts: 5_000, meetings: 200, actions: 2_000, documents: 100 },
  tiny: { organisations: 50, contacts: 500, meetings: 20, actions: 200, documents: 10 },
};
