import type { CameraView, Scene, StoryboardEntry } from '../../layers/index.ts';
import { addScene, fetchStoryboards, saveStoryboard } from '../api/client.ts';
import { useFetched } from '../api/useFetched.ts';

export function useStoryboardList() {
  const { data, error, reload } = useFetched(fetchStoryboards, []);
  return { storyboards: data, error, reload };
}

/** What the user typed to save the current view: into which storyboard (or a new one, by title) and how. */
export interface SceneForm {
  target: { storyboardId: string } | { newTitle: string };
  title: string;
  caption: string;
  durationSeconds: number;
}

/** The current view as a scene: where the camera is, which layers show and the analysis open, with the user's words. */
export function sceneOf(form: SceneForm, camera: CameraView, visibleLayers: Iterable<string>, analysis?: string): Scene {
  const text = (value: string) => ({ zh: value, en: value });
  return {
    title: text(form.title.trim()),
    ...(form.caption.trim() ? { caption: text(form.caption.trim()) } : {}),
    camera,
    layers: [...visibleLayers],
    durationSeconds: form.durationSeconds,
    ...(analysis ? { analysis } : {}),
  };
}

/** Saves the scene: appended to the chosen storyboard, or as the first scene of a new one. */
export async function saveScene(form: SceneForm, scene: Scene, token: string): Promise<StoryboardEntry> {
  if ('storyboardId' in form.target) return addScene(form.target.storyboardId, scene, token);
  const title = form.target.newTitle.trim();
  return saveStoryboard({ id: `board-${Date.now().toString(36)}`, title: { zh: title, en: title }, scenes: [scene] }, token);
}
