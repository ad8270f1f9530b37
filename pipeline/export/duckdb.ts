// news.duckdb: rows are staged as NDJSON files while articles stream through (the
// workers serialize them), then DuckDB loads each file into its typed, keyed,
// commented table at the end (entities are only complete then, and the foreign
// keys need them first).
import { mkdirSync, rmSync } from 'node:fs';
import { BufferedFile } from './buffered.js';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { columnsOf, DUCKDB_TYPES } from '../../schemas/columns.js';
import { serializeRows, type SerializedRows } from '../pack.js';
import { TABLES, type TableDef } from '../../schemas/tables.js';
import { VIEWS } from '../../schemas/views.js';
import { writeArrow } from './arrow.js';

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

/** The struct literal read_json needs for a table's columns (names and types come from the schemas). */
function jsonColumns(t: TableDef): string {
  return `{${columnsOf(t).map((c) => `${lit(c.name)}: ${lit(DUCKDB_TYPES[c.type])}`).join(', ')}}`;
}

// DuckDB's JSON reader refuses objects above its bound (16 MB by default); a 20 MB article is one.
const MIN_OBJECT_BOUND = 16 * 2 ** 20;
// Staged text (UTF-16 units) up to which tables load side by side.
const PARALLEL_LOAD_MAX_CHARS = 64 * 2 ** 20;

export class DuckDbWriter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly stageDir: string,
  ) {}

  /** Opens the database; rows are staged as NDJSON files in `stageDir` and loaded in bulk by `finish`. */
  static async open(path: string, stageDir: string): Promise<DuckDbWriter> {
    // A bounded memory budget: DuckDB spills to disk beyond it, so big corpora fit in RAM.
    const instance = await DuckDBInstance.create(path, { threads: '2', memory_limit: '256MB' });
    const conn = await instance.connect();
    mkdirSync(stageDir, { recursive: true });
    return new DuckDbWriter(instance, conn, stageDir);
  }

  private readonly staged = new Map<string, { file: BufferedFile; maxLine: number; chars: number }>();

  private stage(t: TableDef) {
    let s = this.staged.get(t.name);
    if (!s) this.staged.set(t.name, (s = { file: new BufferedFile(join(this.stageDir, `${t.name}.ndjson`)), maxLine: 0, chars: 0 }));
    return s;
  }

  /** Appends serialized rows (NDJSON lines, schema order) to a table's staging file. */
  appendSerialized(t: TableDef, rows: SerializedRows): void {
    if (rows.count === 0) return;
    const s = this.stage(t);
    s.file.write(rows.json);
    s.chars += rows.json.length;
    if (rows.maxLine > s.maxLine) s.maxLine = rows.maxLine;
  }

  /** Appends row objects (serialized here; for rows the main thread makes itself). */
  append(t: TableDef, rows: Record<string, unknown>[]): void {
    this.appendSerialized(t, serializeRows(t, rows));
  }

  /** Milliseconds per finishing step, for the build summary. */
  readonly timings: Record<string, number> = {};

  /** Loads a table's staging file on a connection of its own; staged in input order, and DuckDB keeps insertion order, so rowid follows the inputs. */
  private async load(t: TableDef): Promise<void> {
    const file = join(this.stageDir, `${t.name}.ndjson`);
    const bound = Math.max(MIN_OBJECT_BOUND, this.stage(t).maxLine + 1024);
    const conn = await this.instance.connect();
    try {
      // The file is a parameter; table, columns and types are constants from the schemas.
      await conn.run(
        `INSERT INTO ${q(t.name)} SELECT * FROM read_json($1, columns = ${jsonColumns(t)}, format = 'newline_delimited', maximum_object_size = ${bound});`,
        [file],
      );
    } finally {
      conn.closeSync();
    }
    rmSync(file, { force: true });
  }

  /** Builds the keyed tables, comments and views from the staged rows, and writes Parquet (and Arrow). */
  async finish(parquetDir: string | null, arrowDir: string | null = null): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    let t0 = performance.now();
    const lap = (name: string) => {
      process.stderr.write(`export: ${name} done, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
      this.timings[name] = performance.now() - t0;
      t0 = performance.now();
    };
    const all = TABLES as readonly TableDef[];
    // DDL first, in key order, on one connection.
    for (const t of all) {
      this.stage(t).file.close();
      await this.conn.run(createTableSql(t));
      // One statement per table: each COMMENT is a catalog change, and round trips add up.
      await this.conn.run(commentSql(t).join('\n'));
    }
    // Then the loads, a table per connection, in waves: a table loads once the tables its keys
    // point to are in (the foreign-key checks need them), and tables of a wave load side by side.
    // Loads side by side each need their own buffers and index memory: only for small corpora.
    // A big corpus, or a huge row (a 20 MB article), loads one table at a time, so the loads stay
    // inside DuckDB's memory budget (10,000 articles ran out of it side by side).
    const staged = all.reduce((n, t) => n + this.stage(t).chars, 0);
    const oneAtATime = staged > PARALLEL_LOAD_MAX_CHARS || all.some((t) => this.stage(t).maxLine > MIN_OBJECT_BOUND / 4);
    const loaded = new Set<string>();
    while (loaded.size < all.length) {
      const wave = all.filter((t) => !loaded.has(t.name) && t.foreignKeys.every((f) => f.references === t.name || loaded.has(f.references)));
      if (wave.length === 0) throw new Error('foreign keys form a cycle');
      if (oneAtATime) for (const t of wave) await this.load(t);
      else await Promise.all(wave.map((t) => this.load(t)));
      for (const t of wave) loaded.add(t.name);
    }
    for (const t of all) {
      const r = await this.conn.runAndReadAll(`SELECT count(*) FROM ${q(t.name)}`);
      counts[t.name] = Number(r.getRows()[0][0]);
    }
    lap('duckdb_tables');
    for (const v of VIEWS) {
      await this.conn.run(`CREATE VIEW ${q(v.name)} AS ${v.sql};`);
      await this.conn.run(`COMMENT ON VIEW ${q(v.name)} IS ${lit(`${v.description} Grain: ${v.grain}.`)};`);
    }
    if (parquetDir) {
      // A table per connection, side by side: most tables are small, and a COPY's fixed cost dominates.
      await Promise.all(
        (TABLES as readonly TableDef[]).map(async (t) => {
          const conn = await this.instance.connect();
          try {
            // The path is ours (the build's temporary folder); it is escaped as a literal all the same.
            await conn.run(`COPY (SELECT * FROM ${q(t.name)} ORDER BY rowid) TO ${lit(`${parquetDir}/${t.name}.parquet`)} (FORMAT parquet, COMPRESSION zstd);`);
          } finally {
            conn.closeSync();
          }
        }),
      );
    }
    lap('parquet');
    if (arrowDir) {
      for (const t of TABLES as readonly TableDef[]) await writeArrow(this.conn, t, `${arrowDir}/${t.name}.arrow`);
      lap('arrow');
    }
    await this.conn.run('CHECKPOINT;');
    lap('checkpoint');
    return counts;
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
