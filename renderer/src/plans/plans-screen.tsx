import { ReportsArea } from '../reports/reports-area';
import { useRoute } from '../ui/router';
import { PlanEditor } from './plan-editor';
import { PlansList } from './plans-list';
import './plans.css';

/**
 * The sections of the Plans area, in order. A new section (annual report, agency returns) adds one
 * line here and its own screen below; /plans and /plans/<id> are the plans themselves.
 */
export const PLANS_SECTIONS: { href: string; label: string; match: (route: string) => boolean }[] = [
  { href: '/plans', label: 'Plans', match: (r) => r === '/plans' || /^\/plans\/\d+/.test(r) },
  { href: '/plans/reports', label: 'Annual reports', match: (r) => r.startsWith('/plans/reports') },
  { href: '/plans/returns', label: 'Partner returns', match: (r) => r.startsWith('/plans/returns') },
];

export function PlansSubnav() {
  const route = useRoute();
  return (
    <nav className="subnav" aria-label="Plans sections">
      {PLANS_SECTIONS.map((s) => (
        <a key={s.href} href={`#${s.href}`} aria-current={s.match(route) ? 'page' : undefined}>
          {s.label}
        </a>
      ))}
    </nav>
  );
}

/** The Plans area: #/plans lists the plans, #/plans/<id> opens one. */
export function PlansScreen() {
  const route = useRoute();
  const parts = route.split('/').filter(Boolean);
  const id = parts[1] && /^\d+$/.test(parts[1]) ? Number(parts[1]) : null;
  return (
    <>
      <PlansSubnav />
      {parts[1] === 'reports' || parts[1] === 'returns' ? (
        <ReportsArea />
      ) : id !== null ? (
        <PlanEditor key={id} planId={id} />
      ) : (
        <PlansList />
      )}
    </>
  );
}
