/**
 * A synthetic multilingual catalog for the search benchmark: packs of items whose titles,
 * summaries and bodies are drawn from Zipf-distributed vocabularies in English, Korean, Chinese
 * and Mongolian (Cyrillic and traditional script), and queries drawn from the same vocabularies.
 * Seeded, so every run builds the same catalog and asks the same questions.
 */
import type { ContentLanguage } from '../preload/contract/schemas.ts';
import type { PackItem, PackRecord } from '../main/packs/pack-record-types.ts';

/** Bump when the generated catalog changes, so a cached database from an older generator is not reused. */
export const CORPUS_VERSION = 1;
export const ITEMS_PER_PACK = 5_000;

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s, the shape of word frequencies in real text. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let rank = 0; rank < n; rank++) cumulative[rank] = sum += 1 / (rank + 1) ** s;
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

const englishSeeds = (
  'the of and to in is for on with how water soil energy solar power light heat plant crop seed farm health body heart food ' +
  'clean air climate weather rain river city home school child learn science machine engine motor battery wind ' +
  'fuel stove cook safe drink disease vaccine medicine doctor animal forest tree insect bird fish ocean earth rock ' +
  'mineral metal iron steel build bridge road tool computer network signal radio phone star planet moon space ' +
  'rocket chemistry physics biology math number measure graph energy electricity circuit magnet sound wave'
).split(' ');
const englishSyllables = (
  'ab ac ad al am an ar as at ba be bi bo ca ce ci co cu da de di do du en er es fa fe fi fo ga ge gi go ha he hi ho in ' +
  'ir is ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu on or pa pe pi po pu ra re ri ro ru sa se si so su ' +
  'ta te ti to tu un ur va ve vi vo za ze zi zo tion ment ness ing er al ic ive'
).split(' ');
const commonHan =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经' +
  '十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形' +
  '相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展' +
  '五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战' +
  '先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白' +
  '教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且' +
  '究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值' +
  '号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';

function hangulSyllables(): string[] {
  const finals = [0, 4, 8, 16, 21, 1];
  const syllables: string[] = [];
  for (let initial = 0; initial < 19; initial++)
    for (let medial = 0; medial < 21; medial++)
      for (const final of finals) syllables.push(String.fromCodePoint(0xac00 + (initial * 21 + medial) * 28 + final));
  return syllables;
}

const cyrillicConsonants = 'б в г д ж з л м н п р с т х ц ч ш'.split(' ');
const cyrillicVowels = 'а э и о у ө ү'.split(' ');
const mongolianConsonants = Array.from('ᠨᠪᠬᠭᠮᠯᠰᠱᠲᠳᠴᠵᠶᠷ');
const mongolianVowels = Array.from('ᠠᠡᠢᠣᠤᠥᠦ');

interface Language {
  code: ContentLanguage;
  words: string[];
  /** Words are separated by spaces (all but Chinese). */
  spaced: boolean;
  next: () => number;
}

function vocabulary(size: number, make: (index: number) => string): string[] {
  const words = new Set<string>();
  for (let index = 0; words.size < size; index++) words.add(make(index));
  return [...words];
}

function buildLanguages(random: () => number): Language[] {
  const hangul = hangulSyllables();
  const hangulRank = zipf(hangul.length, 0.9, random);
  const hanRank = zipf(commonHan.length, 0.9, random);
  const han = Array.from(commonHan);
  const syllable = (consonants: string[], vowels: string[]) => pick(consonants, random) + pick(vowels, random);
  const repeat = (count: number, make: () => string) => Array.from({ length: count }, make).join('');
  const languages: Omit<Language, 'next'>[] = [
    {
      code: 'en',
      spaced: true,
      words: vocabulary(30_000, (index) =>
        index < englishSeeds.length
          ? englishSeeds[index]!
          : repeat(2 + Math.floor(random() * 3), () => pick(englishSyllables, random)),
      ),
    },
    {
      code: 'ko',
      spaced: true,
      words: vocabulary(30_000, () => repeat(2 + Math.floor(random() * 2), () => hangul[hangulRank()]!)),
    },
    {
      code: 'zh',
      spaced: false,
      words: vocabulary(30_000, () => {
        const roll = random();
        const length = roll < 0.1 ? 1 : roll < 0.8 ? 2 : 3 + Math.floor(random() * 2);
        return repeat(length, () => han[hanRank()]!);
      }),
    },
    {
      code: 'mn-Cyrl',
      spaced: true,
      words: vocabulary(30_000, () =>
        repeat(2 + Math.floor(random() * 3), () => syllable(cyrillicConsonants, cyrillicVowels)),
      ),
    },
    {
      code: 'mn-Mong',
      spaced: true,
      words: vocabulary(30_000, () =>
        repeat(2 + Math.floor(random() * 3), () => syllable(mongolianConsonants, mongolianVowels)),
      ),
    },
  ];
  return languages.map((language) => ({ ...language, next: zipf(language.words.length, 1.0, random) }));
}

export interface Corpus {
  /** One page of running text in `language`, about `words` words long, from the corpus's own vocabulary. */
  page(language: ContentLanguage, words: number): string;
  /** The packs, one at a time, so a million items never sit in memory at once. */
  packs(itemCount: number): Generator<PackRecord>;
  queries(count: number): { query: string; language: ContentLanguage; form: string }[];
}

export function syntheticCorpus(seed = 20261121): Corpus {
  const random = seededRandom(seed);
  const languages = buildLanguages(random);
  const subjects = Array.from({ length: 40 }, (_, index) => `subject-${index + 1}`);
  const byCode = new Map(languages.map((language) => [language.code, language]));

  const phrase = (language: Language, words: number) => {
    const drawn = Array.from({ length: words }, () => language.words[language.next()]!);
    return drawn.join(language.spaced ? ' ' : '');
  };
  const sentences = (language: Language, count: number) =>
    Array.from({ length: count }, () => phrase(language, 6 + Math.floor(random() * 8))).join(
      language.spaced ? '. ' : '。',
    );

  function item(index: number): PackItem {
    const primary = pick(languages, random);
    const codes = new Set<ContentLanguage>([primary.code]);
    if (random() < 0.5) codes.add('en');
    if (random() < 0.2) codes.add(pick(languages, random).code);
    const texts: PackItem['texts'] = {};
    for (const code of codes) {
      const language = byCode.get(code)!;
      texts[code] = {
        title: phrase(language, 3 + Math.floor(random() * 5)),
        summary: sentences(language, 1 + Math.floor(random() * 2)),
        body: sentences(language, 6 + Math.floor(random() * 6)),
      };
    }
    const subjectCount = 1 + Math.floor(random() * 2);
    return {
      id: `item-${index}`,
      kind: pick(['pdf', 'video', 'article', 'quiz'] as const, random),
      addedAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 3 * 365) * 86_400_000).toISOString(),
      subjects: [...new Set(Array.from({ length: subjectCount }, () => pick(subjects, random)))],
      texts,
    };
  }

  return {
    page(code, words) {
      const language = byCode.get(code)!;
      const lines: string[] = [];
      for (let written = 0; written < words;) {
        const length = 6 + Math.floor(random() * 8);
        lines.push(phrase(language, length));
        written += length;
      }
      return lines.join(language.spaced ? '.\n' : '。');
    },

    *packs(itemCount) {
      for (let start = 0, pack = 1; start < itemCount; start += ITEMS_PER_PACK, pack++) {
        const items: PackItem[] = [];
        for (let index = start; index < Math.min(itemCount, start + ITEMS_PER_PACK); index++) items.push(item(index));
        yield {
          id: `bench-${pack}`,
          channel: 'bench',
          version: 1,
          subjects: subjects.map((id) => ({ id, names: { en: id } })),
          items,
        };
      }
    },

    /**
     * What visitors type: whole words and word beginnings, one- to four-character Hangul and Han
     * strings, two-word queries. Words come from the same Zipf law minus its top, as visitors ask
     * for content words rather than "the" or "的".
     */
    queries(count) {
      const queryRandom = seededRandom(seed + 1);
      const rankers = new Map(
        languages.map((language) => [language.code, zipf(language.words.length, 1.0, queryRandom)]),
      );
      const contentWord = (language: Language) => {
        const next = rankers.get(language.code)!;
        let rank = next();
        while (rank < 30) rank = next();
        return language.words[rank]!;
      };
      const forms: Record<ContentLanguage, ((language: Language) => [string, string])[]> = {
        en: [
          (l) => ['word', contentWord(l)],
          (l) => ['prefix', contentWord(l).slice(0, 4).toUpperCase()],
          (l) => ['two words', `${contentWord(l)} ${contentWord(l)}`],
        ],
        ko: [
          (l) => ['word', contentWord(l)],
          (l) => ['1 syllable', Array.from(contentWord(l))[0]!],
          (l) => ['2 syllables', Array.from(contentWord(l)).slice(0, 2).join('')],
          (l) => ['two words', `${contentWord(l)} ${contentWord(l)}`],
        ],
        zh: [
          (l) => ['word', contentWord(l)],
          (l) => ['1 character', Array.from(contentWord(l))[0]!],
          (l) => [
            '2 characters',
            Array.from(contentWord(l) + contentWord(l))
              .slice(0, 2)
              .join(''),
          ],
          (l) => [
            '4 characters',
            Array.from(contentWord(l) + contentWord(l))
              .slice(0, 4)
              .join(''),
          ],
        ],
        'mn-Cyrl': [
          (l) => ['word', contentWord(l)],
          (l) => ['prefix', contentWord(l).slice(0, 4)],
          (l) => ['two words', `${contentWord(l)} ${contentWord(l)}`],
        ],
        'mn-Mong': [
          (l) => ['word', contentWord(l)],
          (l) => ['prefix', Array.from(contentWord(l)).slice(0, 4).join('')],
        ],
      };
      return Array.from({ length: count }, (_, index) => {
        const language = languages[index % languages.length]!;
        const [form, query] = pick(forms[language.code], queryRandom)(language);
        return { query, language: language.code, form };
      });
    },
  };
}
