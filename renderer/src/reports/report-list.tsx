import { useState } from 'react';
import { RecordTable } from '../ui/data-table';
import { Button } from 'react-aria-components';
import { longDate } from '../../../shared/documents/placeholders';
import { EmptyState, Page } from '../ui/page';
import { navigate } from '../ui/router';
import { useReportList } from './queries';
import { recentYears, YearSelect } from './year-select';

/** Choose a year to draft, or reopen a draft. */
export function ReportList() {
  const list = useReportList();
  const [year, setYear] = useState(() => recentYears()[0]!);
  return (
    <Page title="Annual reports">
      <p className="lede">
        Each year&apos;s report is drafted from the partnership&apos;s records: membership, meetings and attendance, actions,
        documents, information sharing, training and indicators, each with the year before. You add the progress, problems,
        priorities and points for action.
      </p>
      <div className="report-start">
        <YearSelect value={year} onChange={setYear} />
        <Button className="button primary" onPress={() => navigate(`/plans/reports/${year}`)}>
          Draft the {year} report
        </Button>
        <a className="button" href={`#/plans/returns/${year}`}>
          Partner returns for {year}
        </a>
      </div>
      <h2>Drafts</h2>
      {list.data && list.data.length === 0 ? (
        <EmptyState title="No reports yet">Choose a year above to draft its report from the records.</EmptyState>
      ) : (
        <RecordTable
          className="data-table report-drafts"
          label="Drafts"
          rows={list.data ?? []}
          rowKey={(r) => r.year}
          columns={[
            { key: 'year', label: 'Year', render: (r) => <a href={`#/plans/reports/${r.year}`}>Annual report {r.year}</a> },
            { key: 'written', label: 'Sections written', render: (r) => `${r.written} of 4` },
            { key: 'changed', label: 'Last changed', render: (r) => longDate(r.updatedAt.slice(0, 10)) },
          ]}
        />
      )}
    </Page>
  );
}
