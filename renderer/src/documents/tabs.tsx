import { useRoute } from '../ui/router';
import { SubNav } from '../ui/subnav';

/** The sub-navigation of the Documents area. */
export function DocumentsTabs() {
  const route = useRoute();
  const tabs = [
    { href: '/documents', label: 'All documents', match: (r: string) => r === '/documents' || /^\/documents\/\d+/.test(r) },
    { href: '/documents/review', label: 'Review due', match: (r: string) => r.startsWith('/documents/review') },
    { href: '/documents/templates', label: 'Templates', match: (r: string) => r.startsWith('/documents/templates') },
    { href: '/documents/matrix', label: 'Signatory matrix', match: (r: string) => r.startsWith('/documents/matrix') },
    { href: '/documents/checks', label: 'Reference checks', match: (r: string) => r.startsWith('/documents/checks') },
  ];
  return (
    <SubNav
      label="Documents"
      className="docs-tabs"
      sections={tabs.map((t) => ({ href: t.href, label: t.label, current: t.match(route) }))}
    />
  );
}
