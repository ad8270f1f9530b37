import { mkdtempSync, cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export const SEED = join(import.meta.dirname, '..', 'raw', '2017-03-07_moscow-times_russia-north-korea-thaad.txt');

export function tempDir(prefix = 'news-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function copyInto(dir: string, file: string, name: string): void {
  cpSync(file, join(dir, name));
}

/** Runs a query on a DuckDB file (read-only) and returns row objects as JSON values. */
export async function query(dbPath: string, sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await inst.connect();
  try {
    const r = await conn.runAndReadAll(sql, params as never);
    return r.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

/** An articles row for tests of the export side; `over` replaces any column. */
export function articleRow(over: Record<string, unknown> = {}): Record<string, unknown> {
  const text = typeof over.text === 'string' ? over.text : 'Body.';
  return {
    article_id: 'art_0123456789abcdef', source_file: 'a b.txt', sha256: 'a'.repeat(64), title: 'T', subtitle: null, authors: [],
    published: '2017-03-07', publisher: null, source_url: null, photo_credit: null, language: 'en', encoding: 'utf-8',
    word_count: 1, char_count: [...text].length, text, ...over,
  };
}

const PLAIN = join(import.meta.dirname, 'fixtures', 'plain');

/** A folder of `n` articles made from the seed and the plain fixtures, each with a line of its own (so no two are duplicates). */
export function corpus(n: number): string {
  const raw = tempDir('news-par-raw-');
  const texts = [readFileSync(SEED, 'utf8'), ...readdirSync(PLAIN).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(PLAIN, f), 'utf8'))];
  for (let i = 0; i < n; i++) {
    const paras = texts[i % texts.length].split(/\n\s*\n/);
    writeFileSync(join(raw, `doc-${String(i).padStart(3, '0')}.txt`), [...paras, `Note ${i}: the figures were revised on March ${1 + (i % 28)}.`].join('\n\n'));
  }
  return raw;
}
