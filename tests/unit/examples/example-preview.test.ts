import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { examplePreview } from '../../../shared/documents/example-values';
import { resolve } from '../../../shared/documents/resolve';
import { templateSchema } from '../../../shared/documents/template-schema';
import { examplePartnershipSchema } from '../../../shared/examples/example-partnership';
import { treeToText } from '../../../shared/documents/text';

describe('template editor preview', () => {
  it.each(['information-sharing-agreement', 'terms-of-reference'])(
    'prints %s example organisations and contacts by name, with no gaps',
    (key) => {
      const template = templateSchema.parse(JSON.parse(fs.readFileSync(`resources/templates/${key}.json`, 'utf8')));
      const { people } = examplePartnershipSchema.parse(
        JSON.parse(fs.readFileSync('resources/examples/northshire.json', 'utf8')),
      );
      const { values, directory } = examplePreview(template, people);
      const tree = resolve(template, values, {
        partnership: {
          name: 'Northshire Anti-Slavery Partnership',
          area: 'Northshire',
          coordinatorName: '',
          coordinatorEmail: '',
        },
        document: {
          title: template.title,
          version: '1.0',
          date: '2026-11-25',
          marking: 'OFFICIAL',
          reviewDate: '2027-11-25',
          status: 'Draft',
        },
        directory,
        includeGuidance: false,
      });
      const text = treeToText(tree);
      expect(text).not.toContain('[not yet given');
      expect(text).toContain('Northshire Police');
      if (key === 'information-sharing-agreement') expect(text).toContain('Detective Inspector, Modern Slavery Lead');
    },
  );
});
