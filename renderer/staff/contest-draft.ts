/**
 * What staff entered on the contest screen, turned into the contract's `Contest` — or the first thing that
 * stops it, named so the screen can say what is missing and what to do. Ids come from `contest-ids.ts`:
 * a contest or team keeps the id it was saved with, so its results stay with it.
 */
import { Contest, type Names } from '../../preload/contract/quiz.ts';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { uniqueSlug } from './contest-ids.ts';

/** The contract's longest name. */
export const maxName = 120;

export type TypedNames = Partial<Record<ContentLanguage, string>>;

export interface ContestDraft {
  /** The id of the contest being changed; a new one gets an id from its name. */
  id?: string;
  titles: TypedNames;
  quizzes: readonly string[];
  teams: readonly { id?: string; names: TypedNames }[];
  startsAt: string;
  endsAt: string;
}

export type DraftProblem =
  | { problem: 'no-title' }
  | { problem: 'no-quiz' }
  | { problem: 'team-unnamed'; team: number }
  | { problem: 'same-team-names'; name: string }
  | { problem: 'ends-before-start' }
  | { problem: 'over-already' };

/** Names trimmed and cut to the contract's length; languages left empty dropped. */
function cleanNames(names: TypedNames): Names | undefined {
  const entries = Object.entries(names).flatMap(([language, text]) => {
    const clean = (text ?? '').trim().slice(0, maxName).trim();
    return clean ? [[language, clean] as const] : [];
  });
  return entries.length > 0 ? (Object.fromEntries(entries) as Names) : undefined;
}

/**
 * The contest to save, or why not. `saved` is the contest as it was (when changing one): an end already
 * past is refused only when staff chose it now, so an ended contest's teams can still be renamed.
 */
export function buildContest(
  draft: ContestDraft,
  contests: readonly Contest[],
  now: Date,
  saved?: Contest,
): { contest: Contest } | DraftProblem {
  const names = cleanNames(draft.titles);
  if (!names) return { problem: 'no-title' };
  if (draft.quizzes.length === 0) return { problem: 'no-quiz' };
  const teams: Contest['teams'] = [];
  const takenTeams = new Set(draft.teams.flatMap((team) => (team.id ? [team.id] : [])));
  const seen = new Map<string, string>();
  for (const [index, team] of draft.teams.entries()) {
    const teamNames = cleanNames(team.names);
    if (!teamNames) return { problem: 'team-unnamed', team: index + 1 };
    const first = Object.values(teamNames)[0]!;
    const key = first.normalize('NFKC').toLocaleLowerCase();
    if (seen.has(key)) return { problem: 'same-team-names', name: first };
    seen.set(key, first);
    const id = team.id ?? uniqueSlug(first, takenTeams, 'team');
    takenTeams.add(id);
    teams.push({ id, names: teamNames });
  }
  if (draft.endsAt <= draft.startsAt) return { problem: 'ends-before-start' };
  if (Date.parse(draft.endsAt) <= now.getTime() && draft.endsAt !== saved?.endsAt) return { problem: 'over-already' };
  const taken = new Set(contests.map((contest) => contest.id));
  const id = draft.id ?? uniqueSlug(names.en ?? Object.values(names)[0]!, taken, 'contest');
  // The contract's own schema has the last word, so the screen never sends what the kiosk would refuse.
  return {
    contest: Contest.parse({
      id,
      names,
      quizzes: [...draft.quizzes],
      teams,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
    }),
  };
}
