/**
 * The Noto faces the demo leaflets are set in, read from the machine's font folders (Debian's fonts-noto-*),
 * and subset to the characters one leaflet uses so each PDF carries only a few kilobytes of font.
 */
import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';
import { fontFromCollection } from './font-collection.ts';

const noto = '/usr/share/fonts/truetype/noto';
const cjk = '/usr/share/fonts/opentype/noto';

interface FontSource {
  file: string;
  /** Index of the face inside a .ttc collection. */
  index?: number;
}

/** Order of faces in Debian's NotoSansCJK-*.ttc: jp, kr, sc, tc, hk. */
const faces: Record<ContentLanguage, { regular: FontSource; bold: FontSource }> = {
  en: { regular: { file: `${noto}/NotoSans-Regular.ttf` }, bold: { file: `${noto}/NotoSans-Bold.ttf` } },
  'mn-Cyrl': { regular: { file: `${noto}/NotoSans-Regular.ttf` }, bold: { file: `${noto}/NotoSans-Bold.ttf` } },
  ko: {
    regular: { file: `${cjk}/NotoSansCJK-Regular.ttc`, index: 1 },
    bold: { file: `${cjk}/NotoSansCJK-Bold.ttc`, index: 1 },
  },
  zh: {
    regular: { file: `${cjk}/NotoSansCJK-Regular.ttc`, index: 2 },
    bold: { file: `${cjk}/NotoSansCJK-Bold.ttc`, index: 2 },
  },
  // Noto Sans Mongolian has one weight; headings are set larger and in colour instead.
  'mn-Mong': {
    regular: { file: `${noto}/NotoSansMongolian-Regular.ttf` },
    bold: { file: `${noto}/NotoSansMongolian-Regular.ttf` },
  },
};

const loaded = new Map<string, Promise<Buffer>>();

function load(source: FontSource): Promise<Buffer> {
  const key = `${source.file}#${source.index ?? 0}`;
  let font = loaded.get(key);
  if (!font) {
    font = readFile(source.file).then(
      (bytes) => (source.index === undefined ? bytes : Buffer.from(fontFromCollection(bytes, source.index))),
      (error: unknown) => {
        throw new Error(
          `font ${source.file} is missing (apt-get install fonts-noto-core fonts-noto-cjk fonts-noto-extra): ${String(error)}`,
        );
      },
    );
    loaded.set(key, font);
  }
  return font;
}

export interface LeafletFonts {
  regular: Buffer;
  bold: Buffer;
  /** Latin face for page numbers, and in traditional Mongolian for the digits and Latin letters its face lacks. */
  latin: Buffer;
  /** Whether pdf-lib should subset `regular` and `bold` itself (they are whole fonts). */
  subsetWhenEmbedding: boolean;
}

/** The faces for `language`, each cut down to the characters of `text`. */
export async function leafletFonts(language: ContentLanguage, text: string): Promise<LeafletFonts> {
  const characters = `${text} 0123456789/·`;
  const latinCharacters = ' 0123456789/·' + (language === 'mn-Mong' ? text : '');
  const latin = await subsetFont(await load(faces.en.regular), latinCharacters, { targetFormat: 'sfnt' });
  // hb-subset keeps Mongolian's joining forms out of fontkit's reach (letters come out isolated), while
  // pdf-lib's own subsetter handles this TrueType-outline face well; the CFF-based CJK faces need hb-subset.
  if (language === 'mn-Mong') {
    const whole = await load(faces[language].regular);
    return { regular: whole, bold: whole, latin, subsetWhenEmbedding: true };
  }
  const subset = async (source: FontSource) => subsetFont(await load(source), characters, { targetFormat: 'sfnt' });
  return {
    regular: await subset(faces[language].regular),
    bold: await subset(faces[language].bold),
    latin,
    subsetWhenEmbedding: false,
  };
}
