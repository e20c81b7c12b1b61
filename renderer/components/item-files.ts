/** Which of an item's files to show: the one in the language its title is shown in, else the first. */
import type { ItemDetail, ItemFile } from '../../preload/contract/schemas.ts';

export function fileFor(item: ItemDetail, role: ItemFile['role']): ItemFile | undefined {
  const candidates = item.files.filter((file) => file.role === role);
  return candidates.find((file) => file.language === item.language) ?? candidates[0];
}

export type Viewer = 'pdf' | 'video' | 'quiz' | 'none';

/** How an item opens: PDFs in the reader, videos in the player, quizzes (for now) with a friendly note. */
export function viewerFor(item: ItemDetail): Viewer {
  if (item.kind === 'quiz') return 'quiz';
  const main = fileFor(item, 'main');
  if (main?.mediaType === 'application/pdf') return 'pdf';
  if (main?.mediaType.startsWith('video/')) return 'video';
  return 'none';
}
