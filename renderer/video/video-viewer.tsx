/** The video player as the item page's viewer of videos: captions in every language the lecture has, the visitor's first. */
import { fileFor, fileLanguages, subtitlesFor } from '../catalog/item-files.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { OverlayViewer } from '../viewers.ts';
import { VideoPlayer } from './VideoPlayer.tsx';

export const videoViewer: OverlayViewer = {
  action: 'video.open',
  canOpen: (item) => fileFor(item, 'main')?.mediaType.startsWith('video/') === true,
  View: function LectureView({ item, onClose }) {
    const { locale } = useI18n();
    const subtitles = fileLanguages(item, 'subtitles').map((language) => ({
      language,
      url: fileFor(item, 'subtitles', language)!.url,
    }));
    return (
      <VideoPlayer
        src={fileFor(item, 'main')!.url}
        subtitles={subtitles}
        initialLanguage={subtitlesFor(item, locale)?.language}
        title={item.title}
        onClose={onClose}
      />
    );
  },
};
