// news.duckdb is loaded in bulk from staged NDJSON: rows of any size must get through,
// including one 20 MB article (bigger than DuckDB's default JSON object bound).
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, type TableDef } from '../schemas/tables.js';
import { DuckDbWriter } from '../pipeline/export/duckdb.js';
import { articleRow, query, tempDir } from './helpers.js';

const articles = (TABLES as readonly TableDef[]).find((t) => t.name === 'articles')!;

describe('DuckDbWriter', () => {
  it('loads a 20 MB article and small ones, typed, in staging order', async () => {
    const dir = tempDir('news-duck-');
    const db = await DuckDbWriter.open(join(dir, 'news.duckdb'), join(dir, 'stage'));
    const big = 'Überall ist Text. '.repeat(1_200_000); // about 21.6 M characters, 23 MB of UTF-8
    const row = (id: string, text: string) => articleRow({ article_id: id, source_file: `${id}.txt`, authors: ['A', 'B; C'], language: 'de', word_count: 3, text });
    db.append(articles, [row('art_b', 'short one'), row('art_a', big), row('art_c', 'another')]);
    mkdirSync(join(dir, 'parquet'));
    const counts = await db.finish(join(dir, 'parquet'));
    db.close();
    expect(counts.articles).toBe(3);
    const rows = await query(join(dir, 'news.duckdb'), 'SELECT article_id, length(text)::INTEGER AS n, authors, published::VARCHAR AS d FROM articles ORDER BY rowid');
    expect(rows.map((r) => r.article_id)).toEqual(['art_b', 'art_a', 'art_c']);
    expect(rows[1].n).toBe(big.length);
    expect(rows[0].authors).toEqual(['A', 'B; C']);
    expect(rows[0].d).toBe('2017-03-07');
  }, 60_000);
});
