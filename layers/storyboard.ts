import { z } from 'zod';
import { Instant } from './recordInputs.ts';
import { CameraView, LocalizedText } from './schema.ts';

export const StoryboardId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lower-case letters, digits and dashes')
  .describe('Stable id, used in the presentation route /present/{id}');

/** The most scenes one storyboard holds. */
export const MAX_SCENES = 100;

/** One stop of a storyboard: where the camera goes, which layers show, what the caption says and for how long. */
export const Scene = z
  .object({
    title: LocalizedText,
    caption: LocalizedText.optional().describe('Text shown over the scene'),
    camera: CameraView,
    layers: z.array(z.string().min(1)).max(100).describe('Ids of the layers shown in this scene'),
    durationSeconds: z.number().min(2).max(600).describe('How long the scene stays, the camera flight included'),
    analysis: z
      .string()
      .regex(/^an-[0-9a-f]{16}$/, 'must be the id of a kept analysis (an-…)')
      .optional()
      .describe('A kept analysis drawn while the scene plays: a flood at its level, a viewshed, a height limit'),
    asOf: Instant.optional()
      .describe('The moment the scene shows the records as they stood at (incidents, the dashboard); live without'),
    exaggeration: z
      .number()
      .min(1)
      .max(4)
      .optional()
      .describe('Vertical exaggeration of the terrain and all that stands on it while the scene plays, for a scene about relief; true heights without'),
  })
  .strict();
export type Scene = z.infer<typeof Scene>;

/** A named sequence of scenes an official plays on a big screen (演示方案). */
export const Storyboard = z
  .object({
    id: StoryboardId,
    title: LocalizedText,
    scenes: z.array(Scene).min(1).max(MAX_SCENES),
  })
  .strict();
export type Storyboard = z.infer<typeof Storyboard>;

/** A storyboard as the server lists it: from the catalog (read-only) or saved by a user. */
export type StoryboardEntry = Storyboard & { origin: 'catalog' | 'saved'; updatedAt: string | null; updatedBy: string | null };
