import type { DocumentTree } from '../../shared/documents/tree';

/**
 * The one .docx writer belongs to the documents area (main/documents/docx-writer.ts). Until that
 * branch is merged here, Word export is unavailable and says so instead of writing a second writer.
 */
export const docxWriter: ((tree: DocumentTree) => Promise<Uint8Array>) | null = null;
