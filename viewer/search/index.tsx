import './search.css';
import { useState } from 'react';
import type { Catalog, SearchHit } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSelection } from '../selection/index.tsx';
import { problemMessage } from '../api/problemMessage.ts';
import { useSearch } from './hooks.ts';
import { groupByLayer } from './groupByLayer.ts';

/**
 * One box for resource codes, parcel ids, villages and townships (by name, pinyin or initials),
 * addresses and building names; hits come grouped by layer, each with the township it lies in so
 * that places of one name are told apart; a hit (or Enter, for the first) flies there and opens its panel.
 */
export function SearchBox({ catalog }: { catalog: Catalog }) {
  const { t, pick } = useI18n();
  const { select } = useSelection();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const { hits, error } = useSearch(query);
  const choose = (hit: SearchHit) => {
    select({ oid: hit.oid, lon: hit.lon, lat: hit.lat, floor: null, inspect: true, bbox: hit.bbox });
    setOpen(false);
  };
  const layerTitle = (id: string) => {
    const layer = catalog.layers.find((candidate) => candidate.id === id);
    return layer ? pick(layer.title) : id;
  };
  return (
    <search className="search-box">
      <input
        type="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          // The first group holds the best hit: Enter takes the first hit shown.
          if (event.key === 'Enter' && hits[0]) choose(hits[0]);
          else if (event.key === 'Escape') setOpen(false);
        }}
      />
      {open && query.trim() !== '' && (
        <ul className="search-hits">
          {error !== undefined && <li className="panel-error">{problemMessage(error, t)}</li>}
          {error === undefined && hits.length === 0 && <li className="muted">{t('noHits')}</li>}
          {groupByLayer(hits).map(({ layerId, hits: group }) => [
            <li key={layerId} className="search-group" aria-hidden="true">
              {layerTitle(layerId)}
            </li>,
            ...group.map((hit) => (
              <li key={`${hit.layerId}/${hit.oid}`}>
                <button type="button" data-oid={hit.oid} onClick={() => choose(hit)}>
                  <span>{hit.label || hit.value}</span>
                  <span className="muted">{[...new Set([hit.place, hit.address, hit.value].filter((text) => text && text !== hit.label))].join(' · ')}</span>
                </button>
              </li>
            )),
          ])}
        </ul>
      )}
    </search>
  );
}
