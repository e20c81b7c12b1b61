/** The reader as the item page's viewer of PDF items: the language version the visitor chose, else their language's. */
import { fileFor } from '../catalog/item-files.ts';
import type { OverlayViewer } from '../viewers.ts';
import { PdfReader } from './PdfReader.tsx';

export const pdfViewer: OverlayViewer = {
  action: 'reader.open',
  canOpen: (item) => fileFor(item, 'main')?.mediaType === 'application/pdf',
  View: ({ item, page, language, onClose }) => (
    <PdfReader src={fileFor(item, 'main', language)!.url} title={item.title} page={page} onClose={onClose} />
  ),
};
