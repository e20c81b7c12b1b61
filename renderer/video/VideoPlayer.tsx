/**
 * A lecture video filling the screen, with large touch controls instead of the browser's small
 * ones, each with its word under its icon: play/pause, back and forward 10 s, a wide scrubber, captions in the
 * language the visitor picks, and the transcript beside the picture (below it in portrait), its line following
 * playback, a tap on a line playing from there. The video's box is the picture's, so captions sit on the picture.
 * While it plays, the visit does not count as idle.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ContentLanguage } from '../../preload/contract/schemas.ts';
import { contentLanguageNames } from '../catalog/content-languages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';
import {
  CaptionsIcon,
  CloseIcon,
  ForwardIcon,
  PauseIcon,
  PlayIcon,
  RewindIcon,
  TranscriptIcon,
} from '../components/icons.tsx';
import { formatTime, seekTarget } from './video-time.ts';
import { useTranscript } from './use-transcript.ts';
import { cueAt } from './webvtt-cues.ts';

/** One subtitles file of the lecture. */
export interface SubtitlesTrack {
  language: ContentLanguage;
  url: string;
}

export function VideoPlayer({
  src,
  subtitles,
  initialLanguage,
  title,
  onClose,
}: {
  src: string;
  /** In the order the visitor would rather read them. */
  subtitles: readonly SubtitlesTrack[];
  /** The subtitles shown first (the visitor's language's, where there are some). */
  initialLanguage: ContentLanguage | undefined;
  title: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { stillHere } = useVisit();
  const video = useRef<HTMLVideoElement>(null);
  const playButton = useRef<HTMLButtonElement>(null);
  useEffect(() => playButton.current?.focus(), []);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [ratio, setRatio] = useState(16 / 9);
  const [language, setLanguage] = useState(initialLanguage ?? subtitles[0]?.language);
  const [captions, setCaptions] = useState(subtitles.length > 0);
  const [choosing, setChoosing] = useState(false);
  const [transcriptOpen, setTranscriptOpen] = useState(subtitles.length > 0);
  const [failed, setFailed] = useState(false);
  const track = subtitles.find((entry) => entry.language === language);
  const transcript = useTranscript(transcriptOpen ? track?.url : undefined);
  const activeCue = transcript ? cueAt(transcript, time) : undefined;

  // One track shows (or, captions off, stays loaded but hidden); the others are off.
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const sync = () => {
      for (const text of element.textTracks)
        text.mode = text.language !== language ? 'disabled' : captions ? 'showing' : 'hidden';
    };
    sync();
    element.textTracks.addEventListener('addtrack', sync);
    return () => element.textTracks.removeEventListener('addtrack', sync);
  }, [captions, language]);

  const toggle = () => {
    const element = video.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => setFailed(true));
    else element.pause();
  };
  const seek = (to: number) => {
    if (!video.current) return;
    video.current.currentTime = to;
    setTime(to);
  };
  // From where the video really is: two quick taps come before the first seek's timeupdate.
  const skip = (seconds: number) => {
    if (video.current) seek(seekTarget(video.current.currentTime, seconds, duration));
  };
  const choose = (next: ContentLanguage | 'off') => {
    if (next === 'off') setCaptions(false);
    else {
      setLanguage(next);
      setCaptions(true);
    }
    setChoosing(false);
  };

  return (
    <div
      className="overlay player"
      role="dialog"
      aria-modal="true"
      aria-label={title}
      data-testid="video-player"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className={transcriptOpen ? 'player-stage with-transcript' : 'player-stage'}>
        <div className="player-picture" style={{ '--ratio': ratio } as CSSProperties}>
          <video
            ref={video}
            className="player-video"
            src={src}
            playsInline
            preload="metadata"
            onClick={toggle}
            onPlay={() => setPlaying(true)}
            onPause={() => setPlaying(false)}
            onTimeUpdate={(event) => {
              setTime(event.currentTarget.currentTime);
              stillHere();
            }}
            onLoadedMetadata={(event) => {
              const element = event.currentTarget;
              setDuration(element.duration);
              if (element.videoWidth > 0 && element.videoHeight > 0) setRatio(element.videoWidth / element.videoHeight);
            }}
            onError={() => setFailed(true)}
            data-testid="video"
          >
            {subtitles.map((entry) => (
              <track
                key={entry.language}
                kind="subtitles"
                src={entry.url}
                srcLang={entry.language}
                label={contentLanguageNames[entry.language]}
                default={entry.language === language}
              />
            ))}
          </video>
        </div>
        {transcriptOpen && track && (
          <section className="player-transcript" aria-label={t('video.transcriptLines')} data-testid="transcript">
            <h2 className="transcript-title">{t('video.transcript')}</h2>
            <ol className="transcript-lines" lang={track.language}>
              {(transcript ?? []).map((cue, index) => (
                <TranscriptLine
                  key={`${track.language}-${cue.start}`}
                  start={cue.start}
                  text={cue.text}
                  active={index === activeCue}
                  onSeek={seek}
                />
              ))}
            </ol>
          </section>
        )}
      </div>
      {failed && (
        <p className="player-error" role="alert">
          {t('video.failed')}
        </p>
      )}
      {choosing && (
        <div
          className="caption-choice"
          role="group"
          aria-label={t('video.captionsChoice')}
          data-testid="caption-choice"
        >
          <button
            type="button"
            className="caption-option caption-off"
            aria-pressed={!captions}
            onClick={() => choose('off')}
          >
            {t('video.captionsOff')}
          </button>
          {subtitles.map((entry) => (
            <button
              key={entry.language}
              type="button"
              className="caption-option"
              lang={entry.language}
              aria-pressed={captions && entry.language === language}
              data-language={entry.language}
              onClick={() => choose(entry.language)}
            >
              {contentLanguageNames[entry.language]}
            </button>
          ))}
        </div>
      )}
      <div className="player-controls">
        <button type="button" className="round" onClick={() => skip(-10)} aria-label={t('video.back10')}>
          <RewindIcon />
          <span className="round-caption">10</span>
          <span className="round-word">{t('video.word.back')}</span>
        </button>
        <button
          ref={playButton}
          type="button"
          className="round primary"
          onClick={toggle}
          aria-label={playing ? t('video.pause') : t('video.play')}
          data-testid="video-toggle"
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          <span className="round-word">{playing ? t('video.pause') : t('video.play')}</span>
        </button>
        <button type="button" className="round" onClick={() => skip(10)} aria-label={t('video.forward10')}>
          <ForwardIcon />
          <span className="round-caption">10</span>
          <span className="round-word">{t('video.word.forward')}</span>
        </button>
        <span className="player-time" aria-hidden="true">
          {formatTime(time)} / {formatTime(duration)}
        </span>
        <input
          className="scrubber"
          type="range"
          min={0}
          max={duration || 0}
          step={1}
          value={Math.min(time, duration || 0)}
          onChange={(event) => seek(Number(event.target.value))}
          aria-label={t('video.position')}
          aria-valuetext={`${formatTime(time)} / ${formatTime(duration)}`}
        />
        {subtitles.length > 0 && (
          <>
            <button
              type="button"
              className={captions ? 'round captions-on' : 'round'}
              aria-expanded={choosing}
              aria-label={t('video.captions')}
              onClick={() => setChoosing((open) => !open)}
              data-testid="captions"
            >
              <CaptionsIcon />
              <span className="round-word">{t('video.captions')}</span>
            </button>
            <button
              type="button"
              className="round"
              aria-pressed={transcriptOpen}
              aria-label={t('video.transcript')}
              onClick={() => setTranscriptOpen((open) => !open)}
              data-testid="transcript-toggle"
            >
              <TranscriptIcon />
              <span className="round-word">{t('video.transcript')}</span>
            </button>
          </>
        )}
        <button
          type="button"
          className="round"
          onClick={onClose}
          aria-label={t('video.close')}
          data-testid="video-close"
        >
          <CloseIcon />
          <span className="round-word">{t('common.close')}</span>
        </button>
      </div>
    </div>
  );
}

/** One cue of the transcript: its time and words; the playing one is marked and kept in view. */
function TranscriptLine({
  start,
  text,
  active,
  onSeek,
}: {
  start: number;
  text: string;
  active: boolean;
  onSeek: (to: number) => void;
}) {
  const line = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (active) line.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <li>
      <button
        ref={line}
        type="button"
        className="transcript-line"
        aria-current={active ? 'true' : undefined}
        onClick={() => onSeek(start)}
        data-start={start}
      >
        <span className="transcript-time">{formatTime(start)}</span>
        <span className="transcript-text">{text}</span>
      </button>
    </li>
  );
}
