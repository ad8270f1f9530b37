// What crosses from a worker to the main thread, and what the cache keeps: one
// article's rows already serialized (CSV body lines for the spreadsheet files,
// NDJSON lines that DuckDB loads in bulk), so the main thread only appends
// strings and merges entities. Serializing is where the cores are.
import { TABLES, type TableDef, type Reject } from '../schemas/tables.js';
import { columnsOf } from '../schemas/columns.js';
import { csvText } from './export/csv.js';
import type { FileResult } from './input.js';
import type { EntityHit } from './types.js';

export interface SerializedRows {
  /** CSV lines, each ending in CRLF, no header ('' when there are no rows). */
  csv: string;
  /** One JSON object per line, keys in schema order ('' when there are no rows). */
  json: string;
  count: number;
  /** Longest JSON line, in UTF-8 bytes (DuckDB's reader needs a bound on object size). */
  maxLine: number;
}

export interface PackedResult {
  sourceFile: string;
  sha256: string | null;
  bytes: number;
  timings: Record<string, number>;
  rejects: Reject[];
  entities: EntityHit[];
  mentionTexts: Array<[string, string[]]>;
  /** Per table of the article (all tables but entities and rejects, which the build assembles). */
  tables: Record<string, SerializedRows>;
  /** The article these rows belong to (null when the file gave no article): an incremental build deletes an article's rows by it. */
  articleId: string | null;
}

const tables = TABLES as readonly TableDef[];
const names = new Map(tables.map((t) => [t.name, columnsOf(t).map((c) => c.name)]));

/**
 * `parsed`: the rows are Zod's output (validate.ts), so their keys are the schema's columns in
 * schema order and the plain, fast JSON.stringify is exact; other rows go through a replacer
 * array that keeps only schema columns, in schema order.
 */
export function serializeRows(t: TableDef, rows: readonly Record<string, unknown>[], parsed = false): SerializedRows {
  if (rows.length === 0) return { csv: '', json: '', count: 0, maxLine: 0 };
  const keys = parsed ? undefined : names.get(t.name)!;
  let json = '';
  let maxLine = 0;
  for (const r of rows) {
    const line = JSON.stringify(r, keys);
    // UTF-8 is at most 3 bytes per UTF-16 unit: measure only lines that could be the longest.
    if (3 * line.length > maxLine) maxLine = Math.max(maxLine, Buffer.byteLength(line));
    json += line + '\n';
  }
  return { csv: csvText(columnsOf(t), rows as Record<string, unknown>[], false) + '\r\n', json, count: rows.length, maxLine };
}

/** A processed file, serialized for the main thread and the cache. */
export function pack(r: FileResult): PackedResult {
  const t0 = performance.now();
  const out: Record<string, SerializedRows> = {};
  if (r.rows) {
    const rows = r.rows as unknown as Record<string, Record<string, unknown>[]>;
    for (const t of tables) if (rows[t.name]) out[t.name] = serializeRows(t, rows[t.name], true);
  }
  const timings = { ...r.timings, pack: performance.now() - t0 };
  return {
    sourceFile: r.sourceFile, sha256: r.sha256, bytes: r.bytes, timings, rejects: r.rejects,
    entities: r.entities, mentionTexts: [...r.mentionTexts.entries()], tables: out,
    articleId: r.rows?.articles[0]?.article_id ?? null,
  };
}
