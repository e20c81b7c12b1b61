/** Which of an item's files to show: the one in the language its title is shown in, else the first. */
import type { ItemDetail, ItemFile } from '../../preload/contract/catalog.ts';

export function fileFor(item: ItemDetail, role: ItemFile['role']): ItemFile | undefined {
  const candidates = item.files.filter((file) => file.role === role);
  return candidates.find((file) => file.language === item.language) ?? candidates[0];
}
