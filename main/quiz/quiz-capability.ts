/**
 * The quiz capability: hands the screens a quiz item's questions (the engine plays them in the renderer), takes
 * finished attempts, counts them for the statistics through the stats capability, keeps the venue's boards and
 * the contests staff define in `<data>/quiz.sqlite` (through the quiz worker), and answers staff's quiz counts.
 *
 * What a screen reports is checked against the quiz it names (every question its own, once; a score within the
 * quiz's bounds), so a broken or hostile page cannot count questions that do not exist or rank above the best
 * possible score.
 */
import path from 'node:path';
import type { ContestStanding, Contest, Nickname } from '../../preload/contract/quiz.ts';
import type { Locale } from '../../preload/contract/schemas.ts';
import type { VenueSettings } from '../../preload/contract/settings.ts';
import type { Capability } from '../api/capability.ts';
import type { EventHub } from '../api/event-hub.ts';
import { ServiceError } from '../api/service-error.ts';
import type { Catalog } from '../catalog/catalog-client.ts';
import type { Clock } from '../clock.ts';
import type { KioskLog } from '../log/kiosk-log.ts';
import type { StatsCapability } from '../stats/stats-capability.ts';
import { siblingModule, startWorker } from '../workers/worker-rpc.ts';
import { attemptEvents } from './attempt-events.ts';
import { boardSince } from './board-period.ts';
import { checkNickname } from './nickname-check.ts';
import type { QuizStore } from './quiz-store.ts';
import { quizSets } from './quiz-sets.ts';

type QuizCalls =
  | 'quiz.open'
  | 'quiz.checkNickname'
  | 'quiz.finish'
  | 'quiz.boards'
  | 'staff.contests'
  | 'staff.saveContest'
  | 'staff.removeContest'
  | 'staff.quizUsage';

export interface QuizOptions {
  dataDir: string;
  clock: Clock;
  catalog: Pick<Catalog['api'], 'item'>;
  stats: Pick<StatsCapability, 'recordDescribed' | 'quizUsage'>;
  settings: () => VenueSettings;
  events: EventHub;
  log: KioskLog;
}

/** Boards shown between visits: the quizzes played most recently. */
const boardsShown = 3;
const boardLength = 10;
/** How long an ended contest's result stays on the attract screen. */
const endedShownMs = 7 * 86_400_000;

export function startQuizCapability(options: QuizOptions): Capability<QuizCalls> {
  const worker = startWorker<QuizStore>(siblingModule(import.meta.url, 'quiz.worker'), {
    workerData: { path: path.join(options.dataDir, 'quiz.sqlite') },
  });
  const { api } = worker;
  const sets = quizSets(options.dataDir);
  const quizItem = async (id: string, locale: Locale = 'en') => {
    const item = await options.catalog.item({ locale, id, newSince: options.clock.now().toISOString() });
    if (!item) throw new ServiceError('not-found', `There is no item "${id}" in the catalog.`);
    return item;
  };
  const since = () => boardSince(options.clock.now(), options.settings().board.period).toISOString();
  const standing = async (contest: Contest, now: Date): Promise<ContestStanding> => {
    const totals = new Map((await api.teamTotals(contest.id)).map((total) => [total.teamId, total]));
    const teams = contest.teams
      .map((team) => ({
        teamId: team.id,
        names: team.names,
        attempts: totals.get(team.id)?.attempts ?? 0,
        averagePercent: Math.min(100, totals.get(team.id)?.averagePercent ?? 0),
      }))
      .sort((a, b) => Number(b.attempts > 0) - Number(a.attempts > 0) || b.averagePercent - a.averagePercent);
    return {
      contestId: contest.id,
      names: contest.names,
      startsAt: contest.startsAt,
      endsAt: contest.endsAt,
      state: contestState(contest, now),
      teams,
    };
  };

  return {
    handlers: {
      'quiz.open': async ({ itemId }) => {
        const quiz = await sets.read(await quizItem(itemId));
        const { board } = options.settings();
        const now = options.clock.now();
        const contests = (await api.contests()).filter(
          (contest) => contestState(contest, now) === 'running' && contest.quizzes.includes(itemId),
        );
        return { quiz, board: { enabled: board.enabled, typedNicknames: board.typedNicknames }, contests };
      },
      'quiz.checkNickname': ({ text }) => {
        if (!options.settings().board.typedNicknames) return { ok: false, reason: 'not-allowed' } as const;
        return checkNickname(text);
      },
      'quiz.finish': async ({ itemId, mode, score, maxScore, answers, nickname, team }) => {
        const item = await quizItem(itemId);
        const quiz = await sets.read(item);
        const ids = new Set(quiz.questions.map((question) => question.id));
        const answered = new Set<string>();
        for (const answer of answers) {
          if (!ids.has(answer.questionId) || answered.has(answer.questionId))
            throw new ServiceError(
              'bad-request',
              `The quiz "${itemId}" has no question "${answer.questionId}" to answer (again).`,
            );
          answered.add(answer.questionId);
        }
        // Practice scores one per question at most; a challenge at most its speed points and streak bonus.
        const bound = mode === 'practice' ? answers.length : answers.length * 1500;
        if (score > maxScore || maxScore > bound + 1e-9)
          throw new ServiceError(
            'bad-request',
            `A score of ${score} of ${maxScore} is not possible on ${answers.length} questions.`,
          );
        const now = options.clock.now();
        const at = now.toISOString();
        const percent = Math.min(100, (100 * score) / maxScore);
        const contest =
          team && mode === 'contest' ? await runningContest(team.contestId, itemId, team.teamId, now) : undefined;
        await options.stats.recordDescribed(
          attemptEvents(
            quiz,
            {
              itemId,
              itemTitle: item.title,
              itemSubject: item.subjects[0] ?? '',
              mode,
              percent,
              answers,
              ...(contest && team ? { team: { contest, teamId: team.teamId } } : {}),
            },
            at,
          ),
        );
        let place: number | null = null;
        let board = null;
        if (mode === 'contest' && nickname && mayUse(nickname)) {
          const entry = {
            nickname: nickname.kind === 'typed' ? { kind: 'typed' as const, text: nickname.text } : nickname,
            score,
            rightCount: answers.filter((answer) => answer.right).length,
            questionCount: answers.length,
            at,
          };
          place = await api.addBoardEntry(itemId, entry, since());
          board = { itemId, title: item.title, since: since(), entries: await api.board(itemId, since(), boardLength) };
        }
        let standingNow = null;
        if (contest && team) {
          await api.addContestEntry(contest.id, team.teamId, itemId, at, percent);
          standingNow = await standing(contest, now);
        }
        if (board || standingNow) options.events.emit('quiz.boardsChanged', {});
        return { place, board, standing: standingNow };
      },
      'quiz.boards': async ({ locale }) => {
        const now = options.clock.now();
        const from = since();
        const boards = [];
        if (options.settings().board.enabled) {
          for (const itemId of (await api.boardItems(from)).slice(0, boardsShown)) {
            const item = await options.catalog.item({ locale, id: itemId, newSince: now.toISOString() });
            // A quiz removed since keeps no board on the attract screen.
            if (item)
              boards.push({
                itemId,
                title: item.title,
                since: from,
                entries: await api.board(itemId, from, boardLength),
              });
          }
        }
        const shown = (await api.contests()).filter((contest) => {
          const state = contestState(contest, now);
          return (
            state === 'running' || (state === 'ended' && now.getTime() - Date.parse(contest.endsAt) < endedShownMs)
          );
        });
        return { boards, contests: await Promise.all(shown.map((contest) => standing(contest, now))) };
      },
      'staff.contests': async () => ({ contests: await api.contests() }),
      'staff.saveContest': async ({ contest }) => {
        await api.saveContest(contest);
        options.log.write({ level: 'info', area: 'quiz', message: `Contest saved: ${contest.id}` });
        options.events.emit('quiz.boardsChanged', {});
        return { contests: await api.contests() };
      },
      'staff.removeContest': async ({ id }) => {
        await api.removeContest(id);
        options.log.write({ level: 'info', area: 'quiz', message: `Contest removed: ${id}` });
        options.events.emit('quiz.boardsChanged', {});
        return { contests: await api.contests() };
      },
      'staff.quizUsage': async ({ days }) => {
        const usage = await options.stats.quizUsage(days);
        const now = options.clock.now();
        const contests = await Promise.all((await api.contests()).map((contest) => standing(contest, now)));
        return { ...usage, contests };
      },
    },
    close: () => worker.close(),
  };

  function mayUse(nickname: Nickname): boolean {
    const { board } = options.settings();
    if (!board.enabled) return false;
    if (nickname.kind === 'generated') return true;
    return board.typedNicknames && checkNickname(nickname.text).ok;
  }

  async function runningContest(contestId: string, itemId: string, teamId: string, now: Date) {
    const contest = (await api.contests()).find((candidate) => candidate.id === contestId);
    // A contest that ended while the visitor played, or was removed, counts the attempt for nobody.
    if (!contest || contestState(contest, now) !== 'running' || !contest.quizzes.includes(itemId)) return undefined;
    if (!contest.teams.some((candidate) => candidate.id === teamId))
      throw new ServiceError('bad-request', `The contest "${contestId}" has no team "${teamId}".`);
    return contest;
  }
}

function contestState(contest: Contest, now: Date): ContestStanding['state'] {
  const time = now.getTime();
  if (time < Date.parse(contest.startsAt)) return 'upcoming';
  return time < Date.parse(contest.endsAt) ? 'running' : 'ended';
}
