import { useEffect, useState } from 'react';
import { type Catalog, hasCapability } from '../../layers/index.ts';
import { fetchCatalog } from './client.ts';

export type ClassLabels = Map<string, { zh: string; en: string }>;

/**
 * The class names of each classified layer, by layer id and class value: a parcel's `className`
 * is the survey's Chinese name, its English one is in the catalog's legend ("0101 Paddy field").
 */
export function classLabelsOf(catalog: Catalog): Map<string, ClassLabels> {
  const byLayer = new Map<string, ClassLabels>();
  for (const layer of catalog.layers) {
    if (!hasCapability(layer, 'classed')) continue;
    const strip = (label: string, value: string) => (label.startsWith(`${value} `) ? label.slice(value.length + 1) : label);
    byLayer.set(layer.id, new Map(layer.classify.classes.map((c) => [c.value, { zh: strip(c.label.zh, c.value), en: strip(c.label.en, c.value) }])));
  }
  return byLayer;
}

let labels: Promise<Map<string, ClassLabels>> | undefined;

/** The class names of one layer (empty until the catalog is read, or for a layer without classes). */
export function useClassLabels(layerId: string | undefined): ClassLabels {
  const [state, setState] = useState<ClassLabels>(new Map());
  useEffect(() => {
    if (!layerId) return;
    let wanted = true;
    labels ??= fetchCatalog().then(classLabelsOf, (error: unknown) => {
      labels = undefined; // ask again next time
      throw error;
    });
    labels.then((loaded) => wanted && setState(loaded.get(layerId) ?? new Map()), () => undefined);
    return () => {
      wanted = false;
    };
  }, [layerId]);
  return state;
}
