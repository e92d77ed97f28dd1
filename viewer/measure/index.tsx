import './measure.css';
import { useCesium } from 'resium';
import { useI18n } from '../i18n/index.tsx';
import { type MeasureMode, useMeasureMode } from './context.tsx';
import { useMeasuredPoints } from './hooks.ts';
import { enclosedArea, formatArea, formatLength, pathLength } from './measurement.ts';

/** Distance and area measuring on the terrain: pick a mode, click points, right-click to finish. */
export function MeasureTool() {
  const { viewer } = useCesium();
  const { t } = useI18n();
  const { mode, setMode } = useMeasureMode();
  const { points, finished } = useMeasuredPoints(viewer, mode);
  const toggle = (next: MeasureMode) => setMode(mode === next ? undefined : next);
  const result = mode === 'distance' ? formatLength(pathLength(points)) : mode === 'area' ? formatArea(enclosedArea(points)) : undefined;
  return (
    <div className="measure-tool" role="toolbar" aria-label={t('measure')}>
      <button type="button" aria-pressed={mode === 'distance'} onClick={() => toggle('distance')}>
        {t('measureDistance')}
      </button>
      <button type="button" aria-pressed={mode === 'area'} onClick={() => toggle('area')}>
        {t('measureArea')}
      </button>
      {mode && (
        <output className="measure-result" data-points={points.length} data-finished={finished}>
          {points.length === 0 ? t('measureHint') : result}
        </output>
      )}
    </div>
  );
}
