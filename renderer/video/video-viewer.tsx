/** The video player as the item page's viewer of videos, with captions in the visitor's language where there are some. */
import { fileFor } from '../catalog/item-files.ts';
import type { OverlayViewer } from '../viewers.ts';
import { VideoPlayer } from './VideoPlayer.tsx';

export const videoViewer: OverlayViewer = {
  action: 'video.open',
  canOpen: (item) => fileFor(item, 'main')?.mediaType.startsWith('video/') === true,
  View: ({ item, onClose }) => {
    const subtitles = fileFor(item, 'subtitles');
    return (
      <VideoPlayer
        src={fileFor(item, 'main')!.url}
        {...(subtitles ? { subtitles: subtitles.url } : {})}
        subtitlesLanguage={subtitles?.language ?? item.language}
        title={item.title}
        onClose={onClose}
      />
    );
  },
};
