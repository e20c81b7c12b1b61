/** The cues of a subtitles file, fetched from the content store once per file while the transcript is open. */
import { useEffect, useState } from 'react';
import { parseWebVtt, type TranscriptCue } from './webvtt-cues.ts';

const loaded = new Map<string, Promise<TranscriptCue[]>>();

function cuesOf(url: string): Promise<TranscriptCue[]> {
  let cues = loaded.get(url);
  if (!cues) {
    cues = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`subtitles: ${response.status}`);
      return parseWebVtt(await response.text());
    });
    cues.catch(() => loaded.delete(url));
    loaded.set(url, cues);
  }
  return cues;
}

/** The cues of `url`, or undefined while they load, when they cannot be read, or with no url. */
export function useTranscript(url: string | undefined): TranscriptCue[] | undefined {
  const [shown, setShown] = useState<{ url: string; cues: TranscriptCue[] }>();
  useEffect(() => {
    if (!url) return;
    let current = true;
    cuesOf(url).then(
      (cues) => current && setShown({ url, cues }),
      () => current && setShown({ url, cues: [] }),
    );
    return () => {
      current = false;
    };
  }, [url]);
  return url && shown?.url === url ? shown.cues : undefined;
}
