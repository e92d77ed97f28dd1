import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_REPORT_FILE } from '../../layers/index.ts';
import { RECORD_KINDS, type RecordKind, importRecords } from '../records/importRecords.ts';

export const importRecordsUsage = `Usage: npm run twin -- import records <file> --kind incidents|points|lifecycle [options]

Turns records exported by an existing system (CSV or XLSX: incidents, monitoring points and
cameras, resource-code lifecycle records) into a dataset the twin server stores once and binds,
as posted records, to the objects they lie in. Every refused row is reported with its row
number, column and why. Published at once, or not at all.

Options:
  --kind KIND           incidents, points (monitoring points and cameras) or lifecycle
  --dataset-id ID       Id and folder of the dataset (default: the file name in lower case)
  --crs CRS             CRS of x/y columns, e.g. EPSG:4528 (lon/lat columns need none)
  --gcj02               The coordinates come from a Chinese web map (GCJ-02)
  --encoding NAME       CSV encoding (default: UTF-8 when it reads as such, else GBK)
  --sheet NAME          XLSX sheet (default the first)
  --time-zone OFFSET    Offset of times written without one (default +08:00)`;

export async function importRecordsCommand(args: string[], dataDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      'dataset-id': { type: 'string' },
      crs: { type: 'string' },
      gcj02: { type: 'boolean' },
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      'time-zone': { type: 'string' },
    },
  });
  const [input] = positionals;
  if (!input || !values.kind) {
    console.error(importRecordsUsage);
    return 1;
  }
  if (!(values.kind in RECORD_KINDS)) throw new Error(`--kind must be one of ${Object.keys(RECORD_KINDS).join(', ')}, got "${values.kind}"`);
  const summary = await importRecords({
    input,
    dataDir,
    kind: values.kind as RecordKind,
    datasetId: values['dataset-id'],
    crs: values.crs,
    gcj02: values.gcj02,
    encoding: values.encoding,
    sheet: values.sheet,
    timeZone: values['time-zone'],
  });
  console.log(`Imported ${summary.imported} of ${summary.read} ${values.kind} from ${input} as dataset "${summary.datasetId}" (${summary.notes.join('; ')})`);
  for (const { row, column, value, problem } of summary.refused.slice(0, 10)) console.log(`  row ${row}, ${column}${value === undefined ? '' : ` "${value}"`}: ${problem}`);
  if (summary.refused.length > 10) console.log(`  … ${summary.refused.length - 10} more refused rows`);
  console.log(`  Report: ${resolve(summary.folder, IMPORT_REPORT_FILE)}; a running server stores the records within seconds`);
  return 0;
}
