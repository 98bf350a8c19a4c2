import type { ComponentType } from 'react';
import { ReportsArea } from '../reports/reports-area';
import { useRoute } from '../ui/router';
import { SubNav } from '../ui/subnav';
import { PlanEditor } from './plan-editor';
import { PlansList } from './plans-list';
import './plans.css';

/** #/plans lists the plans, #/plans/<id> opens one. */
function PlanRoutes() {
  const route = useRoute();
  const id = /^\/plans\/(\d+)/.exec(route)?.[1];
  return id ? <PlanEditor key={id} planId={Number(id)} /> : <PlansList />;
}

/**
 * The sections of the Plans area, in order, each with the screen it shows. A new section (the
 * annual report at /plans/reports, agency returns at /plans/returns) is one more line here.
 */
export const PLANS_SECTIONS: { href: string; label: string; match: (route: string) => boolean; screen: ComponentType }[] = [
  { href: '/plans', label: 'Plans', match: (r) => r === '/plans' || /^\/plans\/\d+/.test(r), screen: PlanRoutes },
  { href: '/plans/reports', label: 'Annual reports', match: (r) => r.startsWith('/plans/reports'), screen: ReportsArea },
  { href: '/plans/returns', label: 'Partner returns', match: (r) => r.startsWith('/plans/returns'), screen: ReportsArea },
];

export function PlansSubnav() {
  const route = useRoute();
  return (
    <SubNav
      label="Plans sections"
      sections={PLANS_SECTIONS.map((s) => ({ href: s.href, label: s.label, current: s.match(route) }))}
    />
  );
}

/** The Plans area: its sub-navigation and the screen of the section the route is in. */
export function PlansScreen() {
  const route = useRoute();
  const Screen = (PLANS_SECTIONS.find((s) => s.match(route)) ?? PLANS_SECTIONS[0]!).screen;
  return (
    <>
      <PlansSubnav />
      <Screen />
    </>
  );
}
