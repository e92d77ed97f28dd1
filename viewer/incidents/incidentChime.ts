const KEY = 'wuyi-twin-incident-sound';

let audio: AudioContext | undefined;

/** Whether this browser sounds a chime on a new incident (off until the user turns it on). */
export function chimeWanted(): boolean {
  return localStorage.getItem(KEY) === 'on';
}

/** Remembers the choice; turning it on is a click, which is when a browser lets a page make sound. */
export function rememberChime(on: boolean): void {
  localStorage.setItem(KEY, on ? 'on' : 'off');
  if (on) void (audio ??= new AudioContext()).resume();
}

/**
 * A browser starts a page's sound suspended until the user acts: on a screen left on with the
 * chime chosen earlier, the first click or key anywhere lets it sound.
 */
export function resumeChimeOnFirstGesture(): () => void {
  const resume = () => void (audio ??= new AudioContext()).resume();
  const options = { once: true, capture: true };
  document.addEventListener('pointerdown', resume, options);
  document.addEventListener('keydown', resume, options);
  return () => {
    document.removeEventListener('pointerdown', resume, options);
    document.removeEventListener('keydown', resume, options);
  };
}

/** Two short rising tones, made on the spot: the twin fetches no sound file, so it works offline. */
export function playChime(): void {
  audio ??= new AudioContext();
  void audio.resume();
  const start = audio.currentTime;
  [880, 1320].forEach((frequency, i) => {
    const tone = audio!.createOscillator();
    const gain = audio!.createGain();
    const at = start + i * 0.18;
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    tone.connect(gain).connect(audio!.destination);
    tone.start(at);
    tone.stop(at + 0.3);
  });
}
