import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { InputError } from '../readers/types.ts';

/** A cell as the twin reads it: text, a number, a date (an Excel date cell), or empty. */
export type Cell = string | number | Date | null;

/** One data row: its number as the spreadsheet shows it (the header is row 1), and its cells by column name. */
export interface TableRow {
  row: number;
  cells: Record<string, Cell>;
}

export interface Table {
  columns: string[];
  rows: TableRow[];
  /** How the file was read: the CSV's encoding, or the sheet's name. */
  source: string;
}

/**
 * A table exported by an existing system: CSV (UTF-8 with or without a byte-order mark, else GBK
 * as Chinese Excel saves it, or `encoding`) or XLSX (the first sheet, or `sheet`). The first row
 * names the columns; empty rows are left out.
 */
export async function readTable(path: string, options: { encoding?: string | undefined; sheet?: string | undefined } = {}): Promise<Table> {
  const bytes = await readFile(path).catch(() => {
    throw new InputError(path, 'does not exist or cannot be read');
  });
  const extension = extname(path).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return readCsv(path, bytes, options.encoding);
  if (extension === '.xlsx') return readXlsx(path, bytes, options.sheet);
  throw new InputError(path, `unsupported format "${extension}": give a .csv or .xlsx file (save an .xls as .xlsx first)`);
}

function readCsv(path: string, bytes: Buffer, encoding: string | undefined): Table {
  const chosen = encoding ?? (isUtf8(bytes) ? 'utf-8' : 'gbk');
  let text: string;
  try {
    text = new TextDecoder(chosen, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(path, `is not valid ${chosen} text; name its encoding with --encoding`);
  }
  let records: string[][];
  try {
    // Blank lines are kept while rows are numbered, as a spreadsheet numbers them, and left out after.
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (error) {
    throw new InputError(path, `is not a CSV table: ${(error as Error).message}`);
  }
  const headerIndex = records.findIndex((record) => record.some((name) => name !== ''));
  if (headerIndex < 0) throw new InputError(path, 'has no header row naming its columns');
  const columns = records[headerIndex]!.map((name) => name.trim());
  const rows = records
    .map((values, i) => ({ row: i + 1, cells: Object.fromEntries(columns.map((name, c) => [name, values[c] === undefined || values[c] === '' ? null : values[c]!])) }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => Object.values(cells).some((value) => value !== null));
  return { columns, rows, source: chosen };
}

async function readXlsx(path: string, bytes: Buffer, sheetName: string | undefined): Promise<Table> {
  // Loaded when a workbook comes: it takes 0.4 s to load, which every other import would pay.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError(path, `is not an XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    throw new InputError(path, sheetName === undefined ? 'has no sheet' : `has no sheet "${sheetName}" (its sheets: ${workbook.worksheets.map((s) => s.name).join(', ')})`);
  }
  const header = sheet.getRow(1);
  const columns: string[] = [];
  header.eachCell({ includeEmpty: true }, (cell, column) => (columns[column - 1] = String(cellValue(cell.value) ?? '').trim()));
  if (columns.every((name) => !name)) throw new InputError(path, `sheet "${sheet.name}" has no header row naming its columns`);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Record<string, Cell> = {};
    columns.forEach((name, c) => name && (cells[name] = cellValue(row.getCell(c + 1).value)));
    if (Object.values(cells).some((value) => value !== null)) rows.push({ row: number, cells });
  });
  return { columns: columns.filter(Boolean), rows, source: `sheet "${sheet.name}"` };
}

/** A cell's value: formulas by their result, rich text and links by their text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim() || null;
    if ('text' in value) return String(value.text).trim() || null;
  }
  return null;
}

/** Whether bytes decode as UTF-8 (a GBK file with Chinese text almost never does). */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
