import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../pipeline/build.js';
import { TABLES } from '../schemas/tables.js';
import { goldenText, GOLDEN_DIR } from '../scripts/golden.js';
import { SEED, tempDir } from './helpers.js';

let out: string;
beforeAll(async () => {
  const raw = tempDir('news-golden-raw-');
  copyFileSync(SEED, join(raw, '2017-03-07_moscow-times_russia-north-korea-thaad.txt'));
  out = join(tempDir('news-golden-out-'), 'out');
  await build({ raw, out, log: () => {} });
});

// Reviewed by eye; after an intended change run `make golden` and read the diff.
describe('seed golden files', () => {
  it.each(TABLES.map((t) => t.name))('%s matches test/golden/seed', (table) => {
    expect(goldenText(out, table)).toBe(readFileSync(join(GOLDEN_DIR, `${table}.txt`), 'utf8'));
  });
});
