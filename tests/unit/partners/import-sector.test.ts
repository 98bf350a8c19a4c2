import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/contract/partners';
import { createTestApp } from '../../helpers/db';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const CSV = [
  'Name,Organisation,Job title,Email,Sector',
  'Asha Patel,Northshire Police,DI,asha@northshire.police.uk,',
  'Jo Khan,GLAA,Investigator,jo@gla.gov.uk,',
  'Sam Reid,Northshire Hospitals NHS Trust,Safeguarding Lead,sam@nhs.net,',
  'Mo Ali,Team North,Officer,mo@dwp.gov.uk,',
  'Kit Lowe,Acme Ltd,Manager,kit@acme.example,',
  'Di Fox,Friends Group,Chair,di@friends.example,Faith group',
].join('\n');

describe('import: sector inferred for the coordinator to confirm, membership theirs to choose', () => {
  it('previews each new organisation with its guessed sector and no membership', async () => {
    const r = await app.dispatch('partners.importPreview', { text: CSV });
    expect(r.ok).toBe(true);
    const p = (r as { value: ImportPreview }).value;
    expect(p.organisationsToCreate).toEqual([
      { name: 'Northshire Police', sector: 'police', sectorFrom: 'name', membership: null },
      { name: 'GLAA', sector: 'fair-work-agency', sectorFrom: 'name', membership: null },
      { name: 'Northshire Hospitals NHS Trust', sector: 'nhs', sectorFrom: 'name', membership: null },
      { name: 'Team North', sector: 'dwp', sectorFrom: 'email', membership: null },
      { name: 'Acme Ltd', sector: 'other', sectorFrom: null, membership: null },
      { name: 'Friends Group', sector: 'faith', sectorFrom: 'file', membership: null },
    ]);
  });

  it('creates the organisations with the sector and membership the coordinator confirmed', async () => {
    const preview = (await app.dispatch('partners.importPreview', { text: CSV })) as { value: ImportPreview };
    const r = await app.dispatch('partners.importCommit', {
      text: CSV,
      mapping: preview.value.mapping,
      skipBadRows: false,
      organisations: {
        'northshire police': { sector: 'police', membership: 'core' },
        glaa: { sector: 'fair-work-agency', membership: 'associate' },
        'acme ltd': { sector: 'business', membership: 'observer' },
      },
    });
    expect(r.ok).toBe(true);
    const rows = app.db.prepare('SELECT name, sector, membership FROM organisations ORDER BY id').all();
    expect(rows).toEqual([
      { name: 'Northshire Police', sector: 'police', membership: 'core' },
      { name: 'GLAA', sector: 'fair-work-agency', membership: 'associate' },
      // Not confirmed (an older caller): still the guessed sector, not "other".
      { name: 'Northshire Hospitals NHS Trust', sector: 'nhs', membership: 'core' },
      { name: 'Team North', sector: 'dwp', membership: 'core' },
      { name: 'Acme Ltd', sector: 'business', membership: 'observer' },
      { name: 'Friends Group', sector: 'faith', membership: 'core' },
    ]);
  });
});
