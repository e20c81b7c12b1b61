/**
 * Creating or changing a contest on a touch screen: its name typed on the on-screen keyboard in the
 * languages that keyboard writes (at least one), the quizzes it is played on, its teams (2 to 20, each
 * named), and when it starts and ends as a day chip and an hour moved up or down. Saving checks it all
 * first and says what is missing.
 */
import { useState } from 'react';
import type { ItemSummary } from '../../preload/contract/catalog.ts';
import type { Contest } from '../../preload/contract/quiz.ts';
import { ContentLanguage } from '../../preload/contract/schemas.ts';
import { contentLanguageNames, nameIn } from '../catalog/content-languages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { defaultInputMethod, inputMethods, type InputMethod } from '../keyboard/input-methods.ts';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { entryText, type TextEntry } from '../keyboard/text-entry.ts';
import { Toggles } from './ChipGroup.tsx';
import { buildContest, maxName, type DraftProblem, type TypedNames } from './contest-draft.ts';
import { dayChoices, defaultSpan, fromDayHour, toDayHour, type DayHour } from './contest-time.ts';
import { WhenChooser } from './WhenChooser.tsx';
import { useStaffCall } from './use-staff-call.ts';

const minTeams = 2;
const maxTeams = 20;
/** Days offered ahead: a fortnight covers a class's project or a festival week. */
const daysAhead = 14;

interface TeamDraft {
  id?: string;
  /** The team's names as saved, kept unless staff type a new one. */
  saved?: TypedNames;
  entry: TextEntry;
}

/** The content language a keyboard writes: Chinese content is tagged `zh`, where the interface says `zh-Hans`. */
const writes = (method: InputMethod): string => (method.lang === 'zh-Hans' ? 'zh' : method.lang);
/** The keyboard writes these languages, each once; a contest named in another (from the centre) keeps that name. */
const typedLanguages = ContentLanguage.options.filter((language) =>
  inputMethods.some((method) => writes(method) === language),
);
const methodFor = (language: ContentLanguage): InputMethod =>
  inputMethods.find((method) => writes(method) === language) ?? inputMethods[0]!;
const entryOf = (method: InputMethod, text: string): TextEntry => ({ method, keys: [...text] });

export function ContestEditor({
  saved,
  contests,
  quizzes,
  onDone,
}: {
  saved: Contest | undefined;
  contests: readonly Contest[];
  quizzes: readonly ItemSummary[];
  /** With the contest's name after a save; without, when staff went back without saving. */
  onDone: (savedName?: string) => void;
}) {
  const { t, locale } = useI18n();
  const call = useStaffCall();
  const [today] = useState(() => new Date());
  const [titles, setTitles] = useState<Partial<Record<ContentLanguage, TextEntry>>>(() =>
    Object.fromEntries(
      typedLanguages.map((language) => [language, entryOf(methodFor(language), saved?.names[language] ?? '')]),
    ),
  );
  const [titleLanguage, setTitleLanguage] = useState<ContentLanguage>(
    () =>
      typedLanguages.find((language) => saved?.names[language]) ??
      typedLanguages.find((language) => language === writes(defaultInputMethod(locale))) ??
      'en',
  );
  const [chosen, setChosen] = useState<readonly string[]>(saved?.quizzes ?? []);
  const [teams, setTeams] = useState<TeamDraft[]>(() =>
    saved
      ? saved.teams.map((team) => ({
          id: team.id,
          saved: team.names,
          entry: entryOf(defaultInputMethod(locale), nameIn(team.names, locale).text),
        }))
      : Array.from({ length: minTeams }, () => ({ entry: entryOf(defaultInputMethod(locale), '') })),
  );
  const [start, setStart] = useState<DayHour>(() => (saved ? toDayHour(saved.startsAt) : defaultSpan(today).start));
  const [end, setEnd] = useState<DayHour>(() => (saved ? toDayHour(saved.endsAt) : defaultSpan(today).end));
  /** Which text the keyboard types into: the name, or a team by its place. */
  const [typing, setTyping] = useState<'title' | number>('title');
  const [outcome, setOutcome] = useState<DraftProblem | 'failed' | undefined>();
  const days = dayChoices(today, daysAhead, [start.day, end.day]);

  const teamNames = (team: TeamDraft): TypedNames => {
    const text = entryText(team.entry);
    // A name staff did not touch stays as saved, in every language it had.
    if (team.saved && text === nameIn(team.saved, locale).text) return team.saved;
    return { [writes(team.entry.method)]: text };
  };
  const save = async () => {
    const built = buildContest(
      {
        ...(saved ? { id: saved.id } : {}),
        titles: {
          // Names in languages the keyboard cannot write stay as they came.
          ...saved?.names,
          ...Object.fromEntries(Object.entries(titles).map(([language, entry]) => [language, entryText(entry)])),
        },
        quizzes: chosen,
        teams: teams.map((team) => ({ ...(team.id ? { id: team.id } : {}), names: teamNames(team) })),
        startsAt: keptOrChosen(saved?.startsAt, start),
        endsAt: keptOrChosen(saved?.endsAt, end),
      },
      contests.filter((contest) => contest.id !== saved?.id),
      new Date(),
      saved,
    );
    if ('problem' in built) {
      setOutcome(built);
      if (built.problem === 'team-unnamed') setTyping(built.team - 1);
      if (built.problem === 'no-title') setTyping('title');
      return;
    }
    try {
      await call('staff.saveContest', { contest: built.contest });
      onDone(nameIn(built.contest.names, locale).text);
    } catch {
      setOutcome('failed');
    }
  };
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOutcome(undefined);
    };

  const titleEntry = titles[titleLanguage]!;
  return (
    <div className="staff-contest-editor" data-testid="contest-editor">
      <h2 className="staff-settings-part">{t(saved ? 'staff.contests.editTitle' : 'staff.contests.newTitle')}</h2>
      <section className="staff-setting" role="group" aria-label={t('staff.contests.name')}>
        <h2>{t('staff.contests.name')}</h2>
        <p className="quiet">{t('staff.contests.nameHint')}</p>
        <div className="chip-row" role="group" aria-label={t('staff.contests.nameLanguage')}>
          {typedLanguages.map((language) => (
            <button
              key={language}
              type="button"
              className="chip"
              lang={language}
              aria-pressed={language === titleLanguage}
              onClick={() => {
                setTitleLanguage(language);
                setTyping('title');
              }}
            >
              {contentLanguageNames[language]}
              {entryText(titles[language]!).trim() ? ' ✓' : ''}
            </button>
          ))}
        </div>
        <p className="staff-venue-name" lang={titleLanguage} data-testid="contest-name-entry">
          {entryText(titleEntry).slice(0, maxName) || <span className="quiet">{t('staff.contests.nameEmpty')}</span>}
        </p>
        {typing === 'title' ? (
          <OnScreenKeyboard
            entry={titleEntry}
            methods={[titleEntry.method]}
            onChange={changed((entry: TextEntry) => setTitles((current) => ({ ...current, [titleLanguage]: entry })))}
          />
        ) : (
          <button type="button" className="button big" onClick={() => setTyping('title')}>
            {t('staff.contests.typeName')}
          </button>
        )}
      </section>
      <Toggles
        title={t('staff.contests.quizzes')}
        hint={quizzes.length === 0 ? t('staff.contests.noQuizzes') : t('staff.contests.quizzesHint')}
        options={quizzes.map((quiz) => ({ value: quiz.id, label: quiz.title, lang: quiz.language }))}
        isOn={(id) => chosen.includes(id)}
        onToggle={changed((id: string) =>
          setChosen((current) => (current.includes(id) ? current.filter((entry) => entry !== id) : [...current, id])),
        )}
        testId="contest-quizzes"
      />
      <section
        className="staff-setting"
        role="group"
        aria-label={t('staff.contests.teams')}
        data-testid="contest-teams"
      >
        <h2>{t('staff.contests.teams')}</h2>
        <p className="quiet">{t('staff.contests.teamsHint', { min: minTeams, max: maxTeams })}</p>
        <ol className="staff-teams">
          {teams.map((team, index) => (
            <li key={index} className="staff-team" data-testid="contest-team">
              <span className="staff-team-number">{t('staff.contests.teamNumber', { number: index + 1 })}</span>
              <span className="staff-venue-name staff-team-name" lang={team.entry.method.lang}>
                {entryText(team.entry).slice(0, maxName) || (
                  <span className="quiet">{t('staff.contests.teamUnnamed')}</span>
                )}
              </span>
              <button
                type="button"
                className="button big"
                aria-pressed={typing === index}
                onClick={() => setTyping(index)}
              >
                {t('staff.contests.nameTeam', { number: index + 1 })}
              </button>
              <button
                type="button"
                className="button big"
                disabled={teams.length <= minTeams}
                onClick={() => {
                  setTeams((current) => current.filter((_, at) => at !== index));
                  setTyping('title');
                  setOutcome(undefined);
                }}
              >
                {t('staff.contests.removeTeam', { number: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
        {typeof typing === 'number' && teams[typing] && (
          <OnScreenKeyboard
            entry={teams[typing].entry}
            onChange={changed((entry: TextEntry) =>
              setTeams((current) => current.map((team, at) => (at === typing ? { ...team, entry } : team))),
            )}
          />
        )}
        <button
          type="button"
          className="button big"
          disabled={teams.length >= maxTeams}
          onClick={() => {
            setTeams((current) => [...current, { entry: entryOf(defaultInputMethod(locale), '') }]);
            setTyping(teams.length);
            setOutcome(undefined);
          }}
          data-testid="add-team"
        >
          {t('staff.contests.addTeam')}
        </button>
      </section>
      <WhenChooser
        title={t('staff.contests.starts')}
        value={start}
        days={days}
        onChange={changed(setStart)}
        testId="contest-start"
      />
      <WhenChooser
        title={t('staff.contests.ends')}
        value={end}
        days={days}
        onChange={changed(setEnd)}
        testId="contest-end"
      />
      {outcome && (
        <p className="staff-outcome failed" role="alert" data-testid="contest-problem">
          {outcome === 'failed' ? t('staff.contests.saveFailed') : problemText(t, outcome)}
        </p>
      )}
      <div className="staff-actions">
        <button type="button" className="button primary big" onClick={() => void save()} data-testid="save-contest">
          {t('staff.contests.save')}
        </button>
        <button type="button" className="button big" onClick={() => onDone()}>
          {t('staff.contests.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The saved instant while its day and hour are still the chosen ones (it may have minutes), else the choice. */
function keptOrChosen(saved: string | undefined, chosen: DayHour): string {
  const was = saved === undefined ? undefined : toDayHour(saved);
  return saved !== undefined && was?.day === chosen.day && was.hour === chosen.hour ? saved : fromDayHour(chosen);
}

function problemText(t: ReturnType<typeof useI18n>['t'], problem: DraftProblem): string {
  switch (problem.problem) {
    case 'no-title':
      return t('staff.contests.problem.no-title');
    case 'no-quiz':
      return t('staff.contests.problem.no-quiz');
    case 'team-unnamed':
      return t('staff.contests.problem.team-unnamed', { number: problem.team });
    case 'same-team-names':
      return t('staff.contests.problem.same-team-names', { name: problem.name });
    case 'ends-before-start':
      return t('staff.contests.problem.ends-before-start');
    case 'over-already':
      return t('staff.contests.problem.over-already');
  }
}
