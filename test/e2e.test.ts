import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { build, type BuildSummary } from '../pipeline/build.js';
import { SEED, query, tempDir } from './helpers.js';

const FIX = join(import.meta.dirname, 'fixtures', 'plain');
const quiet = () => {};
let raw: string;
let out: string;
let summary: BuildSummary;

function csv(table: string, dir = out): string {
  return readFileSync(join(dir, 'csv', `${table}.csv`), 'utf8');
}

beforeAll(async () => {
  raw = tempDir('news-raw-');
  out = join(tempDir('news-out-'), 'out');
  copyFileSync(SEED, join(raw, 'seed article.txt')); // a name with a space
  for (const f of readdirSync(FIX)) copyFileSync(join(FIX, f), join(raw, f));
  copyFileSync(SEED, join(raw, 'seed-copy.txt')); // the same article twice
  writeFileSync(join(raw, 'empty.txt'), '');
  writeFileSync(join(raw, 'blank.md'), '  \n\t\n');
  writeFileSync(join(raw, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]));
  // Windows-1252: "Café déjà vu – 5 €" with 0xE9, 0x96 (en dash), 0x80 (euro)
  writeFileSync(
    join(raw, 'latin.txt'),
    Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owners protest\n\nThe owners of the Caf'), Buffer.from([0xe9]), Buffer.from(' Central in Lyon protested on Monday ' ), Buffer.from([0x96]), Buffer.from(' prices rose by 5 '), Buffer.from([0x80]), Buffer.from('.\n')]),
  );
  writeFileSync(join(raw, 'notes.csv'), 'not,an,article\n'); // not an input type: ignored
  summary = await build({ raw, out, log: quiet, arrow: true }); // Arrow files are opt-in
});

describe('end-to-end build', () => {
  it('accounts for every input file: articles or rejects', async () => {
    const inputs = readdirSync(raw).filter((f) => /\.(txt|md|html)$/.test(f));
    const db = join(out, 'news.duckdb');
    const articles = (await query(db, 'SELECT source_file FROM articles')).map((r) => r.source_file);
    const rejected = (await query(db, 'SELECT DISTINCT source_file FROM rejects')).map((r) => r.source_file);
    for (const f of inputs) expect(articles.includes(f) || rejected.includes(f), f).toBe(true);
    expect(articles.sort()).toEqual(['city-council-budget.txt', 'harbour-storm.txt', 'latin.txt', 'quake-report.html', 'seed article.txt']);
    expect(summary.articles).toBe(5);
  });

  it('gives each bad input a clear reason', async () => {
    const rows = await query(join(out, 'news.duckdb'), 'SELECT source_file, stage, reason FROM rejects ORDER BY source_file, stage');
    const why = (f: string) => rows.filter((r) => r.source_file === f).map((r) => `${r.stage}: ${r.reason}`).join(' | ');
    expect(why('empty.txt')).toMatch(/read: empty file/);
    expect(why('blank.md')).toMatch(/no text/);
    expect(why('image.txt')).toMatch(/decode: binary file/);
    expect(why('seed-copy.txt')).toMatch(/dedupe: same content as seed article.txt/);
    expect(why('harbour-storm.txt')).toMatch(/meta: harbour-storm.meta.json ignored: .*published.*authors|meta: .*authors.*published/);
  });

  it('decodes Windows-1252 and records the encoding', async () => {
    const [a] = await query(join(out, 'news.duckdb'), "SELECT title, encoding, text FROM articles WHERE source_file = 'latin.txt'");
    expect(a.encoding).toBe('windows-1252');
    expect(a.title).toBe('Café owners protest');
    expect(a.text).toContain('Café Central in Lyon protested on Monday – prices rose by 5 €.');
  });

  it('reads HTML through readability without running scripts', async () => {
    const [a] = await query(join(out, 'news.duckdb'), "SELECT title, authors, published, source_url, publisher, text FROM articles WHERE source_file = 'quake-report.html'");
    expect(a.title).toBe('Earthquake shakes coastal town');
    expect(a.authors).toEqual(['Maria Lopez']);
    expect(a.published).toBe('2020-02-03');
    expect(a.source_url).toBe('https://news.example.org/2020/quake');
    expect(a.text).toMatch(/^A magnitude 5.8 earthquake/);
    expect(a.text).not.toMatch(/fetch|hacked|Home \| World/);
  });

  it('lets the sidecar win over the text', async () => {
    const [a] = await query(join(out, 'news.duckdb'), "SELECT published, publisher FROM articles WHERE source_file = 'city-council-budget.txt'");
    expect(a).toEqual({ published: '2021-06-15', publisher: 'Springfield Gazette' });
  });

  it('gets the seed metadata right', async () => {
    const [a] = await query(join(out, 'news.duckdb'), "SELECT * FROM articles WHERE source_file = 'seed article.txt'");
    expect(a).toMatchObject({
      title: 'Stuck in the Middle with Kim Jong-Un',
      subtitle: 'Russia risks losing a buffer state as North Korea draws U.S. missiles to the Far East',
      authors: ['Bradley Jardine', 'Matthew Bodner'],
      published: '2017-03-07',
      publisher: 'The Moscow Times',
      source_url: 'https://www.themoscowtimes.com/2017/03/07/north-korea-a57357',
      photo_credit: 'ZUMA / TASS',
      language: 'en',
    });
    const heads = await query(join(out, 'news.duckdb'), 'SELECT heading FROM sections WHERE article_id = $1 AND heading IS NOT NULL ORDER BY ordinal', [a.article_id]);
    expect(heads.map((h) => h.heading)).toEqual(['Cold War Comrades', 'Managing the Status Quo']);
    const authors = await query(join(out, 'news.duckdb'), "SELECT e.name, e.type FROM mentions m JOIN entities e USING (entity_id) WHERE m.source = 'byline' AND m.article_id = $1 ORDER BY 1", [a.article_id]);
    expect(authors).toEqual([{ name: 'Bradley Jardine', type: 'PERSON' }, { name: 'Matthew Bodner', type: 'PERSON' }]);
  });

  it('has the same row counts in CSV, Parquet and DuckDB, and every span slices to its text', async () => {
    const db = join(out, 'news.duckdb');
    for (const [t, n] of Object.entries(summary.rows)) {
      const lines = csv(t).split('\r\n').filter((l) => l.length > 0);
      const [{ c }] = await query(db, `SELECT count(*)::INT AS c FROM "${t}"`);
      const [{ p }] = await query(db, `SELECT count(*)::INT AS p FROM read_parquet($1)`, [join(out, 'parquet', `${t}.parquet`)]);
      expect(c, t).toBe(n);
      expect(p, t).toBe(n);
      expect(tableFromIPC(readFileSync(join(out, 'arrow', `${t}.arrow`))).numRows, t).toBe(n);
      if (!csv(t).includes('\n"') && !/"[^"]*\r\n/.test(csv(t))) expect(lines.length - 1, t).toBe(n);
    }
    for (const t of ['sentences', 'mentions', 'figures', 'timexes', 'events', 'quotes', 'person_roles']) {
      const bad = await query(db, `SELECT x.text FROM "${t}" x JOIN articles a USING (article_id)
        WHERE x.char_start IS NOT NULL AND substr(a.text, x.char_start + 1, x.char_end - x.char_start) <> x.text`);
      expect(bad, t).toEqual([]);
    }
  });

  it('publishes keys, comments and views in news.duckdb', async () => {
    const db = join(out, 'news.duckdb');
    const cons = await query(db, "SELECT table_name, constraint_type FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')");
    expect(cons.filter((c) => c.constraint_type === 'PRIMARY KEY')).toHaveLength(12);
    expect(cons.some((c) => c.table_name === 'mentions' && c.constraint_type === 'FOREIGN KEY')).toBe(true);
    const uncommented = await query(db, "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' AND comment IS NULL AND table_name NOT IN (SELECT view_name FROM duckdb_views())");
    expect(uncommented).toEqual([]);
    const views = await query(db, 'SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1');
    expect(views.map((v) => v.view_name)).toEqual(expect.arrayContaining(['entity_co_mentions', 'entity_mentions_by_article', 'event_timeline', 'quotes_by_speaker']));
    for (const v of views) await query(db, `SELECT * FROM "${v.view_name}" LIMIT 5`);
    expect(existsSync(join(out, 'datapackage.json'))).toBe(true);
  });

  it('gives byte-identical CSV on a second build, and keeps OUT whole when a build fails', async () => {
    const out2 = join(tempDir('news-out2-'), 'out');
    await build({ raw, out: out2, log: quiet });
    for (const t of Object.keys(summary.rows)) expect(csv(t, out2), t).toBe(csv(t));
    // A failing build (RAW missing) leaves the previous OUT untouched.
    await expect(build({ raw: join(raw, 'missing'), out: out2, log: quiet })).rejects.toThrow(/raw folder not found/);
    expect(csv('articles', out2)).toBe(csv('articles'));
    expect(readdirSync(join(out2, '..')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
