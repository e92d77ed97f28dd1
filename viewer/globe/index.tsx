import type { ReactNode } from 'react';
import { Viewer, useCesium } from 'resium';
import type { CameraView } from '../../layers/index.ts';
import { AnalysisDrawingProvider } from '../analysis/drawingContext.tsx';
import { MeasureProvider } from '../measure/context.tsx';
import { MeasureTool } from '../measure/index.tsx';
import { ObjectInfo } from '../object-info/index.tsx';
import { useCartographicLight, useCameraSync, useSceneModeContinuity, useTerrainShading, useOfflineViewerOptions, useTilesLoadedMarker } from './hooks.ts';
import { useSoftwareRendererEconomy } from './softwareRendererEconomy.ts';
import { useLabelDeclutter } from './labelDeclutter.ts';
import { usePageApi } from './pageApi.ts';
import { SceneModeSwitch } from './SceneModeSwitch.tsx';
import { useFlyToSelection } from '../selection/useFlyToSelection.ts';
import { useSelectionOutline } from '../selection/useSelectionOutline.ts';
import { useMeshHover } from '../selection/useMeshHover.ts';
import { useHighlightMarks } from '../highlight/useHighlightMarks.ts';

interface GlobeProps {
  initialCamera: CameraView;
  onCameraChange: (view: CameraView) => void;
  /** The object panel and the measuring tool; off on a kiosk screen. */
  tools?: boolean;
  /** The flat map instead of the globe, with a switch to change it; no switch when `onModeChange` is not given. */
  mode?: '2d';
  onModeChange?: (mode: '2d' | undefined) => void;
  children?: ReactNode;
}

/** The 3D globe; layers render as its children. */
export function Globe({ initialCamera, onCameraChange, tools = true, mode, onModeChange, children }: GlobeProps) {
  const options = useOfflineViewerOptions();
  return (
    <Viewer full {...options}>
      <GlobeBehaviour initialCamera={initialCamera} onCameraChange={onCameraChange} />
      {onModeChange && <SceneModeSwitch mode={mode} onChange={onModeChange} />}
      <MeasureProvider>
        <AnalysisDrawingProvider>
          {children}
          {tools && <ObjectInfo />}
          {tools && <MeasureTool />}
        </AnalysisDrawingProvider>
      </MeasureProvider>
    </Viewer>
  );
}

function GlobeBehaviour({ initialCamera, onCameraChange }: Pick<GlobeProps, 'initialCamera' | 'onCameraChange'>) {
  const { viewer } = useCesium();
  useSoftwareRendererEconomy(viewer);
  useCameraSync(viewer, initialCamera, onCameraChange);
  useTilesLoadedMarker(viewer);
  useCartographicLight(viewer);
  useTerrainShading(viewer);
  useSceneModeContinuity(viewer);
  usePageApi(viewer);
  useFlyToSelection(viewer);
  useSelectionOutline(viewer);
  useMeshHover(viewer);
  useHighlightMarks(viewer);
  useLabelDeclutter(viewer);
  return null;
}
