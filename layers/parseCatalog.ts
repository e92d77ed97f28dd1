import type { z } from 'zod';
import { Catalog } from './catalog.ts';
import { dashboardRoles } from './dashboard.ts';

/** A catalog that cannot be used; the message names each bad layer and field. */
export class CatalogError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid layer catalog ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

/**
 * Validates a catalog already read as JSON. `source` names it in errors (a file path, say). The
 * dashboard takes its sources from the layers that declare one, else from the catalog's `dashboard`.
 */
export function parseCatalog(raw: unknown, source: string): Catalog {
  const result = Catalog.safeParse(raw);
  if (result.success) return { ...result.data, dashboard: { ...result.data.dashboard, ...dashboardRoles(result.data.layers) } };
  throw new CatalogError(source, result.error.issues.map((issue) => describeIssue(raw, issue)));
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (path[0] === 'layers' && path.length >= 2) {
    const index = Number(path[1]);
    const field = path.slice(2).join('.') || '(the layer itself)';
    return `layer ${layerName(raw, index)} (layers[${index}]), field "${field}": ${issue.message}`;
  }
  return `field "${path.join('.') || '(root)'}": ${issue.message}`;
}

function layerName(raw: unknown, index: number): string {
  const layers = (raw as { layers?: unknown } | null)?.layers;
  const id = Array.isArray(layers) ? (layers[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? `"${id}"` : '(without id)';
}
