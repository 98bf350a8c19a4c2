import { useQuery } from '@tanstack/react-query';
import { settingsKeys } from './settings/queries';
import type { ComponentType } from 'react';
import { useEffect, useRef } from 'react';
import { call } from './api/client';
import { LeaveGuardHost } from './ui/leave-guard';
import { ToastRegion } from './ui/toasts';
import { DocumentsScreen } from './documents/documents-screen';
import { PartnersScreen } from './partners/partners-screen';
import { navigate, section, useRoute } from './ui/router';
import { MeetingsScreen } from './meetings/meetings-screen';
import { PlansScreen } from './plans/plans-screen';
import { useOverdueBadge } from './meetings/use-overdue-badge';
import { SettingsScreen } from './screens/settings-screen';
import { LockNowButton, StoreNotices } from './store/store-gate';
import { ToolkitScreen } from './toolkit/toolkit-screen';

/** A badge is a hook: it returns what to show next to the link and how to say it, or null. */
type AreaBadge = () => { count: number; label: string } | null;
type Area = { key: string; label: string; screen: ComponentType; badge?: AreaBadge };

/** The areas in the sidebar, in order. Each area owns one screen module. */
const AREAS: Area[] = [
  { key: 'partners', label: 'Partners', screen: PartnersScreen },
  {
    key: 'meetings',
    label: 'Meetings',
    screen: MeetingsScreen,
    badge: useOverdueBadge,
  },
  { key: 'documents', label: 'Documents', screen: DocumentsScreen },
  { key: 'plans', label: 'Plans', screen: PlansScreen },
  { key: 'toolkit', label: 'Toolkit', screen: ToolkitScreen },
  { key: 'settings', label: 'Settings', screen: SettingsScreen },
];

/** A nav link with a count; its accessible name says what the count means ("Meetings, 3 overdue actions"). */
function BadgedLink({ area, useBadge, current }: { area: Area; useBadge: AreaBadge; current: boolean }) {
  const badge = useBadge();
  return (
    <a
      href={`#/${area.key}`}
      aria-current={current ? 'page' : undefined}
      className="nav-link"
      aria-label={badge ? `${area.label}, ${badge.label}` : undefined}
    >
      {area.label}
      {badge ? (
        <span className="badge" aria-hidden="true">
          {badge.count}
        </span>
      ) : null}
    </a>
  );
}

export function App() {
  const route = useRoute();
  const current = AREAS.find((a) => a.key === section(route)) ?? AREAS[0]!;
  const settings = useQuery({ queryKey: settingsKeys.settings, queryFn: () => call('settings.get', {}) });
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (route === '/' || !AREAS.some((a) => a.key === section(route))) navigate(`/${AREAS[0]!.key}`);
  }, [route]);

  useEffect(() => {
    document.title = `${current.label} – Concordat`;
  }, [current.label]);

  // After navigating, focus moves to the new page's heading (not left on the link that was pressed),
  // unless the screen has put it somewhere on purpose, such as a form's first field.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    const id = requestAnimationFrame(() => {
      const active = document.activeElement;
      const inSidebar = active instanceof HTMLElement && active.closest('.sidebar, .subnav, .docs-tabs');
      if (active && active !== document.body && !inSidebar) return;
      document.getElementById('page-title')?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [route]);

  const Screen = current.screen;
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-name">Concordat</span>
          <span className="brand-partnership">{settings.data?.name ?? ''}</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {AREAS.map((area) => (
              <li key={area.key}>
                {area.badge ? (
                  <BadgedLink area={area} useBadge={area.badge} current={area.key === current.key} />
                ) : (
                  <a href={`#/${area.key}`} aria-current={area.key === current.key ? 'page' : undefined} className="nav-link">
                    {area.label}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <LockNowButton />
      </aside>
      <main id="main" ref={mainRef} tabIndex={-1} className="content">
        <Screen />
      </main>
      <LeaveGuardHost />
      <ToastRegion>
        <StoreNotices />
      </ToastRegion>
    </div>
  );
}
