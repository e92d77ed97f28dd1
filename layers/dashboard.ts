import { z } from 'zod';
import type { IncidentStatus } from './records.ts';

const LayerId = z.string().min(1);
const FieldName = z.string().min(1);

/**
 * Where the big-screen dashboard finds its figures: which layer holds the land-use parcels and
 * the buildings, and which of their fields carry class, label, area and use.
 */
export const DashboardSources = z
  .object({
    landUse: z
      .object({
        layer: LayerId,
        classField: FieldName.describe('The GB/T 21010 class code'),
        labelField: FieldName.describe('The class name shown'),
        areaField: FieldName.describe('Area in square metres'),
      })
      .strict()
      .optional(),
    buildings: z.object({ layer: LayerId, useField: FieldName.describe('What the building is used for') }).strict().optional(),
  })
  .strict();
export type DashboardSources = z.infer<typeof DashboardSources>;

/**
 * The dashboard sources the layers themselves declare: a land-use layer marked `dashboard:
 * "landUse"` (a county's own survey, imported with --dashboard) gives the land-use areas by its
 * class field, `className` and `area`; a buildings layer marked `"buildings"` the buildings by
 * `use`. The last layer to declare a part wins over the catalog file's `dashboard`.
 */
export function dashboardRoles(layers: readonly { id: string; kind: string; dashboard?: string | undefined; classify?: { field: string } }[]): DashboardSources {
  const sources: DashboardSources = {};
  for (const layer of layers) {
    if (layer.dashboard === 'landUse' && layer.classify) sources.landUse = { layer: layer.id, classField: layer.classify.field, labelField: 'className', areaField: 'area' };
    if (layer.dashboard === 'buildings') sources.buildings = { layer: layer.id, useField: 'use' };
  }
  return sources;
}

/** The county's clock, China Standard Time: UTC+8 all year, no daylight saving. The trend's days are its days. */
export const COUNTY_UTC_OFFSET_MINUTES = 8 * 60;
/** Days in the incident trend, today the last. */
export const TREND_DAYS = 30;
/** The share of incidents closed that the county's plan asks for (结案率 95 %). */
export const COMPLETION_TARGET = 0.95;

/** The dashboard's figures as `GET /api/dashboard` sends them; a part the caller may not read is absent. */
export interface DashboardFigures {
  /** The township the figures are narrowed to (`?township=`); absent for the whole county. */
  township?: { code: string; name: string | null; nameEn: string | null };
  /** The instant the records' figures are of (`?asOf=`); absent for now. */
  asOf?: string;
  incidents?: {
    total: number;
    byStatus: Partial<Record<IncidentStatus, number>>;
    byTownship: { code: string | null; name: string | null; nameEn: string | null; count: number }[];
    /** Share of incidents closed (办结), 0–1; null when there are none. */
    completionRate: number | null;
    /** The share the plan asks for, 0–1. */
    completionTarget: number;
    /** Incidents reported each day of the last TREND_DAYS, oldest first, days in the county's time (YYYY-MM-DD). */
    trend: { day: string; count: number }[];
  };
  alarms?: { active: number; points: { id: string; name: string; kind: string; value: number | null; unit: string }[] };
  landUse?: { code: string; label: string; area: number; parcels: number }[];
  buildings?: { use: string; count: number }[];
}
