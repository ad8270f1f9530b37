// news.duckdb: rows are staged as NDJSON files while articles stream through (the
// workers serialize them), then DuckDB loads each file into its typed, keyed,
// commented table at the end (entities are only complete then, and the foreign
// keys need them first). Parquet files are written from the same staged files, in input
// order like the CSV, whatever the order of the rows in the database.
//
// An incremental build patches the previous news.duckdb instead (a copy of it): loading
// every row again with its key checks took 0.9 s for 1,328 articles and 5.5 s for 10,000.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

// DuckDB's JSON reader refuses objects above its bound (16 MB by default; a 20 MB article is
// one), and sizes its buffers by it: each file is read with a bound just above its longest
// line, so a dozen small readers side by side stay inside the memory budget.
const MIN_OBJECT_BOUND = 2 ** 20;
// A row this long makes the loads go one at a time.
const HUGE_ROW = 4 * 2 ** 20;

/** Tables whose rows belong to one article (they come and go with it in an incremental build). */
const articleScoped = (t: TableDef): boolean => t.name === 'articles' || t.foreignKeys.some((f) => f.references === 'articles');

/** Tables in an order where every table comes after the tables its keys point to. */
function keyOrder(all: readonly TableDef[]): TableDef[][] {
  const waves: TableDef[][] = [];
  const loaded = new Set<string>();
  while (loaded.size < all.length) {
    const wave = all.filter((t) => !loaded.has(t.name) && t.foreignKeys.every((f) => f.references === t.name || loaded.has(f.references)));
    if (wave.length === 0) throw new Error('foreign keys form a cycle');
    for (const t of wave) loaded.add(t.name);
    waves.push(wave);
  }
  return waves;
}

const WAVES = keyOrder(TABLES as readonly TableDef[]);
const IN_KEY_ORDER = WAVES.flat();
// The article tables, parents first.
const SCOPED = IN_KEY_ORDER.filter(articleScoped);

/** What an incremental build changes in the previous database. */
export interface Patch {
  /** The previous build's news.duckdb (it is copied, never changed). */
  base: string;
  /** Articles whose rows leave it (removed or changed files). Rows of new or changed files are staged with `added`. */
  removedArticleIds: string[];
}

export class DuckDbWriter {
  private constructor(
    private instance: DuckDBInstance,
    private conn: DuckDBConnection,
    private readonly path: string,
    private readonly stageDir: string,
    private patch: Patch | null,
  ) {}

  private static async connect(path: string): Promise<[DuckDBInstance, DuckDBConnection]> {
    // A bounded memory budget: DuckDB spills to disk beyond it, so big corpora fit in RAM.
    const instance = await DuckDBInstance.create(path, { threads: '2', memory_limit: '256MB' });
    return [instance, await instance.connect()];
  }

  /** Opens the database; rows are staged as NDJSON files in `stageDir` and loaded in bulk by `finish`. With `patch`, the database starts as a copy of the previous one. */
  static async open(path: string, stageDir: string, patch: Patch | null = null): Promise<DuckDbWriter> {
    mkdirSync(patch ? join(stageDir, 'added') : stageDir, { recursive: true });
    if (patch) copyFileSync(patch.base, path);
    const [instance, conn] = await DuckDbWriter.connect(path);
    const w = new DuckDbWriter(instance, conn, path, stageDir, patch);
    // DuckDB deletes the removed articles on its own threads while the build extracts.
    if (patch) w.removal = w.removeArticles(patch).then(() => null, (e: Error) => e);
    return w;
  }

  private removal: Promise<Error | null> = Promise.resolve(null);

  private readonly staged = new Map<string, { file: BufferedFile; maxLine: number; chars: number }>();

  private stage(t: TableDef, dir = '') {
    const name = join(dir, t.name);
    let s = this.staged.get(name);
    if (!s) this.staged.set(name, (s = { file: new BufferedFile(join(this.stageDir, `${name}.ndjson`)), maxLine: 0, chars: 0 }));
    return s;
  }

  /** Appends serialized rows (NDJSON lines, schema order) to a table's staging file; `added`: rows of an article the previous database lacks. */
  appendSerialized(t: TableDef, rows: SerializedRows, added = false): void {
    if (rows.count === 0) return;
    for (const s of this.patch && added ? [this.stage(t), this.stage(t, 'added')] : [this.stage(t)]) {
      s.file.write(rows.json);
      s.chars += rows.json.length;
      if (rows.maxLine > s.maxLine) s.maxLine = rows.maxLine;
    }
  }

  /** Appends row objects (serialized here; for rows the main thread makes itself). */
  append(t: TableDef, rows: Record<string, unknown>[]): void {
    this.appendSerialized(t, serializeRows(t, rows));
  }

  /** Milliseconds per finishing step, for the build summary. */
  readonly timings: Record<string, number> = {};
  /** How news.duckdb was made: loaded whole, or patched from the previous build's. */
  mode: 'loaded' | 'patched' = 'loaded';

  /** A staged file as a relation: the file is a parameter; columns and types are constants from the schemas. */
  private source(t: TableDef, dir = ''): string {
    const bound = Math.max(MIN_OBJECT_BOUND, (this.staged.get(join(dir, t.name))?.maxLine ?? 0) + 1024);
    return `read_json($1, columns = ${jsonColumns(t)}, format = 'newline_delimited', maximum_object_size = ${bound})`;
  }

  private file(t: TableDef, dir = ''): string {
    return join(this.stageDir, dir, `${t.name}.ndjson`);
  }

  /** Runs one statement on a connection of its own (statements on separate connections run side by side). */
  private async runAlone(sql: string, params: string[] = []): Promise<void> {
    const conn = await this.instance.connect();
    try {
      await conn.run(sql, params);
    } finally {
      conn.closeSync();
    }
  }

  /** Loads a table's staging file; staged in input order, and DuckDB keeps insertion order, so rowid follows the inputs. */
  private async load(t: TableDef): Promise<void> {
    await this.runAlone(`INSERT INTO ${q(t.name)} SELECT * FROM ${this.source(t)};`, [this.file(t)]);
  }

  /** Creates every table, comment and view, and loads the staged rows. */
  private async loadAll(oneAtATime: boolean): Promise<void> {
    const all = TABLES as readonly TableDef[];
    // DDL first, in key order, on one connection.
    for (const t of all) {
      await this.conn.run(createTableSql(t));
      // One statement per table: each COMMENT is a catalog change, and round trips add up.
      await this.conn.run(commentSql(t).join('\n'));
    }
    // Then the loads, a table per connection, in waves: a table loads once the tables its keys
    // point to are in (the foreign-key checks need them). In a wave, two lanes take the tables
    // biggest first (one lane when a row is huge): DuckDB has two threads, and each load in
    // flight holds its own buffers and index memory, so two at a time stay inside the budget.
    const size = (t: TableDef) => this.staged.get(t.name)?.chars ?? 0;
    for (const wave of WAVES) {
      const queue = [...wave].sort((a, b) => size(b) - size(a) || (a.name < b.name ? -1 : 1));
      const lane = async () => {
        for (let t = queue.shift(); t; t = queue.shift()) await this.load(t);
      };
      await Promise.all(oneAtATime ? [lane()] : [lane(), lane()]);
    }
    for (const v of VIEWS) {
      await this.conn.run(`CREATE VIEW ${q(v.name)} AS ${v.sql};`);
      await this.conn.run(`COMMENT ON VIEW ${q(v.name)} IS ${lit(`${v.description} Grain: ${v.grain}.`)};`);
    }
  }

  /**
   * Turns the copy of the previous database into this build's: the rows of removed articles go
   * (removeArticles, started when the database was opened), entities take their new aggregates,
   * rejects are replaced and the rows of added articles come in.
   * Each statement commits on its own (DuckDB refuses to delete and insert the same key in one
   * transaction); the copy is in the build's temporary folder, so a failure loses nothing.
   */
  private async applyPatch(): Promise<void> {
    const c = this.conn;
    const all = TABLES as readonly TableDef[];
    const failed = await this.removal;
    if (failed) throw failed;
    for (const t of IN_KEY_ORDER.filter((x) => !articleScoped(x))) {
      const referrers = all.filter((r) => r.foreignKeys.some((f) => f.references === t.name));
      if (referrers.length === 0) {
        // Nothing points to it (rejects): replaced whole.
        await c.run(`DELETE FROM ${q(t.name)};`);
        await c.run(`INSERT INTO ${q(t.name)} SELECT * FROM ${this.source(t)};`, [this.file(t)]);
      } else await this.diffTable(t, referrers);
    }
    // Parents before children.
    for (const t of SCOPED) await c.run(`INSERT INTO ${q(t.name)} SELECT * FROM ${this.source(t, 'added')};`, [this.file(t, 'added')]);
  }

  /**
   * Deletes the rows of the removed articles, children before parents. One call for all the
   * statements: it then runs to the end on DuckDB's threads while JavaScript is busy extracting.
   */
  private async removeArticles(patch: Patch): Promise<void> {
    const removed = join(this.stageDir, 'removed.ndjson');
    writeFileSync(removed, patch.removedArticleIds.map((id) => JSON.stringify({ article_id: id }) + '\n').join(''));
    await this.conn.run(
      [
        // The path is ours (the build's temporary folder), escaped as a literal; the ids are read from it.
        `CREATE TEMP TABLE removed AS SELECT * FROM read_json(${lit(removed)}, columns = {'article_id': 'VARCHAR'}, format = 'newline_delimited', maximum_object_size = ${MIN_OBJECT_BOUND});`,
        ...[...SCOPED].reverse().map((t) => `DELETE FROM ${q(t.name)} WHERE article_id IN (SELECT article_id FROM removed);`),
      ].join('\n'),
    );
  }

  /** A table other rows point to (entities, aggregated over all articles): its rows become the staged ones, changed in place. */
  private async diffTable(t: TableDef, referrers: TableDef[]): Promise<void> {
    const c = this.conn;
    const key = q(t.primaryKey);
    const cols = columnsOf(t).filter((x) => x.name !== t.primaryKey);
    const differs = (cs: typeof cols) => cs.map((x) => `o.${q(x.name)} IS DISTINCT FROM n.${q(x.name)}`).join(' OR ') || 'false';
    const fresh = `new_${t.name}`;
    await c.run(`CREATE TEMP TABLE ${q(fresh)} AS SELECT * FROM ${this.source(t)};`, [this.file(t)]);
    // DuckDB rewrites an update of a list column as delete + insert, which a row that points to
    // it forbids: the rows pointing to such a row step out while it changes, then come back.
    const lists = cols.filter((x) => x.type === 'list');
    const relisted = `relisted_${t.name}`;
    await c.run(`CREATE TEMP TABLE ${q(relisted)} AS SELECT o.${key} AS id FROM ${q(t.name)} o JOIN ${q(fresh)} n ON o.${key} = n.${key} WHERE ${differs(lists)};`);
    const pointing = (r: TableDef) =>
      r.foreignKeys.filter((f) => f.references === t.name).map((f) => `${q(f.column)} IN (SELECT id FROM ${q(relisted)})`).join(' OR ');
    for (const r of referrers) {
      await c.run(`CREATE TEMP TABLE ${q(`moved_${r.name}`)} AS SELECT * FROM ${q(r.name)} WHERE ${pointing(r)} ORDER BY rowid;`);
      await c.run(`DELETE FROM ${q(r.name)} WHERE ${pointing(r)};`);
    }
    // Rows no longer made by any article had their referrers removed with those articles.
    await c.run(`DELETE FROM ${q(t.name)} WHERE ${key} IN (SELECT id FROM ${q(relisted)}) OR ${key} NOT IN (SELECT ${key} FROM ${q(fresh)});`);
    const scalars = cols.filter((x) => x.type !== 'list');
    if (scalars.length > 0) {
      await c.run(
        `UPDATE ${q(t.name)} AS o SET ${scalars.map((x) => `${q(x.name)} = n.${q(x.name)}`).join(', ')} FROM ${q(fresh)} n WHERE o.${key} = n.${key} AND (${differs(scalars)});`,
      );
    }
    await c.run(`INSERT INTO ${q(t.name)} SELECT * FROM ${q(fresh)} WHERE ${key} NOT IN (SELECT ${key} FROM ${q(t.name)});`);
    for (const r of referrers) await c.run(`INSERT INTO ${q(r.name)} SELECT * FROM ${q(`moved_${r.name}`)};`);
  }

  private async counts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const t of TABLES as readonly TableDef[]) {
      const r = await this.conn.runAndReadAll(`SELECT count(*) FROM ${q(t.name)}`);
      counts[t.name] = Number(r.getRows()[0][0]);
    }
    return counts;
  }

  /** Writes each table's Parquet file from its staged rows (input order, like the CSV). */
  private async parquet(parquetDir: string, hugeRows: boolean): Promise<void> {
    const one = (t: TableDef) =>
      // The path is ours (the build's temporary folder); it is escaped as a literal all the same.
      this.runAlone(`COPY (SELECT * FROM ${this.source(t)}) TO ${lit(`${parquetDir}/${t.name}.parquet`)} (FORMAT parquet, COMPRESSION zstd);`, [this.file(t)]);
    // A COPY holds its table's rows until it writes a row group, so copies side by side add up:
    // two at a time (all twelve at once, next to a patch, ran out of the budget at 2,000 articles),
    // one at a time when a row is huge.
    const queue = [...(TABLES as readonly TableDef[])];
    const lane = async () => {
      for (let t = queue.shift(); t; t = queue.shift()) await one(t);
    };
    await Promise.all(hugeRows ? [lane()] : [lane(), lane()]);
  }

  /**
   * Builds the keyed tables, comments and views from the staged rows (or patches the previous
   * database), and writes Parquet (and Arrow). `expected`: the row counts the build wrote to CSV;
   * a patched database that disagrees is thrown away and loaded whole instead.
   */
  async finish(parquetDir: string | null, arrowDir: string | null = null, expected: Record<string, number> | null = null): Promise<Record<string, number>> {
    let t0 = performance.now();
    const lap = (name: string) => {
      process.stderr.write(`export: ${name} done, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
      this.timings[name] = performance.now() - t0;
      t0 = performance.now();
    };
    const all = TABLES as readonly TableDef[];
    for (const [, s] of this.staged) s.file.close();
    // Every table gets its files, empty when it has no rows.
    for (const t of all) for (const dir of this.patch ? ['', 'added'] : ['']) if (!existsSync(this.file(t, dir))) writeFileSync(this.file(t, dir), '');
    // A huge row (a 20 MB article) needs buffers several times its size: its loads go one at a time.
    const hugeRows = [...this.staged.values()].some((s) => s.maxLine > HUGE_ROW);

    let counts: Record<string, number> | null = null;
    if (this.patch) {
      try {
        await this.applyPatch();
        counts = await this.counts();
        const wrong = expected ? all.find((t) => counts![t.name] !== expected[t.name]) : undefined;
        if (wrong) throw new Error(`${wrong.name} has ${counts[wrong.name]} rows, expected ${expected![wrong.name]}`);
        this.mode = 'patched';
      } catch (e) {
        process.stderr.write(`export: patching the previous news.duckdb failed (${(e as Error).message}); loading it whole\n`);
        this.conn.closeSync();
        this.instance.closeSync();
        for (const f of [this.path, `${this.path}.wal`]) rmSync(f, { force: true });
        [this.instance, this.conn] = await DuckDbWriter.connect(this.path);
        this.patch = null;
        counts = null;
      }
    }
    if (!counts) {
      await this.loadAll(hugeRows);
      counts = await this.counts();
    }
    lap('duckdb_tables');
    await this.conn.run('CHECKPOINT;');
    lap('checkpoint');
    // Parquet comes from the staged files; after the tables, so the two do not share the memory budget.
    if (parquetDir) await this.parquet(parquetDir, hugeRows);
    lap('parquet');
    if (arrowDir) {
      for (const t of all) await writeArrow(this.conn, t, `${arrowDir}/${t.name}.arrow`);
      lap('arrow');
    }
    return counts;
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
