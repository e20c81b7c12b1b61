/**
 * The reader's "Listen" control: one big button with words and a picture (a speaker to start, pause while the
 * voice reads, play to go on), and the narration's `<audio>` element, which has no controls of its own.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { PauseIcon, PlayIcon, SpeakerIcon } from '../components/icons.tsx';
import { useVisit } from '../visit/visit.tsx';
import type { Narration } from './narration-marks.ts';
import { useNarration } from './use-narration.ts';
import './narration.css';

export function ListenButton({
  narration,
  page,
  pageCount,
  go,
}: {
  narration: Narration;
  page: number;
  pageCount: number;
  go(page: number): void;
}) {
  const { t } = useI18n();
  const { stillHere } = useVisit();
  const { state, canListen, toggle, audio, events } = useNarration({ narration, page, pageCount, go, stillHere });
  const label =
    state === 'playing' ? t('narration.pause') : state === 'paused' ? t('narration.resume') : t('narration.listen');
  return (
    <>
      <button
        type="button"
        className="button primary narration-listen"
        aria-pressed={state === 'playing'}
        aria-description={t('narration.hint')}
        data-testid="narration-listen"
        data-state={state}
        disabled={!canListen}
        onClick={toggle}
      >
        {state === 'playing' ? <PauseIcon /> : state === 'paused' ? <PlayIcon /> : <SpeakerIcon />}
        <span>{label}</span>
      </button>
      {/* The file is fetched on the first Listen, not with every document opened. */}
      <audio
        ref={audio}
        src={narration.src}
        preload="none"
        lang={narration.language}
        data-testid="narration-audio"
        {...events}
      />
      {state === 'failed' && (
        <p className="narration-failed" role="alert">
          {t('narration.failed')}
        </p>
      )}
    </>
  );
}
