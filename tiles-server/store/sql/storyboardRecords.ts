import { MAX_SCENES, type Scene, type Storyboard, type StoryboardEntry } from '../../../layers/index.ts';
import { type Actor, StoreConflict } from '../twinStore.ts';
import { storyboardFrom } from './rows.ts';
import type { Transaction } from './transaction.ts';

/** Saves a storyboard under its id, replacing the one stored there. */
export async function upsertStoryboard(tx: Transaction, storyboard: Storyboard, actor: Actor): Promise<StoryboardEntry> {
  const [row] = await tx.rows(
    `INSERT INTO storyboards VALUES ($id, $title, $scenes, current_timestamp, $actor)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, scenes = excluded.scenes, updated_at = excluded.updated_at, updated_by = excluded.updated_by RETURNING *`,
    { id: storyboard.id, title: JSON.stringify(storyboard.title), scenes: JSON.stringify(storyboard.scenes), actor: actor.name },
  );
  return storyboardFrom(row!);
}

/** Adds a scene at the end of a stored storyboard, up to MAX_SCENES. */
export async function appendScene(tx: Transaction, id: string, scene: Scene, actor: Actor): Promise<StoryboardEntry> {
  const [current] = await tx.rows(`SELECT scenes FROM storyboards WHERE id = $id`, { id });
  if (!current) throw new StoreConflict('not_found', `No storyboard "${id}"`);
  const scenes = JSON.parse(String(current.scenes)) as Scene[];
  if (scenes.length >= MAX_SCENES) throw new StoreConflict('conflict', `Storyboard "${id}" already holds ${MAX_SCENES} scenes`);
  const [row] = await tx.rows(`UPDATE storyboards SET scenes = $scenes, updated_at = current_timestamp, updated_by = $actor WHERE id = $id RETURNING *`, {
    id,
    scenes: JSON.stringify([...scenes, scene]),
    actor: actor.name,
  });
  return storyboardFrom(row!);
}

export async function removeStoryboard(tx: Transaction, id: string): Promise<void> {
  const deleted = await tx.rows(`DELETE FROM storyboards WHERE id = $id RETURNING id`, { id });
  if (deleted.length === 0) throw new StoreConflict('not_found', `No storyboard "${id}"`);
}
