/** The few line icons the kiosk uses, drawn inline so no icon font or network is needed. */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="1.4em"
      height="1.4em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const BackIcon = () => (
  <Icon>
    <path d="M15 5l-7 7 7 7" />
  </Icon>
);
export const SearchIcon = () => (
  <Icon>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M15.5 15.5L21 21" />
  </Icon>
);
export const PlayIcon = () => (
  <Icon>
    <path d="M7 4.5v15l12-7.5z" fill="currentColor" />
  </Icon>
);
export const PauseIcon = () => (
  <Icon>
    <path d="M7 5v14M17 5v14" strokeWidth="4" />
  </Icon>
);
export const RewindIcon = () => (
  <Icon>
    <path d="M4 12a8 8 0 1 0 2.5-5.8" />
    <path d="M4 4v4.5h4.5" />
  </Icon>
);
export const ForwardIcon = () => (
  <Icon>
    <path d="M20 12a8 8 0 1 1-2.5-5.8" />
    <path d="M20 4v4.5h-4.5" />
  </Icon>
);
export const CaptionsIcon = () => (
  <Icon>
    <rect x="3" y="5" width="18" height="14" rx="3" />
    <path d="M10 10.5a2 2 0 1 0 0 3M17 10.5a2 2 0 1 0 0 3" />
  </Icon>
);
export const TranscriptIcon = () => (
  <Icon>
    <path d="M5 4h14v16H5zM8 8h8M8 12h8M8 16h5" />
  </Icon>
);
export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);
export const BackspaceIcon = () => (
  <Icon>
    <path d="M9 5h11v14H9l-6-7z" />
    <path d="M12 9.5l5 5M17 9.5l-5 5" />
  </Icon>
);
export const ShiftIcon = () => (
  <Icon>
    <path d="M12 4l8 8h-4.5v7h-7v-7H4z" />
  </Icon>
);
export const SpeakerIcon = () => (
  <Icon>
    <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" fill="currentColor" />
    <path d="M15.5 9a4 4 0 0 1 0 6M18.5 6.5a7.5 7.5 0 0 1 0 11" />
  </Icon>
);
export const HomeIcon = () => (
  <Icon>
    <path d="M3.5 11L12 4l8.5 7" />
    <path d="M6 9.5V20h12V9.5" />
    <path d="M10 20v-5.5h4V20" />
  </Icon>
);
/** A small and a large letter: the text-size control. */
export const TextSizeIcon = () => (
  <Icon>
    <path d="M2.5 19l3.5-9 3.5 9M3.8 16h4.4" strokeWidth="1.8" />
    <path d="M11 19l5-13 5 13M12.9 14.5h6.2" />
  </Icon>
);
export const GlobeIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M3.5 12h17M12 3.5c2.6 2.6 3.6 5.5 3.6 8.5s-1 5.9-3.6 8.5c-2.6-2.6-3.6-5.5-3.6-8.5s1-5.9 3.6-8.5z" />
  </Icon>
);
/** Two arrows pointing apart: something that moves sideways with a swipe. */
export const SwipeIcon = () => (
  <Icon>
    <path d="M3 12h18M7 8l-4 4 4 4M17 8l4 4-4 4" />
  </Icon>
);
