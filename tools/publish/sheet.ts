/**
 * The collection sheet a librarian edits (YAML): subjects, items, their titles and summaries per language and
 * the source files they use. Parsing reports every problem with its line and field, so it can be fixed by hand.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DocumentType, ItemKind } from '../../preload/contract/catalog.ts';
import { ContentLanguage, Slug } from '../../preload/contract/schemas.ts';
import {
  FileRole,
  MAX_DURATION_SECONDS,
  MAX_ITEM_FILES,
  MAX_ITEM_SUBJECTS,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
  PageStarts,
  SubjectEntry,
} from '../../main/packs/manifest.ts';

/** A path relative to the source folder: no absolute paths, no `..`, no backslashes. */
const SourcePath = z
  .string()
  .min(1)
  .max(500)
  .refine(
    (value) => !value.startsWith('/') && !/^[a-zA-Z]:/.test(value) && !value.includes('\\'),
    'must be a path relative to the source folder, written with /',
  )
  .refine((value) => !value.split('/').includes('..'), 'must not contain ".." (stay inside the source folder)');

/** `2026-11-01` or a full ISO timestamp. */
const SheetDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, 'a date like 2026-11-01')
  .transform((value) => (value.length === 10 ? `${value}T00:00:00Z` : value))
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a real date');

const SheetText = z.strictObject({
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  summary: z.string().max(MAX_SUMMARY_LENGTH).default(''),
  /** Full text given directly (articles); PDFs and quizzes get theirs from their main file. */
  body: z.string().optional(),
  /** Full text read from a UTF-8 file (articles). */
  bodyFile: SourcePath.optional(),
});

const SheetFile = z
  .strictObject({
    role: FileRole,
    path: SourcePath,
    language: ContentLanguage.optional(),
    /** A recorded narration's page marks: the second each page starts at, page 1 at 0. */
    pageStarts: PageStarts.optional(),
  })
  .superRefine((file, ctx) => {
    if (file.role === 'narration' && file.language === undefined)
      ctx.addIssue({ code: 'custom', message: 'a narration needs its language', path: ['language'] });
    if (file.role === 'narration' && file.pageStarts === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'a narration needs pageStarts: the second each page starts at, such as [0, 21.5, 40]',
        path: ['pageStarts'],
      });
    if (file.role !== 'narration' && file.pageStarts !== undefined)
      ctx.addIssue({ code: 'custom', message: 'only a narration has pageStarts', path: ['pageStarts'] });
  });

const SheetItem = z
  .strictObject({
    id: Slug,
    kind: ItemKind,
    addedAt: SheetDate,
    subjects: z.array(Slug).min(1).max(MAX_ITEM_SUBJECTS),
    texts: z
      .partialRecord(ContentLanguage, SheetText)
      .refine((texts) => Object.keys(texts).length > 0, 'give a title in at least one language'),
    files: z.array(SheetFile).max(MAX_ITEM_FILES).default([]),
    durationSeconds: z.number().nonnegative().max(MAX_DURATION_SECONDS).optional(),
    /** Shown first on the attract screen. YAML's `yes` or `"true"` are strings, and refused as such. */
    featured: z
      .boolean({ error: (issue) => `must be true or false (without quotes), not ${JSON.stringify(issue.input)}` })
      .optional(),
    /** What a PDF is, for its label; without it the build guesses from the page count. */
    documentType: DocumentType.optional(),
    /**
     * Read the PDF aloud with espeak-ng (`narration.ts`): `true` in every language it has a main PDF in, or the
     * languages listed. A language with a recorded narration keeps it.
     */
    narrate: z.union([z.literal(true), z.array(ContentLanguage).min(1)]).optional(),
  })
  .refine((item) => item.documentType === undefined || item.kind === 'pdf', {
    message: 'only a pdf item has a documentType',
    path: ['documentType'],
  })
  .refine((item) => item.narrate === undefined || item.kind === 'pdf', {
    message: 'only a pdf item is narrated',
    path: ['narrate'],
  });
export type SheetItem = z.infer<typeof SheetItem>;

export const Sheet = z.strictObject({
  subjects: z.array(SubjectEntry).min(1),
  items: z.array(SheetItem).min(1),
});
export type Sheet = z.infer<typeof Sheet>;

export class SheetError extends Error {
  override readonly name = 'SheetError';
  /** One line per problem: `sheet.yaml line 12, items[3].texts.en.title: …`. */
  readonly problems: string[];

  constructor(fileName: string, problems: string[]) {
    super(`${fileName} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

export function parseSheet(text: string, fileName = 'sheet.yaml'): Sheet {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new SheetError(
      fileName,
      document.errors.map((error) => {
        const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
        return `${fileName} line ${line}: ${error.message.split('\n')[0]}`;
      }),
    );
  }
  const parsed = Sheet.safeParse(document.toJS());
  if (parsed.success) return parsed.data;
  throw new SheetError(
    fileName,
    parsed.error.issues.slice(0, 30).map((issue) => {
      // The deepest node that exists: a missing field is reported at the object that lacks it.
      let line: number | undefined;
      for (let depth = issue.path.length; depth >= 0 && line === undefined; depth--) {
        const node = document.getIn(issue.path.slice(0, depth), true) as
          { range?: [number, number, number] } | undefined;
        if (node?.range) line = lineCounter.linePos(node.range[0]).line;
      }
      const field = fieldName(issue.path) || '(top level)';
      return `${fileName}${line === undefined ? '' : ` line ${line}`}, ${field}: ${issue.message}`;
    }),
  );
}
