/**
 * The `page-text` file a PDF item carries beside its PDF: the document's whole text, page by page, so a kiosk
 * indexes all of it (the manifest's `body` stops at MAX_BODY_LENGTH) and a search can say which page matched.
 * One UTF-8 JSON object, `{"format":1,"pages":["page 1's text", …]}`, read strictly: any other shape, a
 * repeated key, a control character or a page over the limits is refused, never half used.
 */
import { z } from 'zod';
import { MAX_PAGES } from './manifest.ts';

export const PAGE_TEXT_FORMAT = 1;
export const PAGE_TEXT_MEDIA_TYPE = 'application/json';
/** A 2,000-page manual of dense text is about 10 MB; four times that is room enough, and a bounded read. */
export const MAX_PAGE_TEXT_BYTES = 48 * 1024 * 1024;
/** One page's text, in UTF-16 units: a dense A4 page holds about 6,000 characters. */
export const MAX_PAGE_TEXT_LENGTH = 100_000;

// As the publisher's body hygiene (tools/publish/body-text.ts) leaves a text: no C0 controls but tab and line
// feed, no DEL or C1, no bidi embeddings, overrides or isolates, no private-use, lone surrogate or noncharacter.
const notPageText =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\p{Co}\p{Noncharacter_Code_Point}]/u;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const PageTextFile = z.strictObject({
  format: z.literal(PAGE_TEXT_FORMAT),
  pages: z.array(z.string().max(MAX_PAGE_TEXT_LENGTH)).min(1).max(MAX_PAGES),
});

/** The file's bytes for `pages`, as the publisher writes them. */
export function pageTextBytes(pages: readonly string[]): Buffer {
  return Buffer.from(JSON.stringify({ format: PAGE_TEXT_FORMAT, pages }), 'utf8');
}

export type PageTextResult = { ok: true; pages: string[] } | { ok: false; problem: string };

/** Reads a page-text file's bytes; `problem` says what is wrong, for the refusal's detail. */
export function parsePageText(bytes: Uint8Array): PageTextResult {
  if (bytes.length > MAX_PAGE_TEXT_BYTES) {
    return { ok: false, problem: `is ${bytes.length} bytes, the limit is ${MAX_PAGE_TEXT_BYTES}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: 'is not UTF-8' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `is not JSON: ${String(error).slice(0, 200)}` };
  }
  const parsed = PageTextFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${issue.path.join('.') || '(top level)'}: ${issue.message}` };
  }
  // The only keys are `format` and `pages`: more than two colons outside strings, and a key was repeated.
  if (colonsOutsideStrings(text) !== 2) return { ok: false, problem: 'names "format" or "pages" twice' };
  const { pages } = parsed.data;
  for (const [index, page] of pages.entries()) {
    if (notPageText.test(page) || loneSurrogate.test(page)) {
      return { ok: false, problem: `page ${index + 1} holds a control character or a code point that is not text` };
    }
  }
  return { ok: true, pages };
}

function colonsOutsideStrings(text: string): number {
  let colons = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x3a) colons++;
  }
  return colons;
}
