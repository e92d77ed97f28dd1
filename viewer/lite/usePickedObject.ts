import { useCallback, useEffect, useState } from 'react';
import type { BoundObject } from '../../layers/index.ts';
import { fetchObjectAt } from '../api/client.ts';
import type { LiteScene } from './liteScene.ts';
import { featureProperties, lonLatOf, surfaceAt } from './surface.ts';

export interface PickedObject {
  properties: Record<string, unknown>;
  /** The object with its records, when the server already answered with it (a pick on open ground). */
  bound?: BoundObject;
}

/** Farther than this (CSS pixels) between press and release, the pointer dragged the view rather than clicked. */
const CLICK_SLOP = 4;

/**
 * What a click in the lite view picked: a building of a tileset (its feature's properties), or
 * on open ground the object the server finds there (the parcel, else the township).
 */
export function usePickedObject(view: LiteScene | undefined) {
  const [picked, setPicked] = useState<PickedObject>();

  useEffect(() => {
    if (!view) return;
    const canvas = view.renderer.domElement;
    let pressed: { x: number; y: number } | undefined;
    let latest = 0;
    const down = (event: PointerEvent) => (pressed = { x: event.offsetX, y: event.offsetY });
    const up = (event: PointerEvent) => {
      if (!pressed || Math.hypot(event.offsetX - pressed.x, event.offsetY - pressed.y) > CLICK_SLOP) return;
      const pick = ++latest;
      const hit = surfaceAt(view, event.offsetX, event.offsetY);
      const properties = hit && featureProperties(hit);
      if (properties || !hit) return setPicked(properties && { properties });
      const { lon, lat } = lonLatOf(hit.point);
      fetchObjectAt(lon, lat).then(
        (object) => pick === latest && setPicked(object && { properties: { ...object.properties, oid: object.oid }, bound: object }),
        () => pick === latest && setPicked(undefined),
      );
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointerup', up);
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointerup', up);
    };
  }, [view]);

  return { picked, clear: useCallback(() => setPicked(undefined), []) };
}
