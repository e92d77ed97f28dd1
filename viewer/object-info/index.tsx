import { useCesium } from 'resium';
import { usePickedObject } from './hooks.ts';
import { ObjectPanel } from './ObjectPanel.tsx';
import { useBoundObject } from './useBoundObject.ts';

/** The properties of the object last clicked in 3D, and every record bound to it. */
export function ObjectInfo() {
  const { viewer } = useCesium();
  const { picked, clear } = usePickedObject(viewer);
  const oid = picked?.properties.oid;
  const fetched = useBoundObject(!picked?.bound && typeof oid === 'string' && oid !== '' ? oid : undefined);
  if (!picked) return null;
  const bound = picked.bound ? { object: picked.bound } : fetched;
  // A search hit names only the oid: its properties come with the object from the server.
  return <ObjectPanel properties={{ ...bound.object?.properties, ...picked.properties }} bound={bound} onClose={clear} />;
}
