// An incremental build patches the previous news.duckdb with the changed articles. Whatever the
// change, OUT must hold what a full build of the same inputs writes: the same CSV and Parquet
// bytes, and the same rows, comments, keys and views in news.duckdb.
import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { build } from '../pipeline/build.js';
import { TABLES } from '../schemas/tables.js';
import { corpus, query, tempDir } from './helpers.js';

const files = (out: string, dir: string) => Object.fromEntries(readdirSync(join(out, dir)).map((f) => [f, readFileSync(join(out, dir, f))]));

/** Every table's rows in key order, and the catalog (comments, constraints, views), as JSON. */
async function contents(db: string): Promise<Record<string, string>> {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await inst.connect();
  const read = async (sql: string) => JSON.stringify((await conn.runAndReadAll(sql)).getRowsJson());
  try {
    const out: Record<string, string> = {};
    for (const t of TABLES) out[t.name] = await read(`SELECT * FROM "${t.name}" ORDER BY "${t.primaryKey}"`);
    out.tables = await read('SELECT table_name, comment FROM duckdb_tables() ORDER BY 1');
    out.columns = await read('SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns() ORDER BY 1, 2');
    out.constraints = await read('SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() ORDER BY 1, 2, 3');
    out.views = await read('SELECT view_name, sql, comment FROM duckdb_views() WHERE NOT internal ORDER BY 1');
    return out;
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

async function expectSameAsFullBuild(raw: string, out: string): Promise<void> {
  const full = join(tempDir(), 'out');
  const f = await build({ raw, out: full, threads: 1, incremental: false, log: () => {} });
  expect(f.database).toBe('loaded');
  expect(files(out, 'csv')).toEqual(files(full, 'csv'));
  expect(files(out, 'parquet')).toEqual(files(full, 'parquet'));
  expect(await contents(join(out, 'news.duckdb'))).toEqual(await contents(join(full, 'news.duckdb')));
}

/** A corpus of `n` articles, built once into a fresh OUT. */
async function built(n: number): Promise<{ raw: string; out: string }> {
  const raw = corpus(n);
  const out = join(tempDir(), 'out');
  await build({ raw, out, threads: 1, log: () => {} });
  return { raw, out };
}

const aliases = async (db: string) =>
  new Map((await query(db, 'SELECT entity_id, aliases FROM entities')).map((r) => [r.entity_id as string, JSON.stringify(r.aliases)]));

describe('incremental builds', () => {
  it('patch news.duckdb for edited, removed, renamed, added and duplicated files, as a full build would write it', async () => {
    const raw = corpus(40);
    const out = join(tempDir(), 'out');
    expect((await build({ raw, out, threads: 1, log: () => {} })).database).toBe('loaded');
    const before = await aliases(join(out, 'news.duckdb'));

    // Edited: a new entity, and a new surface form of one that other articles mention.
    appendFileSync(join(raw, 'doc-005.txt'), '\n\nAnalyst Irina Volkova said on Friday that the DPRK and the Russian Federation would meet at the UN Security Council.');
    rmSync(join(raw, 'doc-007.txt')); // removed
    renameSync(join(raw, 'doc-010.txt'), join(raw, 'doc-010-renamed.txt')); // same bytes, new name
    writeFileSync(join(raw, 'doc-100.txt'), readFileSync(join(raw, 'doc-003.txt'))); // a duplicate
    writeFileSync(join(raw, 'doc-101.txt'), 'Harbour reopens\n\nThe harbour in Dover reopened on Tuesday after the storm, the port authority said.\n');
    const logs: string[] = [];
    const s = await build({ raw, out, threads: 1, log: (m) => logs.push(m) });
    expect(s.database).toBe('patched');
    expect(logs.join('\n')).toMatch(/news\.duckdb patched \(\d+ changed files\)/);

    // The patch had to change the aliases of an entity that other articles still point to.
    const after = await aliases(join(out, 'news.duckdb'));
    expect([...after].some(([id, a]) => before.has(id) && before.get(id) !== a)).toBe(true);
    await expectSameAsFullBuild(raw, out);
  }, 180_000);

  it('loads news.duckdb whole when many files changed', async () => {
    const { raw, out } = await built(10);
    for (const i of [1, 2, 3]) appendFileSync(join(raw, `doc-00${i}.txt`), '\n\nThe meeting was moved to Thursday.');
    expect((await build({ raw, out, threads: 1, log: () => {} })).database).toBe('loaded');
    await expectSameAsFullBuild(raw, out);
  }, 180_000);

  it('loads news.duckdb whole when the previous one does not match what the build expects', async () => {
    const { raw, out } = await built(12);
    // Someone changed the database by hand: a kept article lost a figure.
    const inst = await DuckDBInstance.create(join(out, 'news.duckdb'));
    const conn = await inst.connect();
    await conn.run('DELETE FROM figures WHERE figure_id = (SELECT min(figure_id) FROM figures)');
    conn.closeSync();
    inst.closeSync();
    appendFileSync(join(raw, 'doc-004.txt'), '\n\nThe meeting was moved to Thursday.');
    const logs: string[] = [];
    const s = await build({ raw, out, threads: 1, log: (m) => logs.push(m) });
    expect(s.database).toBe('loaded');
    expect(logs.join('\n')).toMatch(/news\.duckdb loaded whole/);
    await expectSameAsFullBuild(raw, out);
  }, 180_000);

  it('patch build after build until a fifth of the articles changed, then load whole once and patch again', async () => {
    const { raw, out } = await built(40);
    const step = async (change: () => void) => {
      change();
      return (await build({ raw, out, threads: 1, log: () => {} })).database;
    };
    const edit = (i: number) => () => appendFileSync(join(raw, `doc-0${i}.txt`), `\n\nCorrection ${i}: the vote was held on Tuesday.`);
    // Changed articles since the last whole load: 2 (an edit removes one and adds one), 3, 4, 6, then 8 of 39.
    expect(await step(edit(11))).toBe('patched');
    expect(await step(() => rmSync(join(raw, 'doc-012.txt')))).toBe('patched');
    expect(await step(() => writeFileSync(join(raw, 'doc-200.txt'), 'Bridge closed\n\nThe bridge in Leeds closed on Monday for repairs.\n'))).toBe('patched');
    expect(await step(() => renameSync(join(raw, 'doc-013.txt'), join(raw, 'doc-013b.txt')))).toBe('patched');
    await expectSameAsFullBuild(raw, out);
    expect(await step(edit(14))).toBe('loaded');
    expect(await step(edit(15))).toBe('patched');
    await expectSameAsFullBuild(raw, out);
  }, 300_000);
});
