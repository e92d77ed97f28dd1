import { SingleBar } from 'cli-progress';
import type { ImportProgress } from '../buildings/importBuildings.ts';

/**
 * Count, rate and ETA while reading (by bytes of the file), then a tile count while tiling.
 * Without a terminal (CI logs), a plain line every few seconds instead of a redrawn bar.
 */
export function importProgressBar(): { update: (progress: ImportProgress) => void; stop: () => void } {
  const started = performance.now();
  if (!process.stderr.isTTY) {
    let lastLine = 0;
    return {
      update(progress) {
        const now = performance.now();
        if (now - lastLine < 5000) return;
        lastLine = now;
        const percent = Math.round((100 * progress.bytesRead) / progress.totalBytes);
        console.error(`${progress.stage}: ${percent}% of the file, ${progress.features} features, ${progress.tiles} tiles`);
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    format: ' {stage} |{bar}| {percentage}% | {features} features | {rate}/s | ETA {eta_formatted} | {tiles} tiles',
    hideCursor: true,
    etaBuffer: 50,
  });
  let startedBar = false;
  return {
    update(progress) {
      const rate = Math.round(progress.features / ((performance.now() - started) / 1000));
      const payload = { stage: progress.stage === 'read' ? 'reading' : 'tiling ', features: progress.features, rate, tiles: progress.tiles };
      if (!startedBar) {
        bar.start(progress.totalBytes, progress.bytesRead, payload);
        startedBar = true;
      } else bar.update(progress.bytesRead, payload);
    },
    stop: () => bar.stop(),
  };
}
