/**
 * The catalog's queries and writes, synchronous over better-sqlite3. It runs inside the
 * catalog worker; the main thread talks to it through `catalog-client.ts`.
 */
import type { ItemDetail, ItemFile, ItemKind, ItemSummary, Subject } from '../../preload/contract/catalog.ts';
import type { ContentLanguage, Locale } from '../../preload/contract/schemas.ts';
import { contentUrl, isContentHash } from '../store/content-paths.ts';
import {
  itemColumns,
  itemFilesStatement,
  itemStatement,
  listStatement,
  pageSubjectsStatement,
  pageTextsStatement,
  searchStatement,
  subjectsStatement,
  type Statement,
} from './catalog-queries.ts';
import { openCatalogDatabase, type CatalogDatabase } from './database.ts';
import { languagePreference, preferredLanguage } from './languages.ts';
import { facetText, indexableText, searchTerms, titleCharacters } from './search-text.ts';

export type FileRole = ItemFile['role'];

/** A file a pack carries, named by its SHA-256 (the content store's name for it). */
export interface PackFile {
  sha256: string;
  size: number;
  mediaType: string;
}

export interface PackItemText {
  title: string;
  summary: string;
  /** The full text the publisher extracted (a PDF's text, an article's body); searched, never shown. */
  body?: string;
}

export interface PackItem {
  id: string;
  kind: ItemKind;
  /** ISO 8601 timestamp; stored in UTC. */
  addedAt: string;
  subjects: string[];
  texts: Partial<Record<ContentLanguage, PackItemText>>;
  /** Absent means none. Every hash must be listed in the pack's `files`. */
  files?: { role: FileRole; hash: string; language?: ContentLanguage }[];
  pages?: number;
  durationSeconds?: number;
  /** Shown first on the attract screen; absent means not featured. */
  featured?: boolean;
}

/**
 * The complete state of one pack as the catalog records it: a plain JSON-able object. Deltas are
 * resolved by the importer before it gets here; `installPack` replaces the pack's rows with this.
 */
export interface PackRecord {
  id: string;
  channel: string;
  version: number;
  subjects: { id: string; names: Partial<Record<ContentLanguage, string>> }[];
  /** Every file the pack's items use. Absent means none. */
  files?: PackFile[];
  items: PackItem[];
}

export interface InstalledPack {
  id: string;
  channel: string;
  version: number;
  installedAt: string;
}

export interface ListQuery {
  locale: Locale;
  subject?: string | undefined;
  /** Only items added at or after this ISO date or timestamp ("new this week"). */
  addedSince?: string | undefined;
  /** Only featured items. */
  featured?: boolean | undefined;
  offset: number;
  limit: number;
}

export interface SearchQuery {
  locale: Locale;
  query: string;
  subject?: string | undefined;
  language?: ContentLanguage | undefined;
  offset: number;
  limit: number;
}

export interface ItemPage {
  items: ItemSummary[];
  total: number;
}

interface ItemRow {
  id: string;
  kind: ItemKind;
  added_at: string;
  pages: number | null;
  duration_seconds: number | null;
  featured: 0 | 1;
}

interface TextRow {
  item_id: string;
  lang: ContentLanguage;
  title: string;
  summary: string;
}

/** The subjects and files some items used: candidates for a change once those items are gone. */
interface Used {
  subjects: string[];
  hashes: string[];
}

export class CatalogStore {
  readonly #db: CatalogDatabase;

  constructor(path: string) {
    this.#db = openCatalogDatabase(path);
  }

  close(): void {
    this.#db.close();
  }

  /**
   * Replaces whatever the catalog held of `pack.id` with `pack`, in one transaction: readers
   * see the old version or the new one, never a mix, and a failure leaves the old one intact.
   */
  installPack(pack: PackRecord): void {
    const db = this.#db;
    db.transaction(() => {
      checkPack(pack);
      const previous = this.#deletePackItems(pack.id);
      // seq is set once, on first install: a new version keeps its pack's place (see `#refreshSubjects`).
      db.prepare(
        `INSERT INTO packs (id, seq, channel, version, installed_at)
         VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM packs), ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET channel = excluded.channel, version = excluded.version,
                                       installed_at = excluded.installed_at`,
      ).run(pack.id, pack.channel, pack.version, new Date().toISOString());

      // Only subjects the pack's items use are recorded: listing a subject alone claims no shelf.
      const used = new Set(pack.items.flatMap((item) => item.subjects));
      const insertPackSubject = db.prepare(
        'INSERT INTO pack_subjects (pack_id, subject_id, position) VALUES (?, ?, ?)',
      );
      const insertSubjectName = db.prepare(
        'INSERT INTO subject_names (pack_id, subject_id, lang, name) VALUES (?, ?, ?, ?)',
      );
      pack.subjects
        .filter((subject) => used.has(subject.id))
        .forEach((subject, position) => {
          insertPackSubject.run(pack.id, subject.id, position);
          for (const [lang, name] of Object.entries(subject.names))
            insertSubjectName.run(pack.id, subject.id, lang, name);
        });
      this.#refreshSubjects([...previous.subjects, ...used]);

      const insertFile = db.prepare(
        `INSERT INTO files (hash, size, media_type) VALUES (?, ?, ?)
         ON CONFLICT(hash) DO UPDATE SET size = excluded.size, media_type = excluded.media_type`,
      );
      for (const file of pack.files ?? []) insertFile.run(file.sha256, file.size, file.mediaType);

      const itemOwner = db.prepare('SELECT pack_id FROM items WHERE id = ?').pluck();
      const insertItem = db.prepare(
        `INSERT INTO items (id, pack_id, kind, added_at, pages, duration_seconds, featured)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertText = db.prepare(
        'INSERT INTO item_texts (item_id, lang, title, summary, body) VALUES (?, ?, ?, ?, ?)',
      );
      const insertItemSubject = db.prepare(
        'INSERT INTO item_subjects (item_id, subject_id, added_at, featured) VALUES (?, ?, ?, ?)',
      );
      const insertItemFile = db.prepare(
        'INSERT INTO item_files (item_id, position, role, hash, lang) VALUES (?, ?, ?, ?, ?)',
      );
      const insertIndex = db.prepare(
        'INSERT INTO search_index (rowid, title, summary, body, title_chars, facets) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const item of pack.items) {
        const owner = itemOwner.get(item.id) as string | undefined;
        if (owner !== undefined) {
          throw new Error(`Pack "${pack.id}" contains item "${item.id}", which pack "${owner}" already provides.`);
        }
        const addedAt = isoTimestamp(item.addedAt, `item "${item.id}" addedAt`);
        const featured = item.featured === true ? 1 : 0;
        const seq = insertItem.run(
          item.id,
          pack.id,
          item.kind,
          addedAt,
          item.pages ?? null,
          item.durationSeconds ?? null,
          featured,
        ).lastInsertRowid;
        const texts = Object.entries(item.texts) as [ContentLanguage, PackItemText][];
        for (const [lang, text] of texts) insertText.run(item.id, lang, text.title, text.summary, text.body ?? '');
        for (const subject of item.subjects) insertItemSubject.run(item.id, subject, addedAt, featured);
        (item.files ?? []).forEach((file, position) =>
          insertItemFile.run(item.id, position, file.role, file.hash, file.language ?? null),
        );
        const titles = texts.map(([, text]) => text.title);
        insertIndex.run(
          seq,
          indexableText(titles.join('\n')),
          indexableText(texts.map(([, text]) => text.summary).join('\n')),
          indexableText(texts.map(([, text]) => text.body ?? '').join('\n')),
          titleCharacters(titles),
          facetText({ subjects: item.subjects, languages: texts.map(([language]) => language) }),
        );
      }
      this.#dropUnreferencedFiles([...previous.hashes, ...(pack.files ?? []).map((file) => file.sha256)]);
      this.#bumpRevision();
    }).immediate();
  }

  /** Removes a pack and its items; false when no such pack was installed. */
  removePack(id: string): boolean {
    const db = this.#db;
    return db
      .transaction(() => {
        const previous = this.#deletePackItems(id);
        if (db.prepare('DELETE FROM packs WHERE id = ?').run(id).changes === 0) return false;
        this.#refreshSubjects(previous.subjects);
        this.#dropUnreferencedFiles(previous.hashes);
        this.#bumpRevision();
        return true;
      })
      .immediate();
  }

  installedPacks(): InstalledPack[] {
    return this.#db
      .prepare('SELECT id, channel, version, installed_at AS installedAt FROM packs ORDER BY id')
      .all() as InstalledPack[];
  }

  /**
   * The installed state of a pack as a record `installPack` would accept (the base a delta is
   * applied to), or undefined when it is not installed. Subjects are those its items use, named as
   * this pack names them (not as the shelf shows them, which may be another pack's names).
   */
  packRecord(id: string): PackRecord | undefined {
    const db = this.#db;
    return db.transaction(() => {
      const pack = db.prepare('SELECT id, channel, version FROM packs WHERE id = ?').get(id) as
        { id: string; channel: string; version: number } | undefined;
      if (!pack) return undefined;
      const items = db
        .prepare(`SELECT ${itemColumns} FROM items i WHERE i.pack_id = ? ORDER BY i.seq`)
        .all(id) as ItemRow[];
      const ofPack = 'SELECT id FROM items WHERE pack_id = @id';
      const texts = Map.groupBy(
        db
          .prepare(`SELECT item_id, lang, title, summary, body FROM item_texts WHERE item_id IN (${ofPack})`)
          .all({ id }) as (TextRow & { body: string })[],
        (text) => text.item_id,
      );
      const links = Map.groupBy(
        db
          .prepare(`SELECT item_id, subject_id FROM item_subjects WHERE item_id IN (${ofPack}) ORDER BY subject_id`)
          .all({ id }) as { item_id: string; subject_id: string }[],
        (link) => link.item_id,
      );
      const itemFiles = Map.groupBy(
        db
          .prepare(
            `SELECT item_id, role, hash, lang FROM item_files WHERE item_id IN (${ofPack}) ORDER BY item_id, position`,
          )
          .all({ id }) as { item_id: string; role: FileRole; hash: string; lang: ContentLanguage | null }[],
        (file) => file.item_id,
      );
      const names = Map.groupBy(
        db
          .prepare(
            `SELECT s.subject_id AS id, n.lang, n.name FROM pack_subjects s
               LEFT JOIN subject_names n ON n.pack_id = s.pack_id AND n.subject_id = s.subject_id
              WHERE s.pack_id = ? ORDER BY s.position, s.subject_id`,
          )
          .all(id) as { id: string; lang: ContentLanguage | null; name: string | null }[],
        (row) => row.id,
      );
      const files = db
        .prepare(
          `SELECT hash AS sha256, size, media_type AS mediaType FROM files
            WHERE hash IN (SELECT f.hash FROM item_files f WHERE f.item_id IN (${ofPack})) ORDER BY hash`,
        )
        .all({ id }) as PackFile[];
      return {
        ...pack,
        subjects: [...names].map(([subjectId, rows]) => ({
          id: subjectId,
          names: Object.fromEntries(rows.filter((row) => row.lang !== null).map((row) => [row.lang, row.name])),
        })),
        files,
        items: items.map((row) => ({
          id: row.id,
          kind: row.kind,
          addedAt: row.added_at,
          subjects: (links.get(row.id) ?? []).map((link) => link.subject_id),
          texts: Object.fromEntries(
            (texts.get(row.id) ?? []).map((text) => [
              text.lang,
              { title: text.title, summary: text.summary, body: text.body },
            ]),
          ),
          files: (itemFiles.get(row.id) ?? []).map((file) => ({
            role: file.role,
            hash: file.hash,
            ...(file.lang === null ? {} : { language: file.lang }),
          })),
          ...(row.pages === null ? {} : { pages: row.pages }),
          ...(row.duration_seconds === null ? {} : { durationSeconds: row.duration_seconds }),
          ...(row.featured === 1 ? { featured: true } : {}),
        })),
      };
    })();
  }

  /** Every file hash an installed item uses: what the content store must keep. */
  referencedHashes(): string[] {
    return this.#db.prepare('SELECT DISTINCT hash FROM item_files ORDER BY hash').pluck().all() as string[];
  }

  /** A number that changes whenever the catalog's content changes (it only grows). */
  revision(): number {
    return this.#db.prepare("SELECT value FROM catalog_meta WHERE key = 'revision'").pluck().get() as number;
  }

  subjects(locale: Locale): Subject[] {
    const rows = this.#db.prepare(subjectsStatement).all(JSON.stringify(languagePreference(locale))) as {
      id: string;
      name: string | null;
      itemCount: number;
    }[];
    return rows.map((row) => ({ id: row.id, name: row.name ?? row.id, itemCount: row.itemCount }));
  }

  /** Newest first; each statement reads an index in order, so a page costs the same at any catalog size. */
  listItems(query: ListQuery): ItemPage {
    const since = query.addedSince === undefined ? '' : isoTimestamp(query.addedSince, 'addedSince');
    const filter = { subject: query.subject !== undefined, featured: query.featured === true };
    return this.#page(listStatement(filter), query.locale, {
      subject: query.subject,
      since,
      limit: query.limit,
      offset: query.offset,
    });
  }

  /**
   * Title hits first, then the rest, each tier in bm25 order (weights: title over summary over
   * full text). The second tier is ranked only when the page reaches into it, so the first pages
   * of a common word cost what its title hits cost, not what all its hits cost. Within a tier, a
   * query made of single Hangul/Han characters is listed newest-installed first (see `SearchTerms`).
   */
  search(query: SearchQuery): ItemPage {
    const terms = searchTerms(query.query, { subject: query.subject, language: query.language });
    if (terms === undefined) return { items: [], total: 0 };
    const db = this.#db;
    const order = terms.singleCharacters ? 'newest' : 'rank';
    const count = (match: string) => db.prepare(searchStatement.count).pluck().get({ match }) as number;
    const page = (match: string, offset: number, limit: number) =>
      db.prepare(searchStatement[order]).all({ match, offset, limit }) as ItemRow[];

    return db.transaction(() => {
      const total = count(terms.anywhere);
      const inTitles = count(terms.inTitles);
      const rows = query.offset < inTitles ? page(terms.inTitles, query.offset, query.limit) : [];
      const room = query.limit - rows.length;
      if (room > 0 && total > inTitles) rows.push(...page(terms.elsewhere, Math.max(0, query.offset - inTitles), room));
      return { items: this.#summaries(rows, query.locale), total };
    })();
  }

  /** One item with its files, or null when the catalog has no such item. */
  item(query: { locale: Locale; id: string }): ItemDetail | null {
    const db = this.#db;
    return db.transaction(() => {
      const row = db.prepare(itemStatement).get(query.id) as ItemRow | undefined;
      if (!row) return null;
      const [summary] = this.#summaries([row], query.locale);
      const files = db.prepare(itemFilesStatement).all(query.id) as (Omit<ItemFile, 'url' | 'language'> & {
        lang: ContentLanguage | null;
      })[];
      return {
        ...summary!,
        files: files.map(({ lang, ...file }) => ({
          ...file,
          ...(lang === null ? {} : { language: lang }),
          url: contentUrl(file.hash),
        })),
        ...(row.pages === null ? {} : { pages: row.pages }),
        ...(row.duration_seconds === null ? {} : { durationSeconds: row.duration_seconds }),
      };
    })();
  }

  #page(statement: Statement, locale: Locale, params: Record<string, unknown>): ItemPage {
    const db = this.#db;
    return db.transaction(() => {
      const total = db.prepare(statement.count).pluck().get(params) as number;
      const rows = db.prepare(statement.page).all(params) as ItemRow[];
      return { items: this.#summaries(rows, locale), total };
    })();
  }

  /** Summaries of `rows` in their order, each titled in the language the visitor prefers. */
  #summaries(rows: readonly ItemRow[], locale: Locale): ItemSummary[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((row) => row.id));
    const texts = Map.groupBy(this.#db.prepare(pageTextsStatement).all(ids) as TextRow[], (text) => text.item_id);
    const subjects = Map.groupBy(
      this.#db.prepare(pageSubjectsStatement).all(ids) as { item_id: string; subject_id: string }[],
      (link) => link.item_id,
    );
    return rows.map((row) => {
      const itemTexts = texts.get(row.id) ?? [];
      const languages = itemTexts.map((text) => text.lang);
      const language = preferredLanguage(languages, locale);
      const text = itemTexts.find((candidate) => candidate.lang === language);
      if (!text) throw new Error(`Catalog item "${row.id}" has no text in any language.`);
      return {
        id: row.id,
        kind: row.kind,
        title: text.title,
        summary: text.summary,
        language: text.lang,
        languages: languagePreference(locale).filter((candidate) => languages.includes(candidate)),
        subjects: (subjects.get(row.id) ?? []).map((link) => link.subject_id),
        addedAt: row.added_at,
        featured: row.featured === 1,
      };
    });
  }

  /** Deletes a pack's items and what it said about their subjects, and says which subjects and files they used. */
  #deletePackItems(packId: string): Used {
    const db = this.#db;
    const used = {
      subjects: db
        .prepare(
          `SELECT DISTINCT s.subject_id FROM items i JOIN item_subjects s ON s.item_id = i.id WHERE i.pack_id = ?`,
        )
        .pluck()
        .all(packId) as string[],
      hashes: db
        .prepare(`SELECT DISTINCT f.hash FROM items i JOIN item_files f ON f.item_id = i.id WHERE i.pack_id = ?`)
        .pluck()
        .all(packId) as string[],
    };
    db.prepare('DELETE FROM search_index WHERE rowid IN (SELECT seq FROM items WHERE pack_id = ?)').run(packId);
    db.prepare('DELETE FROM items WHERE pack_id = ?').run(packId);
    db.prepare('DELETE FROM pack_subjects WHERE pack_id = ?').run(packId);
    return used;
  }

  /**
   * Re-derives the shelves of the given subjects from what the installed packs say: each shelf takes
   * its names and place from the earliest installed pack whose items use it, and a subject no pack
   * uses any more goes. Only these subjects are touched, so an install costs the same at any catalog size.
   */
  #refreshSubjects(subjectIds: readonly string[]): void {
    const db = this.#db;
    const owner = db.prepare(
      `SELECT s.pack_id AS packId, p.seq, s.position FROM pack_subjects s JOIN packs p ON p.id = s.pack_id
        WHERE s.subject_id = ? ORDER BY p.seq LIMIT 1`,
    );
    const upsert = db.prepare(
      `INSERT INTO subjects (id, pack_id, pack_seq, position) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET pack_id = excluded.pack_id, pack_seq = excluded.pack_seq, position = excluded.position`,
    );
    const remove = db.prepare('DELETE FROM subjects WHERE id = ?');
    for (const id of new Set(subjectIds)) {
      const row = owner.get(id) as { packId: string; seq: number; position: number } | undefined;
      if (row) upsert.run(id, row.packId, row.seq, row.position);
      else remove.run(id);
    }
  }

  /** Files no installed item uses any more go with their last item; only the candidates are checked. */
  #dropUnreferencedFiles(hashes: readonly string[]): void {
    this.#db
      .prepare(
        `DELETE FROM files WHERE hash IN (SELECT value FROM json_each(?))
            AND NOT EXISTS (SELECT 1 FROM item_files i WHERE i.hash = files.hash)`,
      )
      .run(JSON.stringify(hashes));
  }

  #bumpRevision(): void {
    this.#db.exec("UPDATE catalog_meta SET value = value + 1 WHERE key = 'revision'");
  }
}

/** Checks what the schema cannot say clearly, so a bad record fails with a message naming the culprit. */
function checkPack(pack: PackRecord): void {
  const subjects = new Set(pack.subjects.map((subject) => subject.id));
  const files = new Set<string>();
  for (const file of pack.files ?? []) {
    if (!isContentHash(file.sha256)) {
      throw new Error(`Pack "${pack.id}" lists a file whose name is not a SHA-256 digest: ${file.sha256.slice(0, 80)}`);
    }
    files.add(file.sha256);
  }
  const seen = new Set<string>();
  for (const item of pack.items) {
    if (seen.has(item.id)) throw new Error(`Pack "${pack.id}" lists item "${item.id}" twice.`);
    seen.add(item.id);
    if (Object.keys(item.texts).length === 0) {
      throw new Error(`Item "${item.id}" of pack "${pack.id}" has no text in any language.`);
    }
    for (const subject of item.subjects) {
      if (!subjects.has(subject)) {
        throw new Error(
          `Item "${item.id}" of pack "${pack.id}" names subject "${subject}", which the pack does not list.`,
        );
      }
    }
    for (const file of item.files ?? []) {
      if (!files.has(file.hash)) {
        throw new Error(`Item "${item.id}" of pack "${pack.id}" uses file ${file.hash}, which the pack does not list.`);
      }
    }
  }
}

function isoTimestamp(value: string, what: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`${what} is not an ISO date: ${JSON.stringify(value).slice(0, 80)}`);
  return new Date(time).toISOString();
}
