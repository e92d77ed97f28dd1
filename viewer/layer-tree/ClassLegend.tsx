import type { CSSProperties } from 'react';
import type { LayerWith } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';
import { useClassFilter } from '../layers/thematic/classFilter.tsx';

/** A classed layer's classes as its legend, each with a box that shows or hides it on the map. */
export function ClassLegend({ layer }: { layer: LayerWith<'classed'> }) {
  const { t, pick } = useI18n();
  const filter = useClassFilter();
  const hidden = filter.hidden(layer.id);
  return (
    <ul className="legend class-legend" aria-label={t('legend')}>
      {layer.classify.classes.map((cls) => (
        <li key={cls.value} data-class={cls.value}>
          <label>
            <input type="checkbox" checked={!hidden.has(cls.value)} onChange={(event) => filter.setShown(layer.id, cls.value, event.target.checked)} />
            <span className="swatch swatch-fill" style={{ '--swatch': cls.color } as CSSProperties} />
            {pick(cls.label)}
          </label>
        </li>
      ))}
    </ul>
  );
}
