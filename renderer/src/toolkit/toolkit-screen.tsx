import { useRoute } from '../ui/router';
import { SubNav } from '../ui/subnav';
import { AssessmentScreen, ChecklistScreen } from './checklist';
import { LawScreen } from './law';
import { NewsletterScreen } from './newsletter';
import { ResourcesScreen } from './resources';
import { TrainingScreen } from './training';
import './toolkit.css';

const SECTIONS = [
  { key: 'checklist', label: 'Checklist' },
  { key: 'resources', label: 'Resources' },
  { key: 'law', label: 'Law and guidance' },
  { key: 'training', label: 'Training' },
  { key: 'newsletter', label: 'Newsletter' },
] as const;

/** The Toolkit area: routes under #/toolkit, with its own sub-navigation. */
export function ToolkitScreen() {
  const route = useRoute();
  const [path = '', query = ''] = route.split('?');
  const parts = path.split('/').filter(Boolean);
  const sub = SECTIONS.some((s) => s.key === parts[1]) ? parts[1]! : 'checklist';
  let body;
  if (sub === 'resources') body = <ResourcesScreen initialQuery={new URLSearchParams(query).get('q') ?? ''} />;
  else if (sub === 'law') body = <LawScreen />;
  else if (sub === 'training') body = <TrainingScreen />;
  else if (sub === 'newsletter') body = <NewsletterScreen id={parts[2] && /^\d+$/.test(parts[2]) ? Number(parts[2]) : null} />;
  else if (parts[2] && /^\d+$/.test(parts[2])) body = <AssessmentScreen key={parts[2]} id={Number(parts[2])} />;
  else body = <ChecklistScreen />;
  return (
    <>
      <SubNav
        label="Toolkit sections"
        sections={SECTIONS.map((s) => ({ href: `/toolkit/${s.key}`, label: s.label, current: sub === s.key }))}
      />
      {body}
    </>
  );
}
