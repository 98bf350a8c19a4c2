/**
 * The sectors an organisation can belong to: the bodies a local partnership typically convenes
 * (see the project's sector facts), plus "other". Keys are stored in organisations.sector and never
 * renamed; labels may change.
 */
export const SECTORS = [
  { key: 'police', label: 'Police force' },
  { key: 'pcc', label: "Police and Crime Commissioner's office" },
  { key: 'la-community-safety', label: 'Local authority: community safety' },
  { key: 'la-safeguarding', label: "Local authority: adult and children's safeguarding" },
  { key: 'la-housing', label: 'Local authority: housing' },
  { key: 'la-licensing', label: 'Local authority: licensing' },
  { key: 'la-environmental-health', label: 'Local authority: environmental health' },
  { key: 'la-trading-standards', label: 'Local authority: trading standards' },
  { key: 'la-planning', label: 'Local authority: planning' },
  { key: 'csp', label: 'Community Safety Partnership' },
  { key: 'safeguarding-boards', label: "Safeguarding Adults Board or children's safeguarding partnership" },
  { key: 'nhs', label: 'NHS (integrated care board, hospital trust, GP, ambulance)' },
  { key: 'fire', label: 'Fire and rescue service' },
  {
    key: 'fair-work-agency',
    label: 'Fair Work Agency (formerly GLAA, Employment Agency Standards Inspectorate and HMRC minimum wage enforcement)',
  },
  // The Fair Work Agency took over these bodies' labour-market enforcement from April 2026; records
  // made before then keep their key and show the new name with the former body in brackets.
  { key: 'glaa', label: 'Fair Work Agency (formerly Gangmasters and Labour Abuse Authority, GLAA)' },
  { key: 'hmrc', label: 'HMRC' },
  { key: 'eas', label: 'Fair Work Agency (formerly Employment Agency Standards Inspectorate)' },
  { key: 'immigration-enforcement', label: 'Home Office Immigration Enforcement' },
  { key: 'border-force', label: 'Border Force' },
  { key: 'nca', label: 'National Crime Agency' },
  { key: 'cps', label: 'Crown Prosecution Service' },
  { key: 'probation', label: 'Probation' },
  { key: 'dwp', label: 'Department for Work and Pensions' },
  { key: 'jobcentre', label: 'Jobcentre Plus' },
  { key: 'salvation-army', label: 'The Salvation Army or a victim care subcontractor' },
  { key: 'ngo-national', label: 'Charity or NGO: national, with a local presence' },
  { key: 'ngo-local', label: 'Charity or NGO: local' },
  { key: 'faith', label: 'Faith group' },
  { key: 'trade-union', label: 'Trade union' },
  { key: 'business', label: 'Business association or major local employer' },
  { key: 'recruitment', label: 'Recruitment agency' },
  { key: 'education', label: 'Education provider' },
  { key: 'iasc', label: "Independent Anti-Slavery Commissioner's office" },
  { key: 'other', label: 'Other' },
] as const;

export type SectorKey = (typeof SECTORS)[number]['key'];
export const SECTOR_KEYS = SECTORS.map((s) => s.key) as [SectorKey, ...SectorKey[]];

const sectorLabels = new Map<string, string>(SECTORS.map((s) => [s.key, s.label]));
export const sectorLabel = (key: string): string => sectorLabels.get(key) ?? 'Other';

/** Find a sector from text a person typed or a spreadsheet held: a key or a label, any case. */
export function sectorFromText(text: string): SectorKey | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const hit = SECTORS.find((s) => s.key === t || s.label.toLowerCase() === t);
  return hit ? hit.key : null;
}

/**
 * The membership sectors of the partnership checklist's question 2, each with the directory sectors
 * that count towards it. Used by the sector coverage view.
 */
export const CHECKLIST_SECTORS: readonly { key: string; label: string; sectors: readonly SectorKey[] }[] = [
  { key: 'police', label: 'Police', sectors: ['police'] },
  { key: 'pcc', label: "Police and Crime Commissioner's office", sectors: ['pcc'] },
  {
    key: 'local-authority',
    label: 'Local authority services (social care, safeguarding, housing, emergency planning, environmental health)',
    sectors: [
      'la-community-safety',
      'la-safeguarding',
      'la-housing',
      'la-licensing',
      'la-environmental-health',
      'la-planning',
      'safeguarding-boards',
    ],
  },
  { key: 'fire', label: 'Fire and rescue', sectors: ['fire'] },
  { key: 'glaa', label: 'Fair Work Agency (formerly GLAA)', sectors: ['fair-work-agency', 'glaa', 'eas'] },
  { key: 'dwp', label: 'DWP', sectors: ['dwp', 'jobcentre'] },
  { key: 'nhs', label: 'NHS', sectors: ['nhs'] },
  { key: 'immigration-enforcement', label: 'Immigration Enforcement', sectors: ['immigration-enforcement'] },
  { key: 'probation', label: 'Probation', sectors: ['probation'] },
  { key: 'hmrc', label: 'HMRC', sectors: ['hmrc'] },
  { key: 'border-force', label: 'Border Force', sectors: ['border-force'] },
  { key: 'trading-standards', label: 'Trading Standards', sectors: ['la-trading-standards'] },
  { key: 'faith', label: 'Faith representatives', sectors: ['faith'] },
  {
    key: 'national-ngo',
    label: 'National NGOs with a local presence (for example Red Cross, Salvation Army)',
    sectors: ['ngo-national', 'salvation-army'],
  },
  { key: 'local-ngo', label: 'Local NGOs', sectors: ['ngo-local'] },
  { key: 'business', label: 'Business partners (for example the chamber of commerce)', sectors: ['business', 'recruitment'] },
];

export const MEMBERSHIPS = [
  { key: 'core', label: 'Core member' },
  { key: 'associate', label: 'Associate' },
  { key: 'observer', label: 'Observer' },
  { key: 'former', label: 'Former member' },
] as const;
export type Membership = (typeof MEMBERSHIPS)[number]['key'];
export const MEMBERSHIP_KEYS = MEMBERSHIPS.map((m) => m.key) as [Membership, ...Membership[]];
export const membershipLabel = (key: string): string => MEMBERSHIPS.find((m) => m.key === key)?.label ?? key;

export function membershipFromText(text: string): Membership | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const hit = MEMBERSHIPS.find((m) => m.key === t || m.label.toLowerCase() === t || (m.key === 'core' && t === 'core member'));
  return hit ? hit.key : null;
}

export const FOUR_PS = [
  { key: 'pursue', label: 'Pursue' },
  { key: 'prevent', label: 'Prevent' },
  { key: 'protect', label: 'Protect' },
  { key: 'prepare', label: 'Prepare' },
] as const;
