// `make build-data` runs the bundle (dist/), the tests run the sources: the two
// must write the same bytes, with the bundled worker pool in use and the Makefile's node flags.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from '../pipeline/build.js';
import { SEED, tempDir } from './helpers.js';
import iconv from 'iconv-lite';

const ROOT = join(import.meta.dirname, '..');
const FIX = join(import.meta.dirname, 'fixtures', 'plain');
let raw: string;

beforeAll(() => {
  raw = tempDir('news-bundle-raw-');
  for (const f of readdirSync(FIX)) copyFileSync(join(FIX, f), join(raw, f));
  // Enough distinct articles that the build starts worker threads.
  const seed = readFileSync(SEED, 'utf8');
  for (let i = 0; i < 18; i++) writeFileSync(join(raw, `seed-${String(i).padStart(2, '0')}.txt`), `${seed}\n\nUpdate ${i}: the talks resumed on Monday.\n`);
  // Packages only some inputs reach: markdown-it and YAML (Markdown), chardet (text that is not UTF-8).
  writeFileSync(join(raw, 'notes.md'), '---\ntitle: Council vote\nauthor: Ann Lee\ndate: 2021-03-14\n---\n\n# Council vote\n\nThe council of **Lyon** voted on [Monday](https://example.com) to spend $2 million.\n');
  writeFileSync(join(raw, 'moscow.txt'), iconv.encode('Москва\n\nПрезидент России Владимир Путин заявил в понедельник, что переговоры продолжатся.', 'win1251'));
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundle failed: ${r.stderr}`);
}, 60_000);

describe('bundled build', () => {
  it('writes byte-identical CSV to the source build, through make build-data with two worker threads', async () => {
    const fromSources = join(tempDir('news-bundle-src-'), 'out');
    await build({ raw, out: fromSources, threads: 1, incremental: false, log: () => {} });
    const fromBundle = join(tempDir('news-bundle-dist-'), 'out');
    const r = spawnSync('make', ['--no-print-directory', 'build-data', `RAW=${raw}`, `OUT=${fromBundle}`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, THREADS: '2' },
    });
    expect(r.stdout).toMatch(/node --single-threaded-gc dist\/cli\.mjs/);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 thread\(s\)/);
    const tables = readdirSync(join(fromSources, 'csv')).sort();
    expect(tables).toContain('mentions.csv');
    expect(readdirSync(join(fromBundle, 'csv')).sort()).toEqual(tables);
    for (const t of tables) {
      expect(readFileSync(join(fromBundle, 'csv', t)).equals(readFileSync(join(fromSources, 'csv', t))), t).toBe(true);
    }
    const articles = readFileSync(join(fromBundle, 'csv', 'articles.csv'), 'utf8');
    expect(articles).toMatch(/moscow\.txt,[^\n]*Москва[^\n]*windows-1251/);
    expect(articles).toMatch(/notes\.md,[^\n]*Council vote/);
  }, 120_000);
});
