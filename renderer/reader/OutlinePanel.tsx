/** The document's own table of contents (its PDF outline), as a list of jumps. */
import { useI18n } from '../i18n/i18n.tsx';

export interface OutlineEntry {
  title: string;
  dest: unknown;
  url: string | null;
  items: OutlineEntry[];
}

export function OutlinePanel({ outline, onChoose }: { outline: OutlineEntry[]; onChoose(entry: OutlineEntry): void }) {
  const { t } = useI18n();
  return (
    <nav className="reader-panel reader-outline" aria-label={t('reader.outline')}>
      <OutlineList entries={outline} onChoose={onChoose} />
    </nav>
  );
}

function OutlineList({ entries, onChoose }: { entries: OutlineEntry[]; onChoose(entry: OutlineEntry): void }) {
  return (
    <ul>
      {entries.map((entry, index) => (
        <li key={index}>
          <button type="button" className="reader-outline-entry" onClick={() => onChoose(entry)}>
            {entry.title}
          </button>
          {entry.items.length > 0 && <OutlineList entries={entry.items} onChoose={onChoose} />}
        </li>
      ))}
    </ul>
  );
}
