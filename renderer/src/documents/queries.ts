import { call } from '../api/client';
import type { PickerSource } from '../ui/directory-picker';
import type { DirectoryCache } from './directory-cache';
import { settingsKeys } from '../settings/queries';

/** Query keys for the Documents area: every key starts with 'documents'. */
export const documentKeys = {
  all: ['documents'] as const,
  list: () => ['documents', 'list'] as const,
  detail: (id: number) => ['documents', id] as const,
  templates: () => ['documents', 'templates'] as const,
  template: (key: string) => ['documents', 'template', key] as const,
  filtered: (filter: object) => ['documents', 'list', filter] as const,
  matrix: () => ['documents', 'matrix'] as const,
  checksStored: () => ['documents', 'checks', 'stored'] as const,
  versions: (id: number, count: number) => ['documents', id, 'versions', count] as const,
  version: (id: number, n: number | null) => ['documents', id, 'version', n] as const,
  diff: (id: number, comparing: unknown, revision: number) => ['documents', id, 'diff', comparing, revision] as const,
  templateStatus: (id: number) => ['documents', id, 'templateStatus'] as const,
  directory: (kind: 'organisations' | 'contacts') => ['documents', 'directory', kind] as const,
  resolve: (key: string) => ['documents', 'directory', 'resolve', key] as const,
  history: (id: number) => ['documents', id, 'history'] as const,
  settings: () => settingsKeys.settings,
};

/** Directory search for a document's pickers; what is found is remembered for the preview. */
export function directorySource(kind: 'organisations' | 'contacts', dir: Pick<DirectoryCache, 'remember'>): PickerSource {
  return {
    noun: kind,
    key: documentKeys.directory(kind),
    search: async (query) => {
      if (kind === 'organisations') {
        const orgs = await call('directory.organisations.search', { query, limit: 20 });
        dir.remember(orgs, []);
        return orgs.map((o) => ({ id: o.id, name: o.name, detail: '' }));
      }
      const cs = await call('directory.contacts.search', { query, limit: 20 });
      dir.remember([], cs);
      return cs.map((c) => ({ id: c.id, name: c.name, detail: [c.jobTitle || 'no job title', c.organisation].join(', ') }));
    },
  };
}
