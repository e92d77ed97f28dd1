import { useState } from 'react';

/** True from the first time a layer is visible: data loads then, never for a layer left off. */
export function useRequested(visible: boolean): boolean {
  const [requested, setRequested] = useState(visible);
  if (visible && !requested) setRequested(true);
  return requested;
}
