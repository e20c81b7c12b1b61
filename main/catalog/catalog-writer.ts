/**
 * The catalog's writes, synchronous over better-sqlite3: installing a pack's complete new state,
 * removing a pack, and reading back a pack's installed state as the base a delta is applied to.
 * Held only by the import worker, on its own connection (imports run one at a time, so it is the one
 * writer); visitors' reads go to `catalog-reader.ts` in the catalog worker.
 */
import type { DocumentType } from '../../preload/contract/catalog.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import type { FileRole, PackFile, PackItemText, PackRecord } from '../packs/pack-record-types.ts';
import { isContentHash } from '../store/content-paths.ts';
import { itemColumns, itemOwners, PAGE_ROWID_SHIFT, pageRowid, type ItemRow } from './catalog-queries.ts';
import { openCatalogForWriting, type CatalogDatabase } from './database.ts';
import { facetText, indexableText, titleCharacters } from './search-text.ts';
import { Statements } from './statements.ts';
import { isoTimestamp } from './timestamps.ts';

/** The subjects and files some items used: candidates for a change once those items are gone. */
interface Used {
  subjects: string[];
  hashes: string[];
}

const ofPack = 'SELECT id FROM items WHERE pack_id = @id';

/**
 * The pages of the page-text file `hash`, already checked (`parsePageText`); the import reads them from the
 * content store. Called once per item that uses the file, and the pages are let go after each.
 */
export type PageTextSource = (hash: string) => readonly string[];

/** A document's text as one string, as the publisher joins a PDF's pages for an item's body. */
function joinPages(pages: readonly string[]): string {
  return pages.filter(Boolean).join('\n\n');
}

export class CatalogWriter {
  readonly #db: CatalogDatabase;
  readonly #statements: Statements;

  /** Creates the file or brings its schema up to date. */
  constructor(path: string) {
    this.#db = openCatalogForWriting(path);
    this.#statements = new Statements(this.#db);
  }

  close(): void {
    this.#db.close();
  }

  /**
   * Copies the WAL into the catalog file and truncates it. SQLite's own checkpoints reuse the WAL but never
   * shrink it, so after a large switch it would keep its peak size for good: room every later import lacks.
   * A reader holding an old snapshot past the busy timeout leaves the WAL as it is, for the next checkpoint.
   */
  checkpoint(): void {
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Replaces whatever the catalog held of `pack.id` with `pack`, in one transaction: readers see
   * the old version or the new one, never a mix, and a failure leaves the old one intact. `now` (ISO,
   * from the kiosk's clock) is the install time; it is also the arrival of every item the previous
   * version of this pack did not have, while the items it had keep theirs, so an update does not make
   * old items new again.
   *
   * An item's page-text files are read through `pageTexts`: their whole text is what the item is searched by
   * in their language (the manifest's body stops at MAX_BODY_LENGTH), and each page goes into the page index,
   * unless a file of the same hash is indexed already (an update that keeps a manual keeps its pages' rows).
   */
  installPack(pack: PackRecord, now: string, pageTexts?: PageTextSource): void {
    const installedAt = isoTimestamp(now, 'the install time');
    const statements = this.#statements;
    this.#db
      .transaction(() => {
        checkPack(pack);
        const arrivals = new Map(
          statements
            .rows<[string], { id: string; arrived_at: string }>('SELECT id, arrived_at FROM items WHERE pack_id = ?')
            .all(pack.id)
            .map((row) => [row.id, row.arrived_at]),
        );
        const previous = this.#deletePackItems(pack.id);
        // seq is set once, on first install: a new version keeps its pack's place (see `#refreshSubjects`).
        statements
          .write<[string, string, number, string]>(
            `INSERT INTO packs (id, seq, channel, version, installed_at)
             VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM packs), ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET channel = excluded.channel, version = excluded.version,
                                           installed_at = excluded.installed_at`,
          )
          .run(pack.id, pack.channel, pack.version, installedAt);

        // Only subjects the pack's items use are recorded: listing a subject alone claims no shelf.
        const used = new Set(pack.items.flatMap((item) => item.subjects));
        const insertPackSubject = statements.write<[string, string, number]>(
          'INSERT INTO pack_subjects (pack_id, subject_id, position) VALUES (?, ?, ?)',
        );
        const insertSubjectName = statements.write<[string, string, string, string]>(
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

        const insertFile = statements.write<[string, number, string]>(
          `INSERT INTO files (hash, size, media_type) VALUES (?, ?, ?)
           ON CONFLICT(hash) DO UPDATE SET size = excluded.size, media_type = excluded.media_type`,
        );
        for (const file of pack.files ?? []) insertFile.run(file.sha256, file.size, file.mediaType);

        const itemOwner = statements.values<[string], string>('SELECT pack_id FROM items WHERE id = ?');
        let pagesIndexed = false;
        const insertItem = statements.write<
          [string, string, string, string, string, number | null, number | null, 0 | 1, DocumentType | null]
        >(
          `INSERT INTO items (id, pack_id, kind, added_at, arrived_at, pages, duration_seconds, featured, document_type)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        const insertText = statements.write<[string, string, string, string, string]>(
          'INSERT INTO item_texts (item_id, lang, title, summary, body) VALUES (?, ?, ?, ?, ?)',
        );
        const insertItemSubject = statements.write<[string, string, string, 0 | 1]>(
          'INSERT INTO item_subjects (item_id, subject_id, arrived_at, featured) VALUES (?, ?, ?, ?)',
        );
        const insertItemFile = statements.write<
          [string, number, FileRole, string, string | null, number | null, string | null]
        >('INSERT INTO item_files (item_id, position, role, hash, lang, pages, page_starts) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        const insertIndex = statements.write<[number | bigint, string, string, string, string, string]>(
          'INSERT INTO search_index (rowid, title, summary, body, title_chars, facets) VALUES (?, ?, ?, ?, ?, ?)',
        );
        for (const item of pack.items) {
          const owner = itemOwner.get(item.id);
          if (owner !== undefined) {
            throw new Error(`Pack "${pack.id}" contains item "${item.id}", which pack "${owner}" already provides.`);
          }
          const addedAt = isoTimestamp(item.addedAt, `item "${item.id}" addedAt`);
          const arrivedAt = arrivals.get(item.id) ?? installedAt;
          const featured = item.featured === true ? 1 : 0;
          const seq = insertItem.run(
            item.id,
            pack.id,
            item.kind,
            addedAt,
            arrivedAt,
            item.pages ?? null,
            item.durationSeconds ?? null,
            featured,
            item.documentType ?? null,
          ).lastInsertRowid;
          const texts = Object.entries(item.texts) as [ContentLanguage, PackItemText][];
          for (const [lang, text] of texts) insertText.run(item.id, lang, text.title, text.summary, text.body ?? '');
          const fullTexts = new Map<string, string>();
          for (const file of (item.files ?? []).filter((entry) => entry.role === 'page-text')) {
            if (!pageTexts)
              throw new Error(`Item "${item.id}" has page text, and no page texts were given to read it.`);
            const pages = pageTexts(file.hash);
            if (this.#indexPages(file.hash, pages)) pagesIndexed = true;
            if (file.language !== undefined) fullTexts.set(file.language, joinPages(pages));
          }
          for (const subject of item.subjects) insertItemSubject.run(item.id, subject, arrivedAt, featured);
          (item.files ?? []).forEach((file, position) =>
            insertItemFile.run(
              item.id,
              position,
              file.role,
              file.hash,
              file.language ?? null,
              file.pages ?? null,
              file.pageStarts === undefined ? null : JSON.stringify(file.pageStarts),
            ),
          );
          const titles = texts.map(([, text]) => text.title);
          insertIndex.run(
            seq,
            indexableText(titles.join('\n')),
            indexableText(texts.map(([, text]) => text.summary).join('\n')),
            indexableText(texts.map(([lang, text]) => fullTexts.get(lang) ?? text.body ?? '').join('\n')),
            titleCharacters(titles),
            facetText({ subjects: item.subjects, languages: texts.map(([language]) => language) }),
          );
        }
        const candidates = [...previous.hashes, ...(pack.files ?? []).map((file) => file.sha256)];
        const pagesDropped = this.#dropUnreferencedPages(candidates);
        // Hundreds of thousands of pages written in one go leave the page index, and the whole texts the item
        // index, in many segments, and every lookup seeks into each: a manual's item row ranked over them took
        // 236 ms where one segment takes under 1 (bench/page-text.bench.ts). Merged into one segment each, at a
        // few per cent of the install's time; only when this install wrote or dropped pages.
        if (pagesIndexed || pagesDropped) this.#optimizePages();
        if (pagesIndexed) statements.write<[]>("INSERT INTO search_index (search_index) VALUES ('optimize')").run();
        this.#dropUnreferencedFiles(candidates);
        this.#bumpRevision();
        this.#oweGarbage(true);
      })
      .immediate();
  }

  /**
   * True when a switch or removal committed but the files it left unused may still be in the store: set in
   * the same transaction, so a process killed before the clean-up finished cannot forget it.
   */
  garbageOwed(): boolean {
    return this.#statements.values<[], number>("SELECT value FROM catalog_meta WHERE key = 'garbage_owed'").get() === 1;
  }

  /** Called once the store holds nothing the catalog does not reference (beyond what an import in progress needs). */
  garbageCollected(): void {
    this.#oweGarbage(false);
  }

  /** Removes a pack and its items; false when no such pack was installed. */
  removePack(id: string): boolean {
    return this.#db
      .transaction(() => {
        const previous = this.#deletePackItems(id);
        if (this.#statements.write<[string]>('DELETE FROM packs WHERE id = ?').run(id).changes === 0) return false;
        this.#refreshSubjects(previous.subjects);
        if (this.#dropUnreferencedPages(previous.hashes)) this.#optimizePages();
        this.#dropUnreferencedFiles(previous.hashes);
        this.#bumpRevision();
        this.#oweGarbage(true);
        return true;
      })
      .immediate();
  }

  /**
   * The installed state of a pack as a record `installPack` would accept (the base a delta is
   * applied to), or undefined when it is not installed. Subjects are those its items use, named as
   * this pack names them (not as the shelf shows them, which may be another pack's names).
   */
  packRecord(id: string): PackRecord | undefined {
    const statements = this.#statements;
    return this.#db.transaction(() => {
      const pack = statements
        .rows<[string], { id: string; channel: string; version: number }>(
          'SELECT id, channel, version FROM packs WHERE id = ?',
        )
        .get(id);
      if (!pack) return undefined;
      const items = statements
        .rows<[string], ItemRow>(`SELECT ${itemColumns} FROM items i WHERE i.pack_id = ? ORDER BY i.seq`)
        .all(id);
      const texts = Map.groupBy(
        statements
          .rows<
            { id: string },
            { item_id: string; lang: ContentLanguage; title: string; summary: string; body: string }
          >(`SELECT item_id, lang, title, summary, body FROM item_texts WHERE item_id IN (${ofPack})`)
          .all({ id }),
        (text) => text.item_id,
      );
      const links = Map.groupBy(
        statements
          .rows<{ id: string }, { item_id: string; subject_id: string }>(
            `SELECT item_id, subject_id FROM item_subjects WHERE item_id IN (${ofPack}) ORDER BY subject_id`,
          )
          .all({ id }),
        (link) => link.item_id,
      );
      const itemFiles = Map.groupBy(
        statements
          .rows<
            { id: string },
            {
              item_id: string;
              role: FileRole;
              hash: string;
              lang: ContentLanguage | null;
              pages: number | null;
              page_starts: string | null;
            }
          >(
            `SELECT item_id, role, hash, lang, pages, page_starts FROM item_files
              WHERE item_id IN (${ofPack}) ORDER BY item_id, position`,
          )
          .all({ id }),
        (file) => file.item_id,
      );
      const names = Map.groupBy(
        statements
          .rows<[string], { id: string; lang: ContentLanguage | null; name: string | null }>(
            `SELECT s.subject_id AS id, n.lang, n.name FROM pack_subjects s
               LEFT JOIN subject_names n ON n.pack_id = s.pack_id AND n.subject_id = s.subject_id
              WHERE s.pack_id = ? ORDER BY s.position, s.subject_id`,
          )
          .all(id),
        (row) => row.id,
      );
      const files = statements
        .rows<{ id: string }, PackFile>(
          `SELECT hash AS sha256, size, media_type AS mediaType FROM files
            WHERE hash IN (SELECT f.hash FROM item_files f WHERE f.item_id IN (${ofPack})) ORDER BY hash`,
        )
        .all({ id });
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
            ...(file.pages === null ? {} : { pages: file.pages }),
            ...(file.page_starts === null ? {} : { pageStarts: JSON.parse(file.page_starts) as number[] }),
          })),
          ...(row.pages === null ? {} : { pages: row.pages }),
          ...(row.duration_seconds === null ? {} : { durationSeconds: row.duration_seconds }),
          ...(row.featured === 1 ? { featured: true } : {}),
          ...(row.document_type === null ? {} : { documentType: row.document_type }),
        })),
      };
    })();
  }

  /** As `CatalogReader.itemOwners`, on this connection, so an import checks a pack against what it will switch. */
  itemOwners(ids: readonly string[]): Map<string, string> {
    return itemOwners(this.#statements, ids);
  }

  /** Deletes a pack's items and what it said about their subjects, and says which subjects and files they used. */
  #deletePackItems(packId: string): Used {
    const statements = this.#statements;
    const used = {
      subjects: statements
        .values<[string], string>(
          'SELECT DISTINCT s.subject_id FROM items i JOIN item_subjects s ON s.item_id = i.id WHERE i.pack_id = ?',
        )
        .all(packId),
      hashes: statements
        .values<[string], string>(
          'SELECT DISTINCT f.hash FROM items i JOIN item_files f ON f.item_id = i.id WHERE i.pack_id = ?',
        )
        .all(packId),
    };
    statements
      .write<[string]>('DELETE FROM search_index WHERE rowid IN (SELECT seq FROM items WHERE pack_id = ?)')
      .run(packId);
    statements.write<[string]>('DELETE FROM items WHERE pack_id = ?').run(packId);
    statements.write<[string]>('DELETE FROM pack_subjects WHERE pack_id = ?').run(packId);
    return used;
  }

  /**
   * Re-derives the shelves of the given subjects from what the installed packs say: each shelf takes
   * its names and place from the earliest installed pack whose items use it, and a subject no pack
   * uses any more goes. Only these subjects are touched, so an install costs the same at any catalog size.
   */
  #refreshSubjects(subjectIds: readonly string[]): void {
    const statements = this.#statements;
    const owner = statements.rows<[string], { packId: string; seq: number; position: number }>(
      `SELECT s.pack_id AS packId, p.seq, s.position FROM pack_subjects s JOIN packs p ON p.id = s.pack_id
        WHERE s.subject_id = ? ORDER BY p.seq LIMIT 1`,
    );
    const upsert = statements.write<[string, string, number, number]>(
      `INSERT INTO subjects (id, pack_id, pack_seq, position) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET pack_id = excluded.pack_id, pack_seq = excluded.pack_seq, position = excluded.position`,
    );
    const remove = statements.write<[string]>('DELETE FROM subjects WHERE id = ?');
    for (const id of new Set(subjectIds)) {
      const row = owner.get(id);
      if (row) upsert.run(id, row.packId, row.seq, row.position);
      else remove.run(id);
    }
  }

  /** Writes the pages of page-text file `hash` into the page index, unless they are there already (false). */
  #indexPages(hash: string, pages: readonly string[]): boolean {
    const statements = this.#statements;
    if (statements.values<[string], number>('SELECT id FROM page_docs WHERE hash = ?').get(hash) !== undefined)
      return false;
    const docId = Number(
      statements.write<[string, number]>('INSERT INTO page_docs (hash, pages) VALUES (?, ?)').run(hash, pages.length)
        .lastInsertRowid,
    );
    const insertText = statements.write<[number, string]>('INSERT INTO page_texts (rowid, text) VALUES (?, ?)');
    const insertIndex = statements.write<[number, string]>('INSERT INTO page_index (rowid, text) VALUES (?, ?)');
    pages.forEach((text, index) => {
      if (text === '') return;
      const rowid = pageRowid(docId, index + 1);
      insertText.run(rowid, text);
      insertIndex.run(rowid, indexableText(text));
    });
    return true;
  }

  #optimizePages(): void {
    this.#statements.write<[]>("INSERT INTO page_index (page_index) VALUES ('optimize')").run();
  }

  /**
   * Page-text files no installed item uses any more leave the page index; only the candidates are checked.
   * True when some did.
   */
  #dropUnreferencedPages(hashes: readonly string[]): boolean {
    const statements = this.#statements;
    const unused = statements
      .values<[string], number>(
        `SELECT d.id FROM page_docs d WHERE d.hash IN (SELECT value FROM json_each(?))
            AND NOT EXISTS (SELECT 1 FROM item_files f WHERE f.hash = d.hash)`,
      )
      .all(JSON.stringify(hashes));
    const range = (docId: number) => [pageRowid(docId, 0), pageRowid(docId, PAGE_ROWID_SHIFT - 1)] as const;
    const deleteIndex = statements.write<[number, number]>(
      'DELETE FROM page_index WHERE rowid IN (SELECT rowid FROM page_texts WHERE rowid BETWEEN ? AND ?)',
    );
    const deleteTexts = statements.write<[number, number]>('DELETE FROM page_texts WHERE rowid BETWEEN ? AND ?');
    const deleteDoc = statements.write<[number]>('DELETE FROM page_docs WHERE id = ?');
    for (const docId of unused) {
      deleteIndex.run(...range(docId));
      deleteTexts.run(...range(docId));
      deleteDoc.run(docId);
    }
    return unused.length > 0;
  }

  /** Files no installed item uses any more go with their last item; only the candidates are checked. */
  #dropUnreferencedFiles(hashes: readonly string[]): void {
    this.#statements
      .write<[string]>(
        `DELETE FROM files WHERE hash IN (SELECT value FROM json_each(?))
            AND NOT EXISTS (SELECT 1 FROM item_files i WHERE i.hash = files.hash)`,
      )
      .run(JSON.stringify(hashes));
  }

  #oweGarbage(owed: boolean): void {
    this.#statements.write<[number]>("UPDATE catalog_meta SET value = ? WHERE key = 'garbage_owed'").run(owed ? 1 : 0);
  }

  #bumpRevision(): void {
    this.#statements.write<[]>("UPDATE catalog_meta SET value = value + 1 WHERE key = 'revision'").run();
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
