import { useEffect, useState } from 'react';
import { useCesium } from 'resium';
import type { Analysis } from '../../layers/index.ts';
import { fetchAnalysis } from '../api/client.ts';
import { useAnalysisDrawing } from './useAnalysisDrawing.ts';

/** The kept analysis a storyboard's scene shows, drawn on the globe while the scene plays (none when it cannot be read). */
export function SceneAnalysis({ id }: { id: string | undefined }) {
  const { viewer } = useCesium();
  const [analysis, setAnalysis] = useState<Analysis>();
  useEffect(() => {
    setAnalysis(undefined);
    if (!id) return;
    const controller = new AbortController();
    fetchAnalysis(id, controller.signal).then(
      (found) => setAnalysis(found ?? undefined),
      () => undefined,
    );
    return () => controller.abort();
  }, [id]);
  useAnalysisDrawing(viewer, analysis);
  return <span hidden data-scene-analysis={analysis?.id ?? ''} />;
}
