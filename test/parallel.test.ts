import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../pipeline/build.js';
import { corpus, tempDir } from './helpers.js';

const csvs = (out: string) => Object.fromEntries(readdirSync(join(out, 'csv')).map((f) => [f, readFileSync(join(out, 'csv', f), 'utf8')]));

describe('parallel and incremental builds', () => {
  it('give the same CSV bytes with 2 worker threads as with 1', async () => {
    const raw = corpus(20);
    const one = join(tempDir(), 'out');
    const two = join(tempDir(), 'out');
    await build({ raw, out: one, threads: 1, incremental: false, log: () => {} });
    const logs: string[] = [];
    await build({ raw, out: two, threads: 2, incremental: false, log: (m) => logs.push(m) });
    expect(logs.join('\n')).toMatch(/2 thread\(s\)/);
    expect(csvs(two)).toEqual(csvs(one));
  }, 180_000);

  it('re-extract only what changed, with the same result as a full build', async () => {
    const raw = corpus(12);
    const out = join(tempDir(), 'out');
    await build({ raw, out, threads: 1, log: () => {} });
    appendFileSync(join(raw, 'doc-005.txt'), '\n\nA correction was published on Friday.');
    const logs: string[] = [];
    await build({ raw, out, threads: 1, log: (m) => logs.push(m) });
    expect(logs.join('\n')).toMatch(/12 files \(11 unchanged, reused\)/);
    const full = join(tempDir(), 'out');
    await build({ raw, out: full, threads: 1, incremental: false, log: () => {} });
    expect(csvs(out)).toEqual(csvs(full));
  }, 120_000);

  it('leave OUT as it is when nothing changed, and rebuild when an input or an output changed', async () => {
    const raw = corpus(3);
    const out = join(tempDir(), 'out');
    const first = await build({ raw, out, threads: 1, log: () => {} });
    const stamp = statSync(join(out, 'news.duckdb')).mtimeMs;
    // Touched (new mtime, same bytes): nothing to do.
    utimesSync(join(raw, 'doc-001.txt'), new Date(), new Date());
    const logs: string[] = [];
    const again = await build({ raw, out, threads: 1, log: (m) => logs.push(m) });
    expect(logs.join('\n')).toMatch(/up to date: 3 input files unchanged/);
    expect(again.rows).toEqual(first.rows);
    expect(statSync(join(out, 'news.duckdb')).mtimeMs).toBe(stamp);
    // A missing output file: rebuilt.
    rmSync(join(out, 'csv', 'quotes.csv'));
    logs.length = 0;
    await build({ raw, out, threads: 1, log: (m) => logs.push(m) });
    expect(logs.join('\n')).not.toMatch(/up to date/);
    expect(readdirSync(join(out, 'csv'))).toContain('quotes.csv');
    // A new input file: rebuilt.
    writeFileSync(join(raw, 'doc-new.txt'), 'New headline\n\nThe council met on Monday.\n');
    const more = await build({ raw, out, threads: 1, log: () => {} });
    expect(more.inputs).toBe(4);
    expect(more.articles).toBe(first.articles + 1);
  }, 120_000);
});
