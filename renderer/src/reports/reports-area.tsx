import { useRoute } from '../ui/router';
import { ReportList } from './report-list';
import { ReportScreen } from './report-screen';
import { ReturnsScreen } from './returns-screen';
import './reports.css';

export const thisYear = () => new Date().getFullYear();
const yearOf = (s: string | undefined): number | null => (s && /^\d{4}$/.test(s) ? Number(s) : null);

/**
 * The annual report and partner agency returns, for the Plans area's routes under
 * #/plans/reports and #/plans/returns. The Plans area owns the sidebar entry and its sub-navigation.
 */
export function ReportsArea() {
  const route = useRoute();
  const parts = route.split('?')[0]!.split('/').filter(Boolean);
  const [, view, arg] = parts;
  if (view === 'returns') return <ReturnsScreen year={yearOf(arg) ?? thisYear()} />;
  const year = yearOf(arg);
  if (year !== null) return <ReportScreen key={year} year={year} />;
  return <ReportList />;
}
