/**
 * The pack format's narration: a `narration` file of a PDF item, in one language, with the second each page
 * starts at. A hostile or careless pack is refused with words that say what is wrong and where.
 */
import { describe, expect, it } from 'vitest';
import { PackManifest, PageStarts, type FullManifest } from '../../../main/packs/manifest.ts';
import { PackError } from '../../../main/packs/pack-error.ts';
import { verifyPack } from '../../../main/packs/verify-pack.ts';
import { buildTestPack, resign, trustOnly } from './pack-fixtures.ts';

const pdfHash = 'a'.repeat(64);
const audioHash = 'b'.repeat(64);

function manifest(narration: Record<string, unknown>, options: { pages?: number; mediaType?: string } = {}): unknown {
  return {
    format: 1,
    id: 'test',
    channel: 'main',
    version: 1,
    createdAt: '2026-11-01T00:00:00Z',
    expiresAt: '2027-11-01T00:00:00Z',
    keyId: 'centre-test',
    kind: 'full',
    subjects: [{ id: 'health', names: { en: 'Health' } }],
    files: [
      { sha256: pdfHash, size: 10, mediaType: 'application/pdf' },
      { sha256: audioHash, size: 10, mediaType: options.mediaType ?? 'audio/wav' },
    ],
    items: [
      {
        id: 'hand-washing',
        kind: 'pdf',
        addedAt: '2026-11-01T00:00:00Z',
        subjects: ['health'],
        texts: { en: { title: 'Hands', summary: '', body: '' } },
        files: [
          { role: 'main', hash: pdfHash, language: 'en' },
          { role: 'narration', hash: audioHash, language: 'en', pageStarts: [0, 12.5, 30], ...narration },
        ],
        pages: options.pages ?? 3,
      },
    ],
  } satisfies Record<string, unknown>;
}

/** The problems zod finds, as "path: message". */
function problems(value: unknown): string[] {
  const parsed = PackManifest.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('narration in the manifest', () => {
  it('accepts a narration with its language and page starts, and keeps them', () => {
    const parsed = PackManifest.parse(manifest({})) as FullManifest;
    expect(parsed.items[0]!.files[1]).toEqual({
      role: 'narration',
      hash: audioHash,
      language: 'en',
      pageStarts: [0, 12.5, 30],
    });
  });

  it('needs the language and the page starts', () => {
    expect(problems(manifest({ language: undefined }))).toEqual([
      'items.0.files.1.language: a narration needs its language',
    ]);
    expect(problems(manifest({ pageStarts: undefined }))).toEqual([
      'items.0.files.1.pageStarts: a narration needs pageStarts',
    ]);
  });

  it.each([
    [[], 'Too small'],
    [[1, 2], 'page 1 must start at 0 seconds'],
    [[0, 5, 5], 'page 3 must start after page 2 (5 s), not at 5 s'],
    [[0, 9, 4], 'page 3 must start after page 2 (9 s), not at 4 s'],
    [[0, -1], 'Too small'],
    [[0, '3'], 'expected number'],
    [[0, 2e9], 'Too big'],
  ])('refuses the page starts %j', (pageStarts, message) => {
    const found = problems(manifest({ pageStarts }));
    expect(found.length).toBeGreaterThan(0);
    for (const problem of found) expect(problem).toMatch(/^items\.0\.files\.1\.pageStarts/);
    expect(
      found.some((problem) => problem.toLowerCase().includes(message.toLowerCase())),
      found.join('; '),
    ).toBe(true);
  });

  it('refuses more page marks than the PDF has pages', () => {
    expect(problems(manifest({ pageStarts: [0, 1, 2, 3] }))).toEqual([
      'items.0: item "hand-washing" has a narration marking 4 pages, but only 3 pages',
    ]);
  });

  it('refuses a narration that is not audio the kiosk plays', () => {
    expect(problems(manifest({}, { mediaType: 'text/html' }))).toEqual([
      'items.0: item "hand-washing" has a narration of type text/html, not audio/wav or audio/ogg',
    ]);
  });

  it('refuses page starts on another role, two narrations in one language, and a narration outside a PDF', () => {
    const value = manifest({}) as { items: { kind: string; files: Record<string, unknown>[] }[] };
    value.items[0]!.files[0]!['pageStarts'] = [0];
    expect(problems(value)).toEqual(['items.0.files.0.pageStarts: only a narration has pageStarts']);
    delete value.items[0]!.files[0]!['pageStarts'];
    value.items[0]!.files.push({ ...value.items[0]!.files[1]! });
    expect(problems(value)).toEqual(['items.0: item "hand-washing" has two narrations in en']);
    value.items[0]!.files.pop();
    value.items[0]!.kind = 'video';
    expect(problems(value)).toEqual(['items.0: item "hand-washing" is a video, and only a pdf has a narration']);
  });

  it('refuses a hostile signed pack at import with a clear malformed-manifest', async () => {
    const pack = await buildTestPack();
    await resign(pack.dir, pack.key, (raw) => {
      const item = (raw['items'] as { files: { hash: string }[] }[])[0]!;
      item.files.push({ role: 'narration', hash: item.files[0]!.hash, language: 'en', pageStarts: [0, -3] } as never);
    });
    const error = await verifyPack(pack.dir, { trust: trustOnly(pack.key) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).code).toBe('malformed-manifest');
    expect((error as PackError).detail).toMatch(/pageStarts/);
  });
});

describe('PageStarts', () => {
  it('takes one page starting at 0', () => {
    expect(PageStarts.parse([0])).toEqual([0]);
  });
});
