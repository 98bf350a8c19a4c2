import { useQuery } from '@tanstack/react-query';
import { useExportDirectory } from './mutations';
import { partnerKeys } from './queries';
import type { ReactNode } from 'react';
import { useCallback, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { OrganisationListRequest, PersonListRequest } from '../../../shared/contract/partners';
import type { OrganisationRow, Page as RowsPage, PersonRow } from '../../../shared/partners/domain';
import type { Membership, SectorKey } from '../../../shared/partners/sectors';
import { MEMBERSHIPS, SECTORS, membershipLabel, sectorLabel } from '../../../shared/partners/sectors';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { LoadExampleButton } from '../ui/load-example';
import { EmptyState, Page } from '../ui/page';
import { Notice } from '../ui/notice';
import { useShortcut } from '../ui/shortcuts';
import { navigate, useRoute } from '../ui/router';
import { CheckboxField, SelectField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { CoverageView } from './coverage-view';
import { DetailSection } from './detail';
import { OrganisationForm, PersonForm } from './forms';
import { ImportWizard } from './import-wizard';
import { OrganisationPane } from './organisation-detail';
import type { Column } from '../ui/data-table';
import { PagedList } from '../ui/data-table';
import { PersonPane } from './person-detail';
import './partners.css';

type View = 'people' | 'organisations' | 'coverage' | 'import';
const VIEWS: { key: View; label: string }[] = [
  { key: 'people', label: 'People' },
  { key: 'organisations', label: 'Organisations' },
  { key: 'coverage', label: 'Sector coverage' },
  { key: 'import', label: 'Import' },
];

function parseRoute(route: string): { view: View; id: number | 'new' | null; mode: string | null } {
  const [, , v, id, mode] = route.split('/');
  const view = (VIEWS.some((x) => x.key === v) ? v : 'people') as View;
  return { view, id: id === 'new' ? 'new' : id && /^\d+$/.test(id) ? Number(id) : null, mode: mode ?? null };
}

const sectorOptions = [{ value: '', label: 'All sectors' }, ...SECTORS.map((s) => ({ value: s.key, label: s.label }))];
const membershipOptions = [{ value: '', label: 'Any membership' }, ...MEMBERSHIPS.map((m) => ({ value: m.key, label: m.label }))];
const archivedOptions = [
  { value: 'active', label: 'Current' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'Current and archived' },
] as const;

export function PartnersScreen() {
  const route = useRoute();
  const { view, id, mode } = parseRoute(route);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const counts = useQuery({
    queryKey: partnerKeys.counts,
    queryFn: async () => ({
      organisations: (await call('partners.organisations.list', { archived: 'all', limit: 1 })).total,
      people: (await call('partners.people.list', { archived: 'all', limit: 1 })).total,
    }),
  });
  const exportCsv = useExportDirectory('csv', null, {
    onSuccess: (outcome) => setMessage({ tone: 'success', text: completeSave(outcome) }),
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not export the directory.') }),
  });
  const exportVcards = useExportDirectory('vcard', null, {
    onSuccess: (outcome) => setMessage({ tone: 'success', text: completeSave(outcome) }),
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not export the contacts.') }),
  });

  useShortcut(
    'f',
    useCallback(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    }, []),
  );
  useShortcut(
    'n',
    useCallback(() => navigate(view === 'organisations' ? '/partners/organisations/new' : '/partners/people/new'), [view]),
  );
  useShortcut(
    'e',
    useCallback(() => exportCsv.mutate(), [exportCsv]),
  );

  const empty = counts.data && counts.data.organisations === 0 && counts.data.people === 0;
  const toolbar = (
    <>
      <Button className="button primary" onPress={() => navigate('/partners/people/new')}>
        New person
      </Button>
      <Button className="button" onPress={() => navigate('/partners/organisations/new')}>
        New organisation
      </Button>
      <Button className="button" onPress={() => navigate('/partners/import')}>
        Import CSV
      </Button>
      <Button className="button" onPress={() => exportCsv.mutate()} isDisabled={Boolean(empty)}>
        Export CSV
      </Button>
      <Button className="button" onPress={() => exportVcards.mutate()} isDisabled={!counts.data?.people}>
        Export vCards
      </Button>
    </>
  );

  return (
    <Page title="Partners" actions={toolbar}>
      <div className="partners">
        <div className="search-bar">
          <input
            ref={searchRef}
            type="search"
            className="search-input"
            aria-label="Search partners"
            placeholder="Search names, job titles, organisations and emails (Ctrl+F)"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
            }}
          />
        </div>
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        <nav aria-label="Partner views" className="view-tabs">
          {VIEWS.map((v) => (
            <a key={v.key} href={`#/partners/${v.key}`} aria-current={v.key === view ? 'page' : undefined} className="view-tab">
              {v.label}
            </a>
          ))}
        </nav>
        {query.trim() !== '' ? (
          <SearchResults query={query} />
        ) : empty && id === null && view !== 'import' ? (
          <EmptyState
            title="Your partner directory is empty"
            action={
              <>
                <Button className="button primary" onPress={() => navigate('/partners/organisations/new')}>
                  Add an organisation
                </Button>
                <Button className="button" onPress={() => navigate('/partners/import')}>
                  Import from CSV
                </Button>
                <LoadExampleButton />
              </>
            }
          >
            <p>
              Start with the organisations in your partnership, then add the people who represent them and mark each
              organisation’s modern slavery single point of contact. If you keep contacts in Outlook or a spreadsheet, import them
              from a CSV file.
            </p>
            <p>
              To look around first, load the example partnership: invented organisations and people you can archive or erase
              later.
            </p>
          </EmptyState>
        ) : view === 'people' ? (
          <PeopleView id={id} mode={mode} />
        ) : view === 'organisations' ? (
          <OrganisationsView id={id} mode={mode} />
        ) : view === 'coverage' ? (
          <CoverageView />
        ) : (
          <ImportWizard />
        )}
      </div>
    </Page>
  );
}

function SearchResults({ query }: { query: string }) {
  const results = useQuery({
    queryKey: partnerKeys.search(query),
    queryFn: () => call('partners.search', { query: query.slice(0, 200), limit: 30 }),
    placeholderData: (prev) => prev,
    staleTime: 2_000,
  });
  const hits = results.data ?? [];
  const people = hits.filter((h) => h.kind === 'person').map((h) => h.id);
  const [saved, setSaved] = useState<string | null>(null);
  const vcards = useExportDirectory('vcard', people, {
    onSuccess: (outcome) => setSaved(completeSave(outcome)),
    onError: (e) => setSaved(errorText(e, 'Could not export the contacts.')),
  });
  return (
    <section className="search-results" aria-labelledby="search-title">
      <div className="search-results-head">
        <h2 id="search-title">Search results</h2>
        {people.length > 0 ? (
          <Button className="button small" onPress={() => vcards.mutate()}>
            Export {people.length === 1 ? 'this person' : `these ${people.length} people`} as vCards
          </Button>
        ) : null}
      </div>
      {saved ? <Notice tone="info">{saved}</Notice> : null}
      <p className="list-count" aria-live="polite">
        {results.isError
          ? errorText(results.error, 'Search failed.')
          : results.data
            ? hits.length === 30
              ? 'Showing the best 30 matches'
              : `${hits.length} found`
            : 'Searching…'}
      </p>
      <ul aria-label="Search results" data-query={results.data && !results.isPlaceholderData ? query : undefined}>
        {hits.map((h) => (
          <li key={`${h.kind}-${h.id}`}>
            <a href={`#/partners/${h.kind === 'person' ? 'people' : 'organisations'}/${h.id}`}>
              <span className="hit-kind">{h.kind === 'person' ? 'Person' : 'Organisation'}</span>
              <span className="hit-name">{h.name}</span>
              {h.archived ? <span className="tag">Archived</span> : null}
              <span className="hit-detail">{[h.detail, h.email].filter(Boolean).join(' · ')}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

const peopleColumns: Column<PersonRow>[] = [
  { key: 'name', label: 'Name', width: 'minmax(0, 1.3fr)', sortKey: 'name', render: (r) => <strong>{r.name}</strong> },
  { key: 'org', label: 'Organisation', width: 'minmax(0, 1.2fr)', render: (r) => r.organisations },
  { key: 'title', label: 'Job title', width: 'minmax(0, 1.2fr)', render: (r) => r.jobTitles },
  {
    key: 'flags',
    label: 'Status',
    width: 'minmax(0, 90px)',
    render: (r) => (
      <>
        {r.isSpoc ? <span className="tag spoc">SPOC</span> : null}
        {r.archived ? <span className="tag">Archived</span> : null}
      </>
    ),
  },
  {
    key: 'verified',
    label: 'Last verified',
    width: 'minmax(0, 110px)',
    sortKey: 'lastVerified',
    render: (r) => r.lastVerified ?? 'Never',
  },
];

function PeopleView({ id, mode }: { id: number | 'new' | null; mode: string | null }) {
  return (
    <DirectoryView<PersonRow, PersonFilters>
      id={id}
      kind="people"
      label="People"
      initial={{ sort: 'name', dir: 'asc', archived: 'active', spoc: false, unverified: false, sector: '', membership: '' }}
      flags={[
        { key: 'spoc', label: 'SPOCs only' },
        { key: 'unverified', label: 'Not verified for 12 months' },
      ]}
      queryKey={partnerKeys.people}
      fetchPage={(request, offset, limit) => call('partners.people.list', { ...request, offset, limit })}
      columns={peopleColumns}
      hiddenWithDetail={['title', 'verified']}
      empty={<p>Nobody matches these filters.</p>}
      newTitle="New person"
      newForm={<PersonForm id={null} done={(pid) => navigate(`/partners/people/${pid}`)} />}
      pane={(pid) => <PersonPane key={pid} id={pid} editing={mode === 'edit'} />}
    />
  );
}

const organisationColumns: Column<OrganisationRow>[] = [
  { key: 'name', label: 'Name', width: 'minmax(0, 1.5fr)', sortKey: 'name', render: (r) => <strong>{r.name}</strong> },
  { key: 'sector', label: 'Sector', width: 'minmax(0, 1.2fr)', sortKey: 'sector', render: (r) => sectorLabel(r.sector) },
  {
    key: 'membership',
    label: 'Membership',
    width: 'minmax(0, 1fr)',
    sortKey: 'membership',
    render: (r) => membershipLabel(r.membership),
  },
  { key: 'people', label: 'People', width: 'minmax(0, 60px)', render: (r) => r.people },
  {
    key: 'flags',
    label: 'Status',
    width: 'minmax(0, 120px)',
    render: (r) => (
      <>
        {r.hasSpoc ? <span className="tag spoc">SPOC</span> : <span className="tag warn">No SPOC</span>}
        {r.archived ? <span className="tag">Archived</span> : null}
      </>
    ),
  },
];

function OrganisationsView({ id, mode }: { id: number | 'new' | null; mode: string | null }) {
  return (
    <DirectoryView<OrganisationRow, OrganisationFilters>
      id={id}
      kind="organisations"
      label="Organisations"
      initial={{ sort: 'name', dir: 'asc', archived: 'active', missingSpoc: false, sector: '', membership: '' }}
      flags={[{ key: 'missingSpoc', label: 'No SPOC only' }]}
      queryKey={partnerKeys.organisations}
      fetchPage={(request, offset, limit) => call('partners.organisations.list', { ...request, offset, limit })}
      columns={organisationColumns}
      hiddenWithDetail={['sector', 'people']}
      empty={<p>No organisation matches these filters.</p>}
      newTitle="New organisation"
      newForm={<OrganisationForm id={null} done={(oid) => navigate(`/partners/organisations/${oid}`)} />}
      pane={(oid) => (
        <OrganisationPane key={oid} id={oid} mode={mode === 'edit' ? 'edit' : mode === 'add-person' ? 'add-person' : 'view'} />
      )}
    />
  );
}

type ListFilters = {
  sort: string;
  dir: 'asc' | 'desc';
  archived: (typeof archivedOptions)[number]['value'];
  sector: string;
  membership: string;
};
type PersonFilters = Required<Pick<PersonListRequest, 'sort' | 'dir' | 'archived' | 'spoc' | 'unverified'>> & ListFilters;
type OrganisationFilters = Required<Pick<OrganisationListRequest, 'sort' | 'dir' | 'archived' | 'missingSpoc'>> & ListFilters;
/** What the list asks main for: the filters, with no sector or membership chosen as null. */
type ListRequest<F> = Omit<F, 'sector' | 'membership'> & { sector: SectorKey | null; membership: Membership | null };
type BooleanKey<F> = { [K in keyof F]: F[K] extends boolean ? K : never }[keyof F] & string;

/**
 * A directory list (people or organisations) with its filters and sort, and beside it, once one is
 * open, the record or the new record's form. `flags` are the view's own yes/no filters.
 */
function DirectoryView<R extends { id: number }, F extends ListFilters>({
  id,
  kind,
  label,
  initial,
  flags,
  queryKey,
  fetchPage,
  columns,
  hiddenWithDetail,
  empty,
  newTitle,
  newForm,
  pane,
}: {
  id: number | 'new' | null;
  kind: 'people' | 'organisations';
  label: string;
  initial: F;
  flags: readonly { key: BooleanKey<F>; label: string }[];
  queryKey: (request: ListRequest<F>) => readonly unknown[];
  fetchPage: (request: ListRequest<F>, offset: number, limit: number) => Promise<RowsPage<R>>;
  columns: Column<R>[];
  /** The columns left out to make room for the open record. */
  hiddenWithDetail: readonly string[];
  empty: ReactNode;
  newTitle: string;
  newForm: ReactNode;
  pane: (id: number) => ReactNode;
}) {
  const [filters, setFilters] = useState<F>(initial);
  const set = <K extends keyof F>(key: K, value: F[K]) => setFilters({ ...filters, [key]: value });
  const request = {
    ...filters,
    sector: (filters.sector || null) as SectorKey | null,
    membership: (filters.membership || null) as Membership | null,
  };
  return (
    <div className={`partners-split${id !== null ? ' with-detail' : ''}`}>
      <div className="list-pane">
        <div className="filters" role="group" aria-label={`Filter ${label.toLowerCase()}`}>
          <SelectField label="Sector" value={filters.sector} options={sectorOptions} onChange={(v) => set('sector', v)} />
          <SelectField
            label="Membership"
            value={filters.membership}
            options={membershipOptions}
            onChange={(v) => set('membership', v)}
          />
          <SelectField label="Show" value={filters.archived} options={archivedOptions} onChange={(v) => set('archived', v)} />
          {flags.map((f) => (
            <CheckboxField
              key={f.key}
              label={f.label}
              checked={filters[f.key] as boolean}
              onChange={(v) => set(f.key, v as F[typeof f.key])}
            />
          ))}
        </div>
        <PagedList<R>
          label={label}
          queryKey={queryKey(request)}
          fetchPage={(offset, limit) => fetchPage(request, offset, limit)}
          columns={id !== null ? columns.filter((c) => !hiddenWithDetail.includes(c.key)) : columns}
          selectedId={typeof id === 'number' ? id : null}
          onOpen={(row) => navigate(`/partners/${kind}/${row.id}`)}
          sort={filters.sort}
          dir={filters.dir}
          onSort={(key) =>
            setFilters({ ...filters, sort: key, dir: filters.sort === key && filters.dir === 'asc' ? 'desc' : 'asc' })
          }
          empty={empty}
        />
      </div>
      {id !== null ? (
        <div className="detail-pane">{id === 'new' ? <DetailSection title={newTitle}>{newForm}</DetailSection> : pane(id)}</div>
      ) : null}
    </div>
  );
}
