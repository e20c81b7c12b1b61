/**
 * Ids for the contests and teams staff create: a slug of the name where it has Latin letters or digits
 * ("Science week" → `science-week`), else a numbered one (`contest-2`), never one already taken.
 * An id, once saved, never changes: team results are kept under it.
 */
const maxLength = 48;

/** Lower-case Latin letters and digits of `text`, accents dropped, everything else turned into single dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mark}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

/** `text`'s slug, or `fallback` when it has none, numbered from 2 while the one before is taken. */
export function uniqueSlug(text: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = slugify(text) || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
