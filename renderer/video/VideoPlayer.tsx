/**
 * A lecture video filling the screen, with large touch controls instead of the browser's small
 * ones, each with its word under its icon: play/pause, back and forward 10 s, a wide scrubber, captions when
 * the item has them.
 * While it plays, the visit does not count as idle.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useVisit } from '../visit/visit.tsx';
import { CaptionsIcon, CloseIcon, ForwardIcon, PauseIcon, PlayIcon, RewindIcon } from '../components/icons.tsx';
import { formatTime, seekTarget } from './video-time.ts';

export function VideoPlayer({
  src,
  subtitles,
  subtitlesLanguage,
  title,
  onClose,
}: {
  src: string;
  subtitles?: string;
  subtitlesLanguage: string;
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
  const [captions, setCaptions] = useState(Boolean(subtitles));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const track = video.current?.textTracks[0];
    if (track) track.mode = captions ? 'showing' : 'hidden';
  }, [captions]);

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

  return (
    <div
      className="overlay player"
      role="dialog"
      aria-modal="true"
      aria-label={title}
      data-testid="video-player"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
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
        onLoadedMetadata={(event) => setDuration(event.currentTarget.duration)}
        onError={() => setFailed(true)}
      >
        {subtitles && <track kind="subtitles" src={subtitles} srcLang={subtitlesLanguage} label={title} default />}
      </video>
      {failed && (
        <p className="player-error" role="alert">
          {t('video.failed')}
        </p>
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
        {subtitles && (
          <button
            type="button"
            className="round"
            aria-pressed={captions}
            aria-label={t('video.captions')}
            onClick={() => setCaptions((on) => !on)}
          >
            <CaptionsIcon />
            <span className="round-word">{t('video.captions')}</span>
          </button>
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
