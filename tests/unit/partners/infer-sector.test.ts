import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessSector, inferSector } from '../../../shared/partners/infer-sector';
import { SECTOR_KEYS } from '../../../shared/partners/sectors';

describe('sector guessed from an organisation name or email domain', () => {
  it.each([
    ['Northshire Police', '', 'police'],
    ['Northshire Constabulary', '', 'police'],
    ['Office of the Police and Crime Commissioner for Northshire', '', 'pcc'],
    ['Northshire Fire and Rescue Service', '', 'fire'],
    ['GLAA', '', 'fair-work-agency'],
    ['Gangmasters and Labour Abuse Authority', '', 'fair-work-agency'],
    ['Fair Work Agency', '', 'fair-work-agency'],
    ['The Salvation Army', '', 'salvation-army'],
    ['Probation Service, North East', '', 'probation'],
    ['DWP Northshire', '', 'dwp'],
    ['Department for Work and Pensions', '', 'dwp'],
    ['Northshire Hospitals NHS Foundation Trust', '', 'nhs'],
    ['Northshire Integrated Care Board', '', 'nhs'],
    ['Northshire County Council', '', 'la-community-safety'],
    ['Northshire Council Trading Standards', '', 'la-trading-standards'],
    ['Eastborough Borough Council Housing', '', 'la-housing'],
    ['HMRC', '', 'hmrc'],
    ['Home Office Immigration Enforcement', '', 'immigration-enforcement'],
    ['National Crime Agency', '', 'nca'],
    ['Crown Prosecution Service', '', 'cps'],
    ['Unseen UK', '', 'ngo-national'],
    ['St Mary’s Church', '', 'faith'],
    ['Northshire College', '', 'education'],
  ])('%s → %s', (name, email, sector) => {
    expect(inferSector(name, email)).toBe(sector);
    expect(guessSector(name, email)?.from).toBe('name');
  });

  it.each([
    ['Team A', 'a.b@northshire.police.uk', 'police'],
    ['Ward 3', 'x@nhs.net', 'nhs'],
    ['Team G', 'x@practice.nhs.uk', 'nhs'],
    ['Team B', 'x@dwp.gov.uk', 'dwp'],
    ['Team C', 'x@northshire.gov.uk', 'la-community-safety'],
    ['Team D', 'x@northshirefire.gov.uk', 'fire'],
    ['Team E', 'x@salvationarmy.org.uk', 'salvation-army'],
    ['Team F', 'x@justice.gov.uk', 'probation'],
  ])('%s <%s> → %s (from the email domain)', (name, email, sector) => {
    expect(guessSector(name, email)).toEqual({ sector, from: 'email' });
  });

  it('makes no guess when nothing matches', () => {
    expect(inferSector('Acme Ltd', 'someone@acme.example')).toBeNull();
    expect(inferSector('', '')).toBeNull();
  });

  it('only guesses sectors the directory has', () => {
    const source = readFileSync(join(__dirname, '../../../shared/partners/infer-sector.ts'), 'utf8');
    const used = [...source.matchAll(/sector: '([a-z-]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) expect(SECTOR_KEYS).toContain(key);
  });
});
