/** The reader as the item page's viewer of PDF items: the language version the visitor chose, else their language's, and its narration. */
import { fileFor } from '../catalog/item-files.ts';
import { narrationFor } from '../narration/narration-marks.ts';
import type { OverlayViewer } from '../viewers.ts';
import { PdfReader } from './PdfReader.tsx';

export const pdfViewer: OverlayViewer = {
  action: 'reader.open',
  canOpen: (item) => fileFor(item, 'main')?.mediaType === 'application/pdf',
  View: ({ item, page, language, find, onClose }) => {
    // A search hit names the language of the page text that matched: its own file, where the item has one.
    const main = fileFor(item, 'main', find?.language ?? language)!;
    return (
      <PdfReader
        src={main.url}
        title={item.title}
        page={page}
        find={find?.query}
        narration={narrationFor(item, main)}
        onClose={onClose}
      />
    );
  },
};
