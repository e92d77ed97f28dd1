/** Playback symbols drawn as SVG: the font of a kiosk screen may lack the media-control characters. */
const PATHS = {
  previous: 'M6 5h2v14H6zM20 5v14L9 12z',
  play: 'M7 5v14l12-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  next: 'M16 5h2v14h-2zM4 5v14l11-7z',
  loop: 'M17 7H8a5 5 0 0 0 0 10h1v-2H8a3 3 0 0 1 0-6h9v3l4-4-4-4zM15 15v2h1a5 5 0 0 0 3.6-1.5l-1.4-1.4A3 3 0 0 1 16 15z',
};

export function PlayerIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="player-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
