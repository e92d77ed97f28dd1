import { useEffect } from 'react';
import { useReplay } from './context.tsx';

/** Shows the records as they stood at a storyboard scene's moment while it plays, and live in scenes without one. */
export function SceneMoment({ asOf }: { asOf: string | undefined }) {
  const { setAsOf } = useReplay();
  useEffect(() => {
    setAsOf(asOf);
  }, [asOf, setAsOf]);
  return null;
}
