import { useEffect, useRef, useState } from 'react';
import type { CameraView } from '../../layers/index.ts';
import { cameraViewOf } from './cameraView.ts';
import { LiteScene } from './liteScene.ts';
import { litePageApi } from './pageApi.ts';

const SETTLE_MS = 400;

/**
 * The 3D view inside the returned container, opened at `initialCamera`; reports the camera once
 * it has settled after a move (for the address bar) and answers the page API while it lives.
 */
export function useLiteScene(initialCamera: CameraView, onCameraChange: (camera: CameraView) => void) {
  const container = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<LiteScene>();
  const [loaded, setLoaded] = useState(false);
  const report = useRef(onCameraChange);
  report.current = onCameraChange;
  const initial = useRef(initialCamera);

  useEffect(() => {
    const created = new LiteScene(container.current!, initial.current, setLoaded);
    let timer: ReturnType<typeof setTimeout> | undefined;
    created.controls.addEventListener('change', () => {
      clearTimeout(timer);
      timer = setTimeout(() => report.current(cameraViewOf(created.camera)), SETTLE_MS);
    });
    window.wuyiTwin = litePageApi(created);
    setView(created);
    return () => {
      clearTimeout(timer);
      delete window.wuyiTwin;
      created.dispose();
    };
  }, []);

  return { container, view, loaded };
}
