/** The reader as the item page's viewer of PDF items: the document in the visitor's language. */
import { fileFor } from '../catalog/item-files.ts';
import type { OverlayViewer } from '../viewers.ts';
import { PdfReader } from './PdfReader.tsx';

export const pdfViewer: OverlayViewer = {
  action: 'reader.open',
  canOpen: (item) => fileFor(item, 'main')?.mediaType === 'application/pdf',
  View: ({ item, page, find, onClose }) => {
    // A search hit names the language of the page text that matched: its own file, where the item has one.
    const file =
      item.files.find((candidate) => candidate.role === 'main' && candidate.language === find?.language) ??
      fileFor(item, 'main')!;
    return <PdfReader src={file.url} title={item.title} page={page} find={find?.query} onClose={onClose} />;
  },
};
