import './compare.css';
import { type Catalog, hasCapability } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Comparison } from './context.tsx';

/** Layers that can be compared side by side: those drawn as imagery on the terrain. */
export function comparableLayers(catalog: Catalog) {
  return catalog.layers.filter((layer) => hasCapability(layer, 'comparable'));
}

/** The two layers to compare, left and right of the divider; closing it ends the comparison. */
export function ComparePanel({ catalog, comparison, onChange, onClose }: { catalog: Catalog; comparison: Comparison; onChange: (next: Comparison) => void; onClose: () => void }) {
  const { t, pick } = useI18n();
  const layers = comparableLayers(catalog);
  const picker = (side: keyof Comparison) => (
    <label>
      {t(side === 'left' ? 'compareLeft' : 'compareRight')}
      <select className="panel-field" name={`compare-${side}`} value={comparison[side]} onChange={(event) => onChange({ ...comparison, [side]: event.target.value })}>
        {layers.map((layer) => (
          <option key={layer.id} value={layer.id}>
            {pick(layer.title)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="compare-panel" aria-label={t('compare')}>
      {picker('left')}
      {picker('right')}
      <button type="button" className="panel-field" onClick={onClose}>
        {t('compareEnd')}
      </button>
    </section>
  );
}
