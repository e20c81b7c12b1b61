/**
 * The catalog's queries and writes, synchronous over better-sqlite3. It runs inside the
 * catalog worker; the main thread talks to it through `catalog-client.ts`.
 */
import type { ContentLanguage, ItemKind, ItemSummary, Locale, Subject } from '../../preload/contract/schemas.ts';
import { openCatalogDatabase, type CatalogDatabase } from './database.ts';
import { languagePreference } from './languages.ts';

/** Everything the catalog records of one pack when it is installed. */
export interface PackRecord {
  id: string;
  channel: string;
  version: number;
  subjects: { id: string; names: Partial<Record<ContentLanguage, string>> }[];
  items: {
    id: string;
    kind: ItemKind;
    addedAt: string;
    subjects: string[];
    texts: Partial<Record<ContentLanguage, { title: string; summary: string }>>;
  }[];
}

export interface ListQuery {
  locale: Locale;
  subject?: string | undefined;
  offset: number;
  limit: number;
}

interface ItemRow {
  id: string;
  kind: ItemKind;
  added_at: string;
  lang: ContentLanguage;
  title: string;
  summary: string;
  languages: string;
  subjects: string | null;
}

export class CatalogStore {
  readonly #db: CatalogDatabase;

  constructor(path: string) {
    this.#db = openCatalogDatabase(path);
  }

  close(): void {
    this.#db.close();
  }

  /** Replaces whatever the catalog held of `pack.id` with `pack`, in one transaction. */
  installPack(pack: PackRecord): void {
    const db = this.#db;
    db.transaction(() => {
      db.prepare('DELETE FROM items WHERE pack_id = ?').run(pack.id);
      db.prepare(
        `INSERT INTO packs (id, channel, version, installed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET channel = excluded.channel, version = excluded.version, installed_at = excluded.installed_at`,
      ).run(pack.id, pack.channel, pack.version, new Date().toISOString());
      const insertSubject = db.prepare('INSERT INTO subjects (id, position) VALUES (?, ?) ON CONFLICT(id) DO NOTHING');
      const insertSubjectName = db.prepare(
        'INSERT OR REPLACE INTO subject_names (subject_id, lang, name) VALUES (?, ?, ?)',
      );
      pack.subjects.forEach((subject, position) => {
        insertSubject.run(subject.id, position);
        for (const [lang, name] of Object.entries(subject.names)) insertSubjectName.run(subject.id, lang, name);
      });
      const insertItem = db.prepare('INSERT INTO items (id, pack_id, kind, added_at) VALUES (?, ?, ?, ?)');
      const insertText = db.prepare('INSERT INTO item_texts (item_id, lang, title, summary) VALUES (?, ?, ?, ?)');
      const insertItemSubject = db.prepare('INSERT INTO item_subjects (item_id, subject_id) VALUES (?, ?)');
      for (const item of pack.items) {
        insertItem.run(item.id, pack.id, item.kind, item.addedAt);
        for (const [lang, text] of Object.entries(item.texts)) insertText.run(item.id, lang, text.title, text.summary);
        for (const subject of item.subjects) insertItemSubject.run(item.id, subject);
      }
    })();
  }

  installedPacks(): { id: string; channel: string; version: number }[] {
    return this.#db.prepare('SELECT id, channel, version FROM packs ORDER BY id').all() as {
      id: string;
      channel: string;
      version: number;
    }[];
  }

  subjects(locale: Locale): Subject[] {
    const rows = this.#db
      .prepare(
        `SELECT s.id,
                (SELECT name FROM subject_names n, json_each(?) AS pref
                  WHERE n.subject_id = s.id AND n.lang = pref.value ORDER BY pref.key LIMIT 1) AS name,
                (SELECT count(*) FROM item_subjects i WHERE i.subject_id = s.id) AS itemCount
           FROM subjects s ORDER BY s.position, s.id`,
      )
      .all(JSON.stringify(languagePreference(locale))) as { id: string; name: string | null; itemCount: number }[];
    return rows.map((row) => ({ id: row.id, name: row.name ?? row.id, itemCount: row.itemCount }));
  }

  listItems(query: ListQuery): { items: ItemSummary[]; total: number } {
    const preference = JSON.stringify(languagePreference(query.locale));
    const subjectFilter = query.subject
      ? 'WHERE i.id IN (SELECT item_id FROM item_subjects WHERE subject_id = @subject)'
      : '';
    const total = (
      this.#db.prepare(`SELECT count(*) AS n FROM items i ${subjectFilter}`).get({ subject: query.subject }) as {
        n: number;
      }
    ).n;
    const rows = this.#db
      .prepare(
        `SELECT i.id, i.kind, i.added_at, t.lang, t.title, t.summary,
                (SELECT json_group_array(lang) FROM item_texts WHERE item_id = i.id) AS languages,
                (SELECT json_group_array(subject_id) FROM item_subjects WHERE item_id = i.id) AS subjects
           FROM items i
           JOIN item_texts t ON t.item_id = i.id AND t.lang = (
             SELECT tt.lang FROM item_texts tt LEFT JOIN json_each(@preference) AS pref ON pref.value = tt.lang
              WHERE tt.item_id = i.id ORDER BY pref.key IS NULL, pref.key LIMIT 1)
           ${subjectFilter}
          ORDER BY i.added_at DESC, i.id
          LIMIT @limit OFFSET @offset`,
      )
      .all({ preference, subject: query.subject, limit: query.limit, offset: query.offset }) as ItemRow[];
    return { items: rows.map(toSummary), total };
  }
}

function toSummary(row: ItemRow): ItemSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    language: row.lang,
    languages: JSON.parse(row.languages) as ContentLanguage[],
    subjects: row.subjects ? (JSON.parse(row.subjects) as string[]) : [],
    addedAt: row.added_at,
  };
}
