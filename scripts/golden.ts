// Golden files of the seed article: one readable, sorted text file per table.
// `make golden` rewrites them; test/golden.test.ts compares a fresh build with them.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { TABLES, type TableDef } from '../schemas/tables.js';
import { columnsOf } from '../schemas/columns.js';

const tables = TABLES as readonly TableDef[];
// Hash ids change whenever an offset does; the golden files show content instead.
const HIDDEN = /^(article_id|section_id|paragraph_id|sentence_id|mention_id|role_id|figure_id|timex_id|event_id|quote_id|reject_id|sha256|text)$/;

/** Readable lines for one table of a build (CSV in OUT/csv), sorted. */
export function goldenText(outDir: string, table: string): string {
  const t = tables.find((x) => x.name === table)!;
  const src = readFileSync(join(outDir, 'csv', `${table}.csv`), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(src, { header: true, skipEmptyLines: true }).data;
  const cols = columnsOf(t).map((c) => c.name).filter((c) => !HIDDEN.test(c) || (c === 'text' && table !== 'articles'));
  const lines = rows.map((r) => cols.map((c) => `${c}=${JSON.stringify(r[c] ?? '')}`).join(' '));
  lines.sort((a, b) => {
    const sa = Number(/char_start="(\d+)"/.exec(a)?.[1] ?? -1);
    const sb = Number(/char_start="(\d+)"/.exec(b)?.[1] ?? -1);
    return sa - sb || (a < b ? -1 : a > b ? 1 : 0);
  });
  return `# ${table}: ${t.grain} (${lines.length} rows)\n${lines.join('\n')}\n`;
}

export const GOLDEN_DIR = join(import.meta.dirname, '..', 'test', 'golden', 'seed');

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const out = process.argv[2] ?? 'out';
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const t of tables) writeFileSync(join(GOLDEN_DIR, `${t.name}.txt`), goldenText(out, t.name));
  process.stderr.write(`golden: wrote ${tables.length} files to test/golden/seed from ${out}\n`);
}
