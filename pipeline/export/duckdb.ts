// news.duckdb: rows are appended to unconstrained staging tables while articles
// stream through, then copied into the typed, keyed, commented tables at the end
// (entities are only complete then, and the foreign keys need them first).
import {
  DuckDBInstance,
  DuckDBDateValue,
  LIST,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { columnsOf, DUCKDB_TYPES, type Column } from '../../schemas/columns.js';
import { TABLES, type TableDef } from '../../schemas/tables.js';
import { VIEWS } from '../../schemas/views.js';
import { writeArrow } from './arrow.js';

// Rows held per table before they go to DuckDB: bounds memory, amortizes appender cost.
const BATCH_ROWS = 5000;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function createTableSql(t: TableDef): string {
  const cols = columnsOf(t).map(
    (c) => `  ${q(c.name)} ${DUCKDB_TYPES[c.type]}${c.nullable ? '' : ' NOT NULL'}${c.name === t.primaryKey ? ' PRIMARY KEY' : ''}`,
  );
  const fks = t.foreignKeys.map(
    (f) => `  FOREIGN KEY (${q(f.column)}) REFERENCES ${q(f.references)} (${q(f.referencedColumn)})`,
  );
  return `CREATE TABLE ${q(t.name)} (\n${[...cols, ...fks].join(',\n')}\n);`;
}

/** COMMENT ON statements for a table and each column, from the schema's descriptions. Literals are escaped constants from the schemas, not data. */
export function commentSql(t: TableDef): string[] {
  return [
    `COMMENT ON TABLE ${q(t.name)} IS ${lit(`${t.description} Grain: ${t.grain}.`)};`,
    ...columnsOf(t).map(
      (c) => `COMMENT ON COLUMN ${q(t.name)}.${q(c.name)} IS ${lit(c.description + (c.unit ? ` Unit: ${c.unit}.` : ''))};`,
    ),
  ];
}

function appendValue(ap: DuckDBAppender, c: Column, v: unknown): void {
  if (v === null || v === undefined) return ap.appendNull();
  switch (c.type) {
    case 'string':
      return ap.appendVarchar(v as string);
    case 'integer':
      return ap.appendBigInt(BigInt(v as number));
    case 'number':
      return ap.appendDouble(v as number);
    case 'date': {
      const [year, month, day] = (v as string).split('-').map(Number);
      return ap.appendDate(DuckDBDateValue.fromParts({ year, month, day }));
    }
    case 'list':
      return ap.appendList(v as string[], LIST(VARCHAR));
  }
}

export class DuckDbWriter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<DuckDbWriter> {
    // A bounded memory budget: DuckDB spills to disk beyond it, so big corpora fit in RAM.
    const instance = await DuckDBInstance.create(path, { threads: '2', memory_limit: '256MB' });
    const conn = await instance.connect();
    const w = new DuckDbWriter(instance, conn);
    for (const t of TABLES as readonly TableDef[]) {
      const cols = columnsOf(t).map((c) => `${q(c.name)} ${DUCKDB_TYPES[c.type]}`);
      await conn.run(`CREATE TABLE ${q('_stage_' + t.name)} (${cols.join(', ')});`);
    }
    return w;
  }

  private readonly pending = new Map<string, { t: TableDef; rows: Record<string, unknown>[] }>();

  /** Buffers rows and appends them in batches (one appender per batch, not per article). */
  async append(t: TableDef, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    let p = this.pending.get(t.name);
    if (!p) this.pending.set(t.name, (p = { t, rows: [] }));
    for (const r of rows) p.rows.push(r);
    if (p.rows.length >= BATCH_ROWS) await this.flush(p.t);
  }

  private async flush(t: TableDef): Promise<void> {
    const p = this.pending.get(t.name);
    if (!p || p.rows.length === 0) return;
    const rows = p.rows;
    p.rows = [];
    const cols = columnsOf(t);
    const ap = await this.conn.createAppender('_stage_' + t.name);
    for (const r of rows) {
      for (const c of cols) appendValue(ap, c, r[c.name]);
      ap.endRow();
    }
    ap.closeSync();
  }

  /** Builds the keyed tables, comments and views from the staging tables, and writes Parquet. */
  /** Milliseconds per finishing step, for the build summary. */
  readonly timings: Record<string, number> = {};

  async finish(parquetDir: string | null, arrowDir: string | null = null): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    let t0 = performance.now();
    const lap = (name: string) => {
      process.stderr.write(`export: ${name} done, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
      this.timings[name] = performance.now() - t0;
      t0 = performance.now();
    };
    for (const t of TABLES as readonly TableDef[]) await this.flush(t);
    for (const t of TABLES as readonly TableDef[]) {
      await this.conn.run(createTableSql(t));
      await this.conn.run(`INSERT INTO ${q(t.name)} SELECT * FROM ${q('_stage_' + t.name)} ORDER BY rowid;`);
      await this.conn.run(`DROP TABLE ${q('_stage_' + t.name)};`);
      for (const s of commentSql(t)) await this.conn.run(s);
      const r = await this.conn.runAndReadAll(`SELECT count(*) FROM ${q(t.name)}`);
      counts[t.name] = Number(r.getRows()[0][0]);
    }
    lap('duckdb_tables');
    for (const v of VIEWS) {
      await this.conn.run(`CREATE VIEW ${q(v.name)} AS ${v.sql};`);
      await this.conn.run(`COMMENT ON VIEW ${q(v.name)} IS ${lit(`${v.description} Grain: ${v.grain}.`)};`);
    }
    if (parquetDir) {
      for (const t of TABLES as readonly TableDef[]) {
        // The path is ours (the build's temporary folder); it is escaped as a literal all the same.
        await this.conn.run(
          `COPY (SELECT * FROM ${q(t.name)} ORDER BY rowid) TO ${lit(`${parquetDir}/${t.name}.parquet`)} (FORMAT parquet, COMPRESSION zstd);`,
        );
      }
    }
    lap('parquet');
    if (arrowDir) for (const t of TABLES as readonly TableDef[]) await writeArrow(this.conn, t, `${arrowDir}/${t.name}.arrow`);
    lap('arrow');
    await this.conn.run('CHECKPOINT;');
    lap('checkpoint');
    return counts;
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
