/**
 * The contract's quiz slice: a visitor opens a quiz item's set of questions, plays it on the screen (the quiz
 * engine runs in the renderer), and reports the finished attempt, which the main process counts for the staff's
 * statistics and, when staff switched the board on, places on the venue's board under a nickname. Staff define
 * contests between teams or units: for their time, a challenge on their quizzes counts for the visitor's team.
 *
 * Nothing personal crosses: a nickname is two words from fixed lists or a short name checked against the
 * blocklists, answers are key indices, and an attempt is never linked to another.
 */
import { z } from 'zod';
import { staffCall, visitorCall } from './call.ts';
import { QuizSet } from './quiz-set.ts';
import { ContentLanguage, Locale, Slug } from './schemas.ts';

/** Practice is untimed and scored by credit; a challenge is timed and scores points for speed (`contest` in the engine). */
export const QuizMode = z.enum(['practice', 'contest']);
export type QuizMode = z.infer<typeof QuizMode>;

/** How many adjectives and how many plants or animals each interface language names (renderer/quiz/nickname-words). */
export const NICKNAME_WORDS = 24;
export const MAX_TYPED_NICKNAME = 20;

/**
 * A board name. A generated one is two indices into the word lists, so it reads in every interface language
 * ("Curious Otter", "호기심 많은 수달"); a typed one is what the visitor typed, where staff allow it.
 */
export const Nickname = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('generated'),
    adjective: z
      .number()
      .int()
      .min(0)
      .max(NICKNAME_WORDS - 1),
    creature: z
      .number()
      .int()
      .min(0)
      .max(NICKNAME_WORDS - 1),
  }),
  z.strictObject({ kind: z.literal('typed'), text: z.string().trim().min(1).max(MAX_TYPED_NICKNAME) }),
]);
export type Nickname = z.infer<typeof Nickname>;

/** A title in some of the content languages; the screen shows the visitor's, or the first there is. */
export const Names = z
  .partialRecord(ContentLanguage, z.string().trim().min(1).max(120))
  .refine((names) => Object.keys(names).length > 0, 'a name in at least one language');
export type Names = z.infer<typeof Names>;

/**
 * Which answer was given, without words (docs/stats-format.md): `c2`, `c0+c3`, `none`, `true`, `false`,
 * `a-ko-1`, `n0`, `other`, `right`, `wrong` or `timeout`.
 */
export const AnswerKey = z
  .string()
  .regex(
    /^(c\d{1,2}(\+c\d{1,2})*|none|true|false|a-(en|ko|zh|mn-Cyrl|mn-Mong)-\d{1,2}|n\d{1,2}|other|right|wrong|timeout)$/,
  );
export type AnswerKey = z.infer<typeof AnswerKey>;

export const AnswerSummary = z.strictObject({
  questionId: Slug,
  answer: AnswerKey,
  credit: z.number().min(0).max(1),
  right: z.boolean(),
  /** From the question appearing to the answer. */
  timeMs: z.number().int().min(0).max(3_600_000),
});
export type AnswerSummary = z.infer<typeof AnswerSummary>;

export const Team = z.strictObject({ id: Slug, names: Names });
export type Team = z.infer<typeof Team>;

/** A contest as staff define it: for its time, challenges on its quizzes count for the visitor's team. */
export const Contest = z
  .strictObject({
    id: Slug,
    names: Names,
    /** Quiz item ids. */
    quizzes: z.array(Slug).min(1).max(50),
    teams: z.array(Team).min(2).max(20),
    /** ISO times by the kiosk's clock; the contest runs from `startsAt` up to `endsAt`. */
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
  })
  .refine((contest) => contest.startsAt < contest.endsAt, 'a contest ends after it starts')
  .refine((contest) => new Set(contest.teams.map((team) => team.id)).size === contest.teams.length, 'teams differ');
export type Contest = z.infer<typeof Contest>;

export const BoardEntry = z.strictObject({
  nickname: Nickname,
  /** Challenge points (the engine's contest score). */
  score: z.number().nonnegative(),
  rightCount: z.number().int().nonnegative(),
  questionCount: z.number().int().positive(),
  /** When the attempt finished, ISO. */
  at: z.string(),
});
export type BoardEntry = z.infer<typeof BoardEntry>;

/** One quiz's board for the current day or week: the best challenges, best first. */
export const Board = z.strictObject({
  itemId: Slug,
  title: z.string(),
  /** Since when the board counts (its last reset), ISO. */
  since: z.string(),
  entries: z.array(BoardEntry).max(10),
});
export type Board = z.infer<typeof Board>;

/** A team's standing in a contest: how many challenges it played and their average score in percent. */
export const TeamStanding = z.strictObject({
  teamId: Slug,
  names: Names,
  attempts: z.number().int().nonnegative(),
  averagePercent: z.number().min(0).max(100),
});

export const ContestStanding = z.strictObject({
  contestId: Slug,
  names: Names,
  startsAt: z.string(),
  endsAt: z.string(),
  state: z.enum(['upcoming', 'running', 'ended']),
  /** Best average first; a team with no attempts last. */
  teams: z.array(TeamStanding),
});
export type ContestStanding = z.infer<typeof ContestStanding>;

/** What the board settings let visitors do, for the quiz screens. */
export const BoardRules = z.strictObject({
  /** Staff switched the venue board on: a finished challenge may go on it under a nickname. */
  enabled: z.boolean(),
  /** Visitors may type a nickname, not only take a generated one. */
  typedNicknames: z.boolean(),
});

export const QuizUsage = z.strictObject({
  fromDay: z.string(),
  toDay: z.string(),
  /** Per day: attempts started and finished. */
  days: z.array(
    z.strictObject({ day: z.string(), starts: z.number().nonnegative(), finishes: z.number().nonnegative() }),
  ),
  /** Per quiz, most started first. */
  quizzes: z.array(
    z.strictObject({
      itemId: z.string(),
      title: z.string(),
      starts: z.number().nonnegative(),
      finishes: z.number().nonnegative(),
      /** The finished attempts' average score in percent; 0 when none finished. */
      averagePercent: z.number().min(0).max(100),
    }),
  ),
  /** Finished attempts by score in percent: `[0] ` 0–9 %, … `[9]` 90–100 %. */
  scoreBuckets: z.array(z.number().nonnegative()).length(10),
  /** The questions answered least well (at least a few answers each), hardest first. */
  difficult: z.array(
    z.strictObject({
      itemId: z.string(),
      questionId: z.string(),
      prompt: z.string(),
      answers: z.number().nonnegative(),
      /** From 0 to 1. */
      averageCredit: z.number().min(0).max(1),
      /** How often each answer was given, most often first (from the last 90 days' events). */
      given: z.array(z.strictObject({ answer: z.string(), count: z.number().nonnegative() })).max(12),
    }),
  ),
  contests: z.array(ContestStanding),
});
export type QuizUsage = z.infer<typeof QuizUsage>;

export const quizCalls = {
  /** A quiz item's questions, the board's rules, and the running contests this quiz counts for. */
  'quiz.open': visitorCall(
    z.strictObject({ itemId: Slug }),
    z.strictObject({ quiz: QuizSet, board: BoardRules, contests: z.array(Contest) }),
  ),
  /** Whether a typed nickname may go on the board: not on any blocklist of the five interface languages. */
  'quiz.checkNickname': visitorCall(
    z.strictObject({ text: z.string().max(200) }),
    z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true), text: z.string() }),
      z.strictObject({ ok: z.literal(false), reason: z.enum(['empty', 'too-long', 'blocked', 'not-allowed']) }),
    ]),
  ),
  /**
   * A finished attempt: counted for the statistics, and, for a challenge with a nickname while the board is
   * on, placed on the quiz's board and, with a team during a contest of this quiz, counted for that team.
   * An attempt left unfinished (the visitor walked away) is never reported.
   */
  'quiz.finish': visitorCall(
    z.strictObject({
      itemId: Slug,
      mode: QuizMode,
      language: ContentLanguage,
      score: z.number().nonnegative().max(1_000_000),
      maxScore: z.number().positive().max(1_000_000),
      answers: z.array(AnswerSummary).min(1).max(2_000),
      nickname: Nickname.optional(),
      /** The contest and the team the visitor picked. */
      team: z.strictObject({ contestId: Slug, teamId: Slug }).optional(),
    }),
    z.strictObject({
      /** The visitor's place on the board (1 is best), or null when the attempt is not on it. */
      place: z.number().int().positive().nullable(),
      board: Board.nullable(),
      standing: ContestStanding.nullable(),
    }),
  ),
  /** For the attract screen between visits: the boards with entries and the contests running or just ended. */
  'quiz.boards': visitorCall(
    z.strictObject({ locale: Locale }),
    z.strictObject({ boards: z.array(Board), contests: z.array(ContestStanding) }),
  ),
  'staff.contests': staffCall(z.strictObject({}), z.strictObject({ contests: z.array(Contest) })),
  /** Adds a contest, or replaces the one with the same id. */
  'staff.saveContest': staffCall(z.strictObject({ contest: Contest }), z.strictObject({ contests: z.array(Contest) })),
  /** Removes a contest; its results stay in the statistics. */
  'staff.removeContest': staffCall(z.strictObject({ id: Slug }), z.strictObject({ contests: z.array(Contest) })),
  /** The last `days` days up to today. */
  'staff.quizUsage': staffCall(z.strictObject({ days: z.number().int().min(1).max(366) }), QuizUsage),
} as const;

export const quizEvents = {
  /** A board or a contest standing changed: the attract screen reads `quiz.boards` again. */
  'quiz.boardsChanged': z.object({}),
} as const;
