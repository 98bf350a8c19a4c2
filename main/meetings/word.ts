import type { DocumentTree } from '../../shared/documents/tree';
import { writeDocx } from '../documents/docx-writer';

/** Meeting papers go through the one .docx writer, owned by the documents area. */
export const docxWriter: (tree: DocumentTree) => Promise<Uint8Array> = writeDocx;
