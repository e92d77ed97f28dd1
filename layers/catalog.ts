import { z } from 'zod';
import { DashboardSources } from './dashboard.ts';
import { CameraView, LayerDefinition, LayerGroup, LocalizedText } from './schema.ts';
import { Storyboard } from './storyboard.ts';

/** The twin's catalog: its layers in groups, where it opens, its storyboards and dashboard sources. */
export const Catalog = z
  .object({
    id: z.string().min(1).describe('Id of the twin, e.g. the county'),
    title: LocalizedText,
    adminCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative division code').optional(),
    initialView: CameraView,
    groups: z.array(LayerGroup).min(1),
    layers: z.array(LayerDefinition),
    storyboards: z.array(Storyboard).default([]).describe('Presentations defined with the twin; users save more on the server'),
    dashboard: DashboardSources.default({}).describe('Where the big-screen dashboard finds land use and buildings'),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    const groupIds = new Set(catalog.groups.map((g) => g.id));
    const seen = new Set<string>();
    catalog.layers.forEach((layer, index) => {
      if (seen.has(layer.id)) {
        ctx.addIssue({ code: 'custom', path: ['layers', index, 'id'], message: `duplicate layer id "${layer.id}"` });
      }
      seen.add(layer.id);
      if (!groupIds.has(layer.group)) {
        ctx.addIssue({
          code: 'custom',
          path: ['layers', index, 'group'],
          message: `unknown group "${layer.group}"; known groups: ${[...groupIds].join(', ')}`,
        });
      }
    });
    const storyboardIds = new Set<string>();
    catalog.storyboards.forEach((storyboard, index) => {
      if (storyboardIds.has(storyboard.id)) {
        ctx.addIssue({ code: 'custom', path: ['storyboards', index, 'id'], message: `duplicate storyboard id "${storyboard.id}"` });
      }
      storyboardIds.add(storyboard.id);
    });
  });
export type Catalog = z.infer<typeof Catalog>;
