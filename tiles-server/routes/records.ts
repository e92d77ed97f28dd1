import { Hono } from 'hono';
import type { Catalog, RecordTableEntry, Role } from '../../layers/index.ts';
import type { TwinEnv } from '../auth/caller.ts';
import { jsonError } from '../jsonError.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { RecordView, canReadRecords, requireRecordAccess } from '../records/recordAccess.ts';
import { RECORD_TABLES, type RecordTable } from '../records/recordTables.ts';
import type { TwinStore } from '../store/twinStore.ts';

const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/**
 * The data API's records as SQL tables for the analyst (incidents, their steps, monitoring points,
 * readings, lifecycle records): `GET /api/records` lists those the caller may read,
 * `GET /api/records/{name}.arrow` streams one as Arrow IPC. A table holds exactly what the JSON
 * routes show the caller: the same access to the whole kind, the same bindings hidden, the same
 * lifecycle records read through their parcels.
 */
export function recordRoutes(options: { catalog: Catalog; store: TwinStore; objects: ObjectIndex }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  const source = { store: options.store, view: new RecordView(options.catalog, options.objects) };
  const readable = (table: RecordTable, role: Role) => table.gate === undefined || canReadRecords(options.catalog, table.gate, role);

  app.get('/', async (c) => {
    const { role } = c.get('caller');
    const counts = await options.store.recordCounts();
    const tables: RecordTableEntry[] = RECORD_TABLES.filter((table) => readable(table, role)).map((table) => ({
      name: table.name,
      title: table.title,
      arrow: `/api/records/${table.name}.arrow`,
      columns: table.columns.map(({ name, type }) => ({ name, type })),
      rows: table.rows(counts),
    }));
    return c.json({ tables });
  });

  for (const table of RECORD_TABLES) {
    const path = `/${table.name}.arrow`;
    if (table.gate) app.use(path, requireRecordAccess(options.catalog, table.gate));
    app.get(path, async (c) => c.body(await table.arrow(source, c.get('caller').role), 200, { 'Content-Type': ARROW_STREAM, 'Cache-Control': 'no-store' }));
  }

  app.get('/:name', (c) => jsonError(c, 404, 'not_found', `No record table "${c.req.param('name')}"; GET /api/records lists them`));

  return app;
}
