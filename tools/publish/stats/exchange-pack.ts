/**
 * `stats merge --exchange-pack`: the merge's comparison of the venues as a signed content pack, the format kiosks
 * import, whose one item is an "achievements" leaflet (a PDF in every content language): the venues side by side
 * and the items read the longest. Every kiosk of the channel puts it on its shelf, and replaces it with the next
 * merge's, whose version is higher.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { FullManifest } from '../../../main/packs/manifest.ts';
import { ContentLanguage } from '../../../preload/contract/schemas.ts';
import { buildPackFromSheet } from '../build-pack.ts';
import { renderLeaflet, type LeafletText } from '../demo/leaflet-pdf.ts';
import type { Sheet } from '../sheet.ts';
import { exchangeMessages, type ExchangeMessages } from './exchange-messages.ts';
import type { MergeReport } from './merge-stats.ts';
import { smallestPublishedCount } from './stats-report.ts';

export interface ExchangePackOptions {
  outDir: string;
  keyFile: string;
  channel: string;
  /** The merge's time: the pack's and the leaflet's date, and where its version comes from. */
  createdAt: Date;
}

/** The pack's and its item's id: one per channel, so each merge's pack replaces the last. */
export const exchangeId = (channel: string): string => `exchange-${channel}`;

/**
 * Seconds since 2025 at the merge: higher for every later merge without the centre keeping a count, and below the
 * manifest's 2^31 − 1 until 2093.
 */
export function exchangeVersion(createdAt: Date): number {
  return Math.floor((createdAt.getTime() - Date.UTC(2025, 0, 1)) / 1000);
}

const colour = '#35598f';
const subjectId = 'reading-rooms';
const mostRead = 10;

/**
 * The scripts each leaflet's faces draw (`demo-fonts.ts`): Noto Sans for English and Cyrillic Mongolian, Noto Sans
 * CJK for Korean and Chinese, Noto Sans Mongolian with Noto Sans for the rest of traditional Mongolian.
 */
const drawable: Record<ContentLanguage, RegExp> = {
  en: /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]*$/u,
  'mn-Cyrl': /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]*$/u,
  ko: /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]*$/u,
  zh: /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]*$/u,
  'mn-Mong':
    /^[\p{Script=Mongolian}\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]*$/u,
};

/** An item's title where the leaflet's faces can draw it, else its id: a title in another script would be boxes. */
const shownTitle = (item: MergeReport['byItem'][number], language: ContentLanguage): string =>
  item.itemTitle && drawable[language].test(item.itemTitle) ? item.itemTitle : item.itemId;

/** Intl's locale for a content language: both Mongolian scripts share the language's number rules. */
const locales: Record<ContentLanguage, string> = { en: 'en', ko: 'ko', zh: 'zh', 'mn-Cyrl': 'mn', 'mn-Mong': 'mn' };

function days(report: MergeReport): { from: string; to: string } {
  const firstDays = report.byVenue.map((v) => v.firstDay).filter(Boolean);
  const lastDays = report.byVenue.map((v) => v.lastDay).filter(Boolean);
  return { from: firstDays.sort()[0] ?? '', to: lastDays.sort().at(-1) ?? '' };
}

function leafletText(report: MergeReport, language: ContentLanguage): LeafletText {
  const words = exchangeMessages[language];
  const locale = locales[language];
  const say = (message: string, values: Record<string, string | number>) =>
    String(new IntlMessageFormat(message, locale).format(values));
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const hours = (seconds: number) => number.format(seconds / 3600);
  const venues = report.byVenue.toSorted((a, b) => b.visits - a.visits || (a.name < b.name ? -1 : 1));
  const withQuizzes = venues.some((v) => v.quizAttempts > 0);
  // An item is named only when its opens and its reading are counts the report would publish too.
  const read = report.byItem
    .filter((item) => item.opens >= smallestPublishedCount && item.readingEvents >= smallestPublishedCount)
    .toSorted((a, b) => b.readingSeconds - a.readingSeconds || (a.itemId < b.itemId ? -1 : 1))
    .slice(0, mostRead);
  const total = (pick: (v: MergeReport['byVenue'][number]) => number) => venues.reduce((sum, v) => sum + pick(v), 0);
  const span = { venues: venues.length, ...days(report) };
  return {
    intro: say(words.intro, span),
    sections: [
      {
        heading: words.venuesHeading,
        text: words.venuesText,
        table: {
          header: [words.venue, words.visits, words.opened, words.hours, ...(withQuizzes ? [words.quiz] : [])],
          rows: venues.map((v) => [
            v.name,
            number.format(v.visits),
            number.format(v.itemsOpened),
            hours(v.readingSeconds),
            ...(withQuizzes ? [number.format(v.quizAttempts)] : []),
          ]),
        },
      },
      {
        heading: words.itemsHeading,
        text: read.length > 0 ? words.itemsText : words.noItems,
        ...(read.length > 0
          ? {
              table: {
                header: [words.item, words.hours, words.opened],
                rows: read.map((item) => [
                  shownTitle(item, language),
                  hours(item.readingSeconds),
                  number.format(item.opens),
                ]),
              },
            }
          : {}),
      },
      ...contestSections(report, words, say, number),
    ],
    fact: say(words.fact, {
      hours: hours(total((v) => v.readingSeconds)),
      visits: number.format(total((v) => v.visits)),
    }),
  };
}

/** One section a contest: its units with five attempts or more (fewer could point at a person), best first. */
function contestSections(
  report: MergeReport,
  words: ExchangeMessages,
  say: (message: string, values: Record<string, string | number>) => string,
  number: Intl.NumberFormat,
): LeafletText['sections'] {
  const contests = Map.groupBy(
    report.byContest.filter((team) => team.attempts >= smallestPublishedCount),
    (team) => team.contestId,
  );
  return [...contests.values()].map((teams) => ({
    heading: say(words.contestHeading, { contest: teams[0]!.title.split(' — ')[0] || teams[0]!.contestId }),
    text: words.contestText,
    table: {
      header: [words.team, words.average, words.attempts],
      rows: teams.map((team) => [
        team.title.split(' — ').slice(1).join(' — ') || team.teamId,
        number.format(Math.round(team.averagePercent)),
        number.format(team.attempts),
      ]),
    },
  }));
}

/** Renders the leaflet in every content language and builds, signs and writes the pack into `options.outDir`. */
export async function writeExchangePack(
  report: MergeReport,
  options: ExchangePackOptions,
): Promise<{ manifest: FullManifest; id: string; version: number }> {
  const id = exchangeId(options.channel);
  const version = exchangeVersion(options.createdAt);
  const sourceDir = await mkdtemp(path.join(os.tmpdir(), 'exchange-pack-'));
  try {
    const span = { venues: report.byVenue.length, ...days(report) };
    const item: Sheet['items'][number] = {
      id,
      kind: 'pdf',
      addedAt: options.createdAt.toISOString(),
      subjects: [subjectId],
      texts: {},
      files: [],
    };
    for (const language of ContentLanguage.options) {
      const words = exchangeMessages[language];
      const file = `achievements.${language}.pdf`;
      const bytes = await renderLeaflet({
        language,
        title: words.title,
        subjectName: words.subject,
        colour,
        date: options.createdAt,
        content: leafletText(report, language),
        origin: { footer: words.footer, creator: 'Reading Room centre: publish stats merge' },
      });
      await writeFile(path.join(sourceDir, file), bytes);
      item.texts[language] = {
        title: words.title,
        summary: String(new IntlMessageFormat(words.summary, locales[language]).format(span)),
      };
      item.files.push({ role: 'main', path: file, language });
    }
    const sheet: Sheet = {
      subjects: [
        {
          id: subjectId,
          names: Object.fromEntries(ContentLanguage.options.map((l) => [l, exchangeMessages[l].subject])),
        },
      ],
      items: [item],
    };
    const manifest = await buildPackFromSheet(sheet, 'the exchange leaflet', {
      sourceDir,
      keyFile: options.keyFile,
      id,
      channel: options.channel,
      version,
      outDir: options.outDir,
      now: options.createdAt,
    });
    return { manifest, id, version };
  } finally {
    await rm(sourceDir, { recursive: true, force: true });
  }
}
