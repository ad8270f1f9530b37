import Papa from 'papaparse';
import { BufferedFile } from './buffered.js';
import type { Column } from '../../schemas/columns.js';

export const LIST_SEPARATOR = '; ';
// Cells a spreadsheet would read as a formula (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: lists joined, nulls empty, text neutralized against formulas. */
export function csvCell(col: Column, v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (col.type === 'list') return neutralize((v as string[]).join(LIST_SEPARATOR));
  if (col.type === 'string') return neutralize(v as string);
  return v as string | number;
}

// A signed plain number ("-7", "+2.5%") is read as a number, never as a formula: left as it is.
const PLAIN_NUMBER = /^[-+]\d+(?:[.,]\d+)*%?$/;

export function neutralize(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

export function csvText(columns: Column[], rows: Record<string, unknown>[], header: boolean): string {
  return Papa.unparse(
    { fields: columns.map((c) => c.name), data: rows.map((r) => columns.map((c) => csvCell(c, r[c.name]))) },
    { header, newline: '\r\n' },
  );
}

/** Appends batches of rows to a CSV file: UTF-8 with BOM, header first, CRLF rows. */
export class CsvWriter {
  private readonly file: BufferedFile;
  constructor(
    path: string,
    private readonly columns: Column[],
  ) {
    this.file = new BufferedFile(path);
    this.file.write('\uFEFF' + csvText(columns, [], true).replace(/\r\n$/, '') + '\r\n');
  }
  write(rows: Record<string, unknown>[]): void {
    if (rows.length === 0) return;
    this.writeText(csvText(this.columns, rows, false) + '\r\n');
  }
  /** Appends rows already serialized by csvText (CRLF-terminated). */
  writeText(text: string): void {
    this.file.write(text);
  }
  close(): void {
    this.file.close();
  }
}
