import { useRoute } from '../ui/router';
import { DocumentEditor } from './document-editor';
import { DocumentsList, SignatoryMatrixScreen } from './documents-list';
import { ReferenceChecks } from './reference-checks';
import { TemplateEditor, TemplatesLibrary } from './templates';
import './documents.css';

/** The Documents area: routes under #/documents. */
export function DocumentsScreen() {
  const route = useRoute();
  const parts = route.split('/').filter(Boolean);
  if (parts[1] === 'templates' && parts[2]) return <TemplateEditor key={parts[2]} templateKey={parts[2]} />;
  if (parts[1] === 'templates') return <TemplatesLibrary />;
  if (parts[1] === 'review') return <DocumentsList key="review" reviewDue />;
  if (parts[1] === 'matrix') return <SignatoryMatrixScreen />;
  if (parts[1] === 'checks') return <ReferenceChecks />;
  if (parts[1] && /^\d+$/.test(parts[1])) return <DocumentEditor key={parts[1]} id={Number(parts[1])} />;
  return <DocumentsList key="all" />;
}
