import './replay.css';
import { useEffect, useState } from 'react';
import { formatTime, useI18n } from '../i18n/index.tsx';
import { useReplay } from './context.tsx';

/** How far back the slider reaches, and how much replayed time one second of playing covers (60×). */
const REACH_MS = 7 * 24 * 3600 * 1000;
const PLAY_STEP_MS = 60_000;
/** Minutes the slider moves by. */
const SLIDER_STEP_MS = 60_000;

/**
 * The time slider: drag to any moment of the last week and the board and the map show the
 * incidents as they stood then; play goes on a minute a second (60×), an after-action review of a
 * day in 24 minutes, back to live at the present.
 */
export function ReplayBar({ onClose }: { onClose: () => void }) {
  const { t, language } = useI18n();
  const { asOf, setAsOf } = useReplay();
  const [now] = useState(() => Date.now());
  const [playing, setPlaying] = useState(false);
  const at = asOf ? Date.parse(asOf) : now - 24 * 3600 * 1000;
  // Opening the bar starts a day back, unless a link named the moment.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    if (!asOf) setAsOf(new Date(at).toISOString());
  }, []);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = Math.min(at + PLAY_STEP_MS, Date.now());
      setAsOf(new Date(next).toISOString());
      if (next >= Date.now()) setPlaying(false);
    }, 1000);
    return () => clearInterval(timer);
  }, [playing, at, setAsOf]);
  const close = () => {
    setPlaying(false);
    setAsOf(undefined);
    onClose();
  };
  return (
    <section className="replay-bar" aria-label={t('replayTitle')} data-as-of={asOf ?? ''} data-playing={playing}>
      <button type="button" className="replay-play" onClick={() => setPlaying(!playing)}>
        {playing ? t('replayPause') : t('replayPlay')}
      </button>
      <input
        type="range"
        aria-label={t('replayMoment')}
        min={now - REACH_MS}
        max={now}
        step={SLIDER_STEP_MS}
        value={at}
        onChange={(event) => setAsOf(new Date(Number(event.target.value)).toISOString())}
      />
      <output className="replay-time">{formatTime(new Date(at).toISOString(), language)}</output>
      <button type="button" className="replay-live" onClick={close}>
        {t('replayLive')}
      </button>
    </section>
  );
}
