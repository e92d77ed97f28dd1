import { useEffect } from 'react';
import { fetchObject } from '../api/client.ts';
import { useHighlight } from '../highlight/index.tsx';
import { outerRings } from '../selection/outerRings.ts';

/**
 * A township drilled into on the wall: its boundary drawn on the ground and the camera framing
 * it, from the township's own object (`admin:<code>`); the county again when there is none.
 */
export function useTownshipFocus(township: string | undefined): void {
  const { setHighlight } = useHighlight();
  useEffect(() => {
    if (township === undefined) return;
    let current = true;
    fetchObject(`admin:${township}`)
      .then((object) => {
        if (current) setHighlight({ oids: new Set([object.oid]), points: [], outlines: outerRings(object.geometry), extent: object.bbox });
      })
      // A township the map does not hold (the dashboard already says so) leaves the camera where it is.
      .catch(() => undefined);
    return () => {
      current = false;
      setHighlight(undefined);
    };
  }, [township, setHighlight]);
}
