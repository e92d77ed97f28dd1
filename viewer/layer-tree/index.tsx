import './layer-tree.css';
import { type CSSProperties, useState } from 'react';
import { CollapseToggle } from '../app/CollapseToggle.tsx';
import { type Catalog, type LayerDefinition, type LegendItem, hasCapability } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';
import { ClassLegend } from './ClassLegend.tsx';
import { updateFrequencyNames } from '../i18n/messages.ts';
import { rendererFor } from '../layers/registry.ts';
import type { LayerStatus } from '../layers/types.ts';

interface LayerTreeProps {
  catalog: Catalog;
  visible: ReadonlySet<string>;
  status: Readonly<Record<string, LayerStatus>>;
  onToggle: (layerId: string, visible: boolean) => void;
}

/** The catalog's layers by group, with a toggle, load state and legend for each. */
export function LayerTree({ catalog, visible, status, onToggle }: LayerTreeProps) {
  const { t, pick } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <nav className="layer-tree" aria-label={t('layers')} data-collapsed={collapsed}>
      <header className="layer-tree-header">
        <h2 className="panel-title">{t('layers')}</h2>
        <CollapseToggle collapsed={collapsed} onToggle={() => setCollapsed(!collapsed)} />
      </header>
      {!collapsed && catalog.groups.map((group) => {
        const layers = catalog.layers.filter((layer) => layer.group === group.id);
        if (layers.length === 0) return null;
        return (
          <section key={group.id} className="layer-group" data-group-id={group.id}>
            <h3>{pick(group.title)}</h3>
            <ul>
              {layers.map((layer) => (
                <LayerItem
                  key={layer.id}
                  layer={layer}
                  visible={visible.has(layer.id)}
                  status={status[layer.id] ?? 'idle'}
                  onToggle={onToggle}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}

interface LayerItemProps {
  layer: LayerDefinition;
  visible: boolean;
  status: LayerStatus;
  onToggle: (layerId: string, visible: boolean) => void;
}

function LayerItem({ layer, visible, status, onToggle }: LayerItemProps) {
  const { t, pick, language } = useI18n();
  const supported = rendererFor(layer.kind) !== undefined;
  const details = [
    layer.description && pick(layer.description),
    `${t('department')}: ${pick(layer.metadata.department)}`,
    `${t('updated')}: ${updateFrequencyNames[language][layer.metadata.updateFrequency]}`,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <li className="layer-item" data-layer-id={layer.id} data-status={status}>
      <label title={details}>
        <input
          type="checkbox"
          checked={visible && supported}
          disabled={!supported}
          onChange={(event) => onToggle(layer.id, event.target.checked)}
        />
        <span className="layer-title">{pick(layer.title)}</span>
        {layer.metadata.synthetic && (
          <span className="badge" title={t('syntheticTitle')}>
            {t('synthetic')}
          </span>
        )}
        {status === 'loading' && <span className="spinner" role="status" aria-label={t('layerLoading')} />}
      </label>
      {!supported && <p className="layer-note">{t('kindUnsupported')}</p>}
      {status === 'error' && <p className="layer-note layer-error">{t('layerFailed')}</p>}
      {visible && hasCapability(layer, 'classed') && <ClassLegend layer={layer} />}
      {visible && layer.legend.length > 0 && <Legend items={layer.legend} />}
    </li>
  );
}

/** Legends longer than this fold away behind their heading, so one layer does not push the rest off the panel. */
const OPEN_LEGEND_ITEMS = 4;

function Legend({ items }: { items: LegendItem[] }) {
  const { t, pick } = useI18n();
  const list = (
    <ul className="legend" aria-label={t('legend')}>
      {items.map((item) => (
        <li key={`${item.symbol}-${item.color}-${item.label.en}`}>
          <span className={`swatch swatch-${item.symbol}`} style={{ '--swatch': item.color } as CSSProperties} />
          {pick(item.label)}
        </li>
      ))}
    </ul>
  );
  if (items.length <= OPEN_LEGEND_ITEMS) return list;
  return (
    <details className="legend-fold">
      <summary>
        {t('legend')} ({items.length})
      </summary>
      {list}
    </details>
  );
}
