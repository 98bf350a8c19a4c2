import type { SectorKey } from './sectors';

/*
 * A first guess at an organisation's sector from its name and a contact's email address, for the
 * import preview (the coordinator confirms or changes it). Pure: no lookups. Rules are tried in
 * order, most specific first, names before email domains; no match means no guess.
 */

type Rule = { sector: SectorKey; name?: RegExp; domain?: RegExp };

const RULES: readonly Rule[] = [
  { sector: 'iasc', name: /independent anti[- ]slavery commissioner/i },
  {
    sector: 'pcc',
    name: /police,? (fire )?(and|&) crime commissioner|\bo?pcc\b|\bpfcc\b/i,
    domain: /(^|\.)o?p(f)?cc\b|\bopcc\./i,
  },
  {
    sector: 'fair-work-agency',
    name: /fair work agency|\bglaa\b|gangmasters|labour abuse authority|employment agency standards|\beas inspectorate\b/i,
    domain: /(^|\.)(gla|glaa|fairworkagency|fwa)\.(gov|gsi\.gov)\.uk$/i,
  },
  { sector: 'salvation-army', name: /salvation army/i, domain: /(^|\.)salvationarmy\.org\.uk$/i },
  { sector: 'probation', name: /probation/i, domain: /(^|\.)(probation|justice)\.gov\.uk$/i },
  { sector: 'dwp', name: /\bdwp\b|department for work (and|&) pensions/i, domain: /(^|\.)dwp\.gov\.uk$/i },
  { sector: 'jobcentre', name: /job ?centre/i },
  { sector: 'hmrc', name: /\bhmrc\b|hm revenue/i, domain: /(^|\.)hmrc\.gov\.uk$/i },
  { sector: 'immigration-enforcement', name: /immigration enforcement/i },
  { sector: 'border-force', name: /border force/i },
  { sector: 'nca', name: /national crime agency|\bnca\b/i, domain: /(^|\.)nca\.gov\.uk$/i },
  { sector: 'cps', name: /crown prosecution|\bcps\b/i, domain: /(^|\.)cps\.gov\.uk$/i },
  { sector: 'fire', name: /\bfire\b/i, domain: /fire|(^|\.)[a-z]*f(r|&r)s\.(gov|org)\.uk$/i },
  { sector: 'police', name: /\bpolice\b|constabulary/i, domain: /(^|\.)police\.uk$/i },
  {
    sector: 'nhs',
    name: /\bnhs\b|hospital|integrated care|\bicb\b|health (and care )?trust|foundation trust|ambulance|\bgp\b|surgery|medical practice/i,
    domain: /(^|\.)nhs\.(net|uk)$/i,
  },
  { sector: 'safeguarding-boards', name: /safeguarding (adults )?(board|partnership)/i },
  { sector: 'csp', name: /community safety partnership|\bcsp\b/i },
  { sector: 'la-trading-standards', name: /trading standards/i },
  { sector: 'la-environmental-health', name: /environmental health/i },
  { sector: 'la-licensing', name: /licensing/i },
  { sector: 'la-housing', name: /\bhousing\b/i },
  { sector: 'la-planning', name: /\bplanning\b/i },
  {
    sector: 'la-safeguarding',
    name: /(council|local authority).*(safeguarding|social care|social services)|adult social care|children'?s services/i,
  },
  { sector: 'iasc', domain: /(^|\.)antislaverycommissioner\.co\.uk$/i },
  { sector: 'trade-union', name: /\bunion\b|\bunison\b|\bunite\b|\bgmb\b|\btuc\b|\busdaw\b/i },
  { sector: 'faith', name: /church|diocese|mosque|synagogue|gurdwara|temple|\bfaith\b|parish|christian|muslim|jewish/i },
  { sector: 'education', name: /university|college|\bschool\b|academy/i, domain: /\.(ac|sch)\.uk$/i },
  { sector: 'recruitment', name: /recruitment|staffing|employment agency/i },
  {
    sector: 'business',
    name: /chamber of commerce|federation of small businesses|\bfsb\b|business (association|forum|improvement district)/i,
  },
  {
    sector: 'ngo-national',
    name: /\bunseen\b|hope for justice|stop the traffik|justice and care|medaille trust|migrant help|kalayaan|\bcausey\b|red cross|barnardo|\bnspcc\b|\becpat\b|anti[- ]slavery international|\bflex\b|focus on labour exploitation/i,
  },
  {
    sector: 'la-community-safety',
    name: /\bcouncil\b|borough|local authority|unitary authority|combined authority/i,
    domain: /(^|\.)[a-z-]+\.gov\.uk$/i,
  },
  { sector: 'ngo-local', name: /\bcharity\b|\bcharitable\b|\bcic\b|\btrust\b|foundation|\bproject\b|refuge/i },
];

export type SectorGuess = { sector: SectorKey; from: 'name' | 'email' };

/** The sector an organisation's name or a contact's email domain suggests, or null. */
export function guessSector(organisationName: string, email = ''): SectorGuess | null {
  const name = organisationName.trim();
  const domain = (email.trim().split('@')[1] ?? '').toLowerCase();
  if (name !== '') {
    for (const r of RULES) if (r.name?.test(name)) return { sector: r.sector, from: 'name' };
  }
  if (domain !== '') {
    for (const r of RULES) if (r.domain?.test(domain)) return { sector: r.sector, from: 'email' };
  }
  return null;
}

export const inferSector = (organisationName: string, email = ''): SectorKey | null =>
  guessSector(organisationName, email)?.sector ?? null;
