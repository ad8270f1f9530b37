// Read-only SQL on news.duckdb, printed as aligned text tables.
// Library for the REPL (pipeline/sql.ts) and the report, and the CLI behind `make query Q="..."`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBConnection, DuckDBInstance, DuckDBTypeId, type DuckDBResultReader } from '@duckdb/node-api';

export interface ResultTable {
  columns: string[];
  types: string[];
  /** Cells as display strings; null stays null (printed as NULL). */
  rows: (string | null)[][];
  /** True when the result had more rows than were read. */
  truncated: boolean;
}

export interface FormatOptions {
  /** Widest a cell may be before it is cut with "…" (display columns). */
  maxCellWidth?: number;
  /** Total width to fit the table into (e.g. the terminal's); wide columns shrink first. */
  maxTotalWidth?: number;
}

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

/** A read-only connection; throws a readable error when the database is missing. */
export class ReadOnlyDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<ReadOnlyDb> {
    if (!existsSync(path)) throw new Error(`no database at ${path}; run \`make build-data\` first (or pass OUT=<folder>)`);
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    return new ReadOnlyDb(instance, await instance.connect(), path);
  }

  /** Runs every statement in `sql`; returns the result of each that yields rows, at most maxRows rows each. */
  async run(sql: string, maxRows = Number.POSITIVE_INFINITY): Promise<ResultTable[]> {
    const stmts = await this.conn.extractStatements(sql);
    const out: ResultTable[] = [];
    for (let i = 0; i < stmts.count; i++) {
      const prepared = await stmts.prepare(i);
      const reader = Number.isFinite(maxRows) ? await prepared.streamAndReadUntil(maxRows + 1) : await prepared.streamAndReadAll();
      if (reader.columnCount > 0) out.push(toTable(reader, maxRows));
    }
    return out;
  }

  /** Row objects as JSON values (dates as YYYY-MM-DD, BIGINT as strings), for code rather than people. */
  async rows(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
    const r = await this.conn.runAndReadAll(sql, params as never);
    return r.getRowObjectsJson() as Record<string, unknown>[];
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

function toTable(reader: DuckDBResultReader, maxRows: number): ResultTable {
  const all = reader.getRows();
  const rows = all.slice(0, Number.isFinite(maxRows) ? maxRows : all.length).map((r) => r.map((v) => (v === null ? null : String(v))));
  return {
    columns: reader.columnNames(),
    types: reader.columnTypes().map((t) => (NUMERIC.has(t.typeId) ? 'number' : t.toString())),
    rows,
    truncated: all.length > rows.length,
  };
}

// ---- text layout ----

const ZERO_WIDTH = /[\u0300-\u036f\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f\ufeff]/u;
/** East Asian wide and fullwidth ranges, emoji: two terminal columns. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Terminal columns a string takes. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (ZERO_WIDTH.test(ch)) continue;
    w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return w;
}

/** Cuts a string to at most `width` columns, ending with "…" when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = ZERO_WIDTH.test(ch) ? 0 : isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

const pad = (s: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
};

/** Control characters (newlines, tabs) would break the grid: show them as visible marks. */
const visible = (s: string) => s.replace(/\r\n|\n|\r/g, '⏎').replace(/\t/g, '⇥').replace(/[\u0000-\u001f\u007f]/g, '�');

/** The table as aligned text: header, rule, rows; numbers right-aligned; NULL for nulls. */
export function formatTable(t: ResultTable, opts: FormatOptions = {}): string {
  const maxCell = Math.max(4, opts.maxCellWidth ?? 60);
  const cells = t.rows.map((r) => r.map((v) => (v === null ? 'NULL' : visible(v))));
  const widths = t.columns.map((c, i) =>
    Math.min(maxCell, Math.max(displayWidth(visible(c)), ...cells.map((r) => displayWidth(r[i])))),
  );
  if (opts.maxTotalWidth) {
    // Shrink the widest column one step at a time until the grid fits (or every column is narrow).
    const sep = 3 * (widths.length - 1);
    while (widths.reduce((a, b) => a + b, 0) + sep > opts.maxTotalWidth) {
      const i = widths.indexOf(Math.max(...widths));
      if (widths[i] <= 8) break;
      widths[i]--;
    }
  }
  const right = t.types.map((ty) => ty === 'number');
  const line = (r: string[]) => r.map((v, i) => pad(truncate(v, widths[i]), widths[i], right[i])).join(' │ ').trimEnd();
  const out = [line(t.columns.map(visible)), widths.map((w) => '─'.repeat(w)).join('─┼─')];
  for (const r of cells) out.push(line(r));
  const n = t.rows.length;
  out.push(t.truncated ? `(first ${n} rows shown; add LIMIT or narrow the query to see the rest)` : `(${n} row${n === 1 ? '' : 's'})`);
  return out.join('\n');
}

/** The SQL of `make query Q=...`: the text itself, or the content of a .sql file it names. */
export function sqlFromArg(q: string): string {
  const trimmed = q.trim();
  if (/\.sql$/i.test(trimmed) && existsSync(trimmed)) return readFileSync(trimmed, 'utf8');
  return q;
}

export function defaultDbPath(): string {
  return resolve(process.env.OUT || 'out', 'news.duckdb');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const db = arg('db') ?? defaultDbPath();
  const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--db' && all[i - 1] !== '--max-rows');
  const q = positional.join(' ') || process.env.Q || '';
  if (!q.trim()) {
    process.stderr.write('usage: make query Q="SELECT ..."   (or Q=queries/<name>.sql)\n');
    return 2;
  }
  const maxRows = Number(arg('max-rows') ?? process.env.MAX_ROWS ?? 1000);
  let conn: ReadOnlyDb;
  try {
    conn = await ReadOnlyDb.open(db);
  } catch (e) {
    process.stderr.write(`query: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const results = await conn.run(sqlFromArg(q), maxRows);
    const width = process.stdout.isTTY ? process.stdout.columns : undefined;
    process.stdout.write(results.map((r) => formatTable(r, { maxTotalWidth: width })).join('\n\n') + (results.length ? '\n' : ''));
    return 0;
  } catch (e) {
    process.stderr.write(`query failed: ${(e as Error).message.replace(/^Failed to extract statements: /, '')}\n`);
    return 1;
  } finally {
    conn.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
