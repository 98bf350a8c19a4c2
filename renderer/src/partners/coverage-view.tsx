import { useQuery } from '@tanstack/react-query';
import { partnerKeys } from './queries';
import { membershipLabel, sectorLabel } from '../../../shared/partners/sectors';
import { call } from '../api/client';
import { Notice } from '../ui/notice';
import { errorText } from '../ui/errors';

export function CoverageView() {
  const report = useQuery({ queryKey: partnerKeys.coverage, queryFn: () => call('partners.coverage', {}) });
  if (report.isError) return <Notice tone="error">{errorText(report.error, 'Could not work out the coverage.')}</Notice>;
  if (!report.data) return <p>Loading…</p>;
  const gaps = report.data.sectors.filter((s) => s.members.length === 0);
  return (
    <section className="coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Sector coverage</h2>
      <p>
        The partnership checklist asks which bodies are invited.{' '}
        {gaps.length === 0
          ? 'Every sector has an active core or associate member.'
          : `${gaps.length} of ${report.data.sectors.length} sectors have no active core or associate member.`}
      </p>
      <table className="coverage-table">
        <thead>
          <tr>
            <th scope="col">Checklist sector</th>
            <th scope="col">Active core or associate members</th>
          </tr>
        </thead>
        <tbody>
          {report.data.sectors.map((s) => (
            <tr key={s.key} className={s.members.length === 0 ? 'gap' : undefined}>
              <th scope="row">{s.label}</th>
              <td>
                {s.members.length === 0 ? (
                  <strong>None</strong>
                ) : (
                  <>
                    {s.members.slice(0, 6).map((m, i) => (
                      <span key={m.id}>
                        {i > 0 ? ', ' : ''}
                        <a href={`#/partners/organisations/${m.id}`}>{m.name}</a> ({membershipLabel(m.membership).toLowerCase()})
                      </span>
                    ))}
                    {s.members.length > 6 ? ` and ${(s.members.length - 6).toLocaleString('en-GB')} more` : ''}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>
        Organisations without a modern slavery SPOC
        {report.data.missingSpoc.length > 0
          ? ` (${report.data.missingSpoc.length.toLocaleString('en-GB')}${report.data.missingSpoc.length === 1000 ? ' or more' : ''})`
          : ''}
      </h3>
      <p className="muted">
        Current members, associates and observers with no current post marked as the single point of contact.
      </p>
      {report.data.missingSpoc.length === 0 ? (
        <p>Every current member organisation has a single point of contact.</p>
      ) : (
        <ul className="missing-spoc">
          {report.data.missingSpoc.map((o) => (
            <li key={o.id}>
              <a href={`#/partners/organisations/${o.id}`}>{o.name}</a>{' '}
              <span className="muted">
                — {sectorLabel(o.sector)}, {membershipLabel(o.membership).toLowerCase()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
