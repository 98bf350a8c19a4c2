import type { SaveOutcome } from '../../../shared/files';

/** Finish a save: in the browser host the bytes come back and the page downloads them. */
export function completeSave(outcome: SaveOutcome): string {
  if (outcome.status === 'canceled') return 'Export cancelled.';
  if (outcome.status === 'saved') return `Saved ${outcome.fileName}.`;
  const bytes = Uint8Array.from(atob(outcome.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: outcome.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = outcome.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${outcome.fileName}.`;
}
