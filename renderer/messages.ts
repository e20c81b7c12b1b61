/**
 * The message registry: every capability's interface text, merged per locale. A capability keeps
 * its text in its folder's `messages/<locale>.json` and adds one line below, which types its keys.
 */
import type { Locale } from '../preload/contract/schemas.ts';
import type catalog from './catalog/messages/en.json';
import type common from './i18n/messages/en.json';
import type connection from './connection/messages/en.json';
import type keyboard from './keyboard/messages/en.json';
import type narration from './narration/messages/en.json';
import type packs from './packs/messages/en.json';
import type quiz from './quiz/messages/en.json';
import type reader from './reader/messages/en.json';
import type staff from './staff/messages/en.json';
import type updates from './updates/messages/en.json';
import type video from './video/messages/en.json';
import type visit from './visit/messages/en.json';

type Messages = typeof common &
  typeof catalog &
  typeof connection &
  typeof keyboard &
  typeof narration &
  typeof packs &
  typeof quiz &
  typeof reader &
  typeof staff &
  typeof updates &
  typeof video &
  typeof visit;
export type MessageKey = keyof Messages;

const files = import.meta.glob<Record<string, string>>('./*/messages/*.json', { eager: true, import: 'default' });

function mergeByLocale(): Record<Locale, Record<MessageKey, string>> {
  const merged: Record<string, Record<string, string>> = {};
  for (const [file, texts] of Object.entries(files)) {
    const locale = file.slice(file.lastIndexOf('/') + 1, -'.json'.length);
    const into = (merged[locale] ??= {});
    for (const [key, text] of Object.entries(texts)) {
      // Two capabilities with one key would show whichever file came last: refuse it at start instead.
      if (key in into) throw new Error(`The message "${key}" is defined twice for ${locale} (again in ${file}).`);
      into[key] = text;
    }
  }
  return merged as Record<Locale, Record<MessageKey, string>>;
}

export const messages = mergeByLocale();
