// The SQL prompt and `make query`: statement completion, table layout, dot commands,
// read-only access and exit codes.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { build } from '../pipeline/build.js';
import { displayWidth, formatTable, ReadOnlyDb, truncate } from '../pipeline/query.js';
import { Session, statementComplete } from '../pipeline/sql.js';
import { SEED, tempDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
let dbPath: string;

beforeAll(async () => {
  const raw = tempDir('news-sql-raw-');
  const out = join(tempDir('news-sql-out-'), 'out');
  copyFileSync(SEED, join(raw, 'seed.txt'));
  await build({ raw, out, log: () => {} });
  dbPath = join(out, 'news.duckdb');
});

describe('statementComplete', () => {
  it.each([
    ['SELECT 1;', true],
    ['SELECT 1', false],
    ['SELECT 1;  \n', true],
    ['SELECT 1; -- done', true],
    ["SELECT ';'", false],
    ["SELECT 'it''s;'", false],
    ["SELECT 'it''s';", true],
    ['SELECT "a;b"', false],
    ['SELECT 1 /* ; */', false],
    ['SELECT 1 /* open ;', false],
    ['SELECT 1 -- ;', false],
    ['SELECT 1 -- ;\n;', true],
    ['SELECT 1;\nSELECT 2', false],
    ['', false],
  ])('%j → %s', (sql, done) => expect(statementComplete(sql)).toBe(done));
});

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers, shows NULL and counts rows', () => {
    const text = formatTable({
      columns: ['name', 'n'],
      types: ['VARCHAR', 'number'],
      rows: [['Russia', '21'], ['Peskov', null], ['北朝鮮', '3']],
      truncated: false,
    });
    expect(text.split('\n')).toEqual([
      'name   │    n',
      '───────┼─────',
      'Russia │   21',
      'Peskov │ NULL',
      '北朝鮮 │    3',
      '(3 rows)',
    ]);
  });

  it('cuts wide cells with an ellipsis, shows newlines as marks, and says when rows were left out', () => {
    const text = formatTable(
      { columns: ['text'], types: ['VARCHAR'], rows: [['a'.repeat(30)], ['line one\nline two']], truncated: true },
      { maxCellWidth: 12 },
    );
    expect(text).toContain('aaaaaaaaaaa…');
    expect(text).toContain('line one⏎li…');
    expect(text).toMatch(/first 2 rows shown/);
  });

  it('fits the table into a total width by narrowing the widest columns', () => {
    const rows = [['x'.repeat(50), 'y'.repeat(50), 'short']];
    const text = formatTable({ columns: ['a', 'b', 'c'], types: ['VARCHAR', 'VARCHAR', 'VARCHAR'], rows, truncated: false }, { maxTotalWidth: 60 });
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(text).toContain('short');
  });

  it('never makes a cell wider than asked (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 2, max: 40 }), (s, w) => {
        const cut = truncate(s, w);
        expect(displayWidth(cut)).toBeLessThanOrEqual(Math.max(w, displayWidth(s) <= w ? displayWidth(s) : w));
        if (displayWidth(s) <= w) expect(cut).toBe(s);
        else expect(cut.endsWith('…')).toBe(true);
      }),
    );
  });
});

describe('the SQL prompt', () => {
  it('runs a statement typed over several lines once it ends with ;', async () => {
    const db = await ReadOnlyDb.open(dbPath);
    try {
      const s = new Session(db);
      expect(await s.line("SELECT name, mention_count")).toBe('');
      expect(s.prompt).toMatch(/\.\.\.>/);
      expect(await s.line("FROM top_entities WHERE name = 'Russia'")).toBe('');
      const out = await s.line(';');
      expect(out).toMatch(/^name\s+│ mention_count/);
      expect(out).toMatch(/Russia\s+│\s+\d+/);
      expect(out).toContain('(1 row)');
      expect(s.prompt).toBe('news> ');
    } finally {
      db.close();
    }
  });

  it('lists tables and views, describes a table, and reports errors without dying', async () => {
    const db = await ReadOnlyDb.open(dbPath);
    try {
      const s = new Session(db);
      const tables = await s.line('.tables');
      for (const t of ['articles', 'mentions', 'events', 'quotes', 'event_timeline', 'top_entities']) expect(tables).toContain(t);
      const schema = await s.line('.schema mentions');
      expect(schema).toMatch(/^mentions: Every place an entity is named/);
      expect(schema).toMatch(/char_start\s+│ BIGINT\s+│ yes\s+│ Start of the mention/);
      expect(await s.line('.schema nothing_here')).toMatch(/no table or view named nothing_here/);
      expect(await s.line('SELECT * FROM nowhere;')).toMatch(/^Error: Catalog Error: .*nowhere/);
      expect(await s.line('.help')).toMatch(/\.schema <name>/);
      expect(await s.line('.rows 2')).toBe('');
      expect(await s.line('SELECT entity_id FROM entities;')).toMatch(/first 2 rows shown/);
      await s.line('.quit');
      expect(s.done).toBe(true);
    } finally {
      db.close();
    }
  });

  it('cannot change the database', async () => {
    const db = await ReadOnlyDb.open(dbPath);
    try {
      const s = new Session(db);
      expect(await s.line('DELETE FROM articles;')).toMatch(/^Error: .*read-only/i);
      expect(await s.line('CREATE TABLE x (a INT);')).toMatch(/^Error: .*read-only/i);
    } finally {
      db.close();
    }
  });

  it('works with piped input (sql.ts as a process)', () => {
    const r = spawnSync(TSX, [join(ROOT, 'pipeline', 'sql.ts'), '--db', dbPath], {
      input: ".tables\nSELECT count(*) AS n\nFROM articles;\n.quit\nSELECT 'not run';\n",
      encoding: 'utf8',
      env: { ...process.env, NEWS_SQL_HISTORY: join(tempDir(), 'hist') },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('event_timeline');
    expect(r.stdout).toMatch(/n\n─+\n1\n\(1 row\)/);
    expect(r.stdout).not.toContain('not run');
  });
});

describe('make query (query.ts)', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(TSX, [join(ROOT, 'pipeline', 'query.ts'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('prints one result as an aligned table', () => {
    const r = run(['--db', dbPath, "SELECT title, word_count FROM articles"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^title\s+│ word_count$/);
    expect(r.stdout).toContain('Stuck in the Middle with Kim Jong-Un');
  });

  it('takes the SQL from Q or from a queries/*.sql file', () => {
    const r = run(['--db', dbPath], { Q: 'queries/rejects.sql' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^source_file\s+│ stage\s+│ reason/);
  });

  it('exits non-zero with the error on bad SQL or a missing database', () => {
    const bad = run(['--db', dbPath, 'SELECT nope FROM articles']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^query failed: Binder Error: .*nope/);
    const missing = run(['--db', join(tempDir(), 'none.duckdb'), 'SELECT 1']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no database at .*none\.duckdb; run `make build-data` first/);
    expect(run(['--db', dbPath]).status).toBe(2);
  });
});
