/** The reader as the item page's viewer of PDF items: the document in the visitor's language. */
import { fileFor } from '../catalog/item-files.ts';
import type { OverlayViewer } from '../viewers.ts';
import { PdfReader } from './PdfReader.tsx';

export const pdfViewer: OverlayViewer = {
  action: 'reader.open',
  canOpen: (item) => fileFor(item, 'main')?.mediaType === 'application/pdf',
  View: ({ item, page, onClose }) => (
    <PdfReader src={fileFor(item, 'main')!.url} title={item.title} page={page} onClose={onClose} />
  ),
};
