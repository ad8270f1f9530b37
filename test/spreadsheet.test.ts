// The CSVs in a spreadsheet: LibreOffice (headless) imports each CSV with the settings the
// README recommends, saves it as .xlsx, and the .xlsx is read back (as CSV for the text, as
// flat ODS for the cell types). Skipped when LibreOffice is absent.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { build } from '../pipeline/build.js';
import { TABLES, type TableDef } from '../schemas/tables.js';
import { columnsOf } from '../schemas/columns.js';
import { SEED, tempDir } from './helpers.js';

const FIX = join(import.meta.dirname, 'fixtures');
/** Comma, double quote, UTF-8, from line 1, no column formats, US English, quoted fields not forced
 * to text, "detect special numbers" OFF (else text such as "March 6" or "1/2" turns into a date). */
const IMPORT = 'CSV:44,34,76,1,,1033,false,false';
const EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}
const SOFFICE = findSoffice();
const tables = TABLES as readonly TableDef[];

let work: string;

/** Converts files with LibreOffice in its own throw-away profile (parallel runs do not collide). */
function convert(files: string[], to: string, outdir: string, infilter?: string): void {
  mkdirSync(outdir, { recursive: true });
  const args = [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', to];
  if (infilter) args.push(`--infilter=${infilter}`);
  const r = spawnSync(SOFFICE!, [...args, '--outdir', outdir, ...files], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

function parseCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const r = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return r.data;
}

interface OdsCell {
  type: string | null;
  value: string | null;
}

/** Cell types and typed values of the first sheet of a flat ODS file (a regex reader is enough here). */
function odsCells(path: string): OdsCell[][] {
  const xml = readFileSync(path, 'utf8');
  const rows: OdsCell[][] = [];
  for (const m of xml.matchAll(/<table:table-row\b([^>]*)>(.*?)<\/table:table-row>/gs)) {
    const row: OdsCell[] = [];
    for (const c of m[2].matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>.*?<\/table:(?:covered-)?table-cell>)/gs)) {
      const attrs = c[1];
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
      const type = /office:value-type="(\w+)"/.exec(attrs)?.[1] ?? null;
      const value = /office:(?:date-value|value|boolean-value|time-value)="([^"]*)"/.exec(attrs)?.[1] ?? null;
      for (let k = 0; k < Math.min(repeat, 200); k++) row.push({ type, value });
    }
    const times = Number(/table:number-rows-repeated="(\d+)"/.exec(m[1])?.[1] ?? 1);
    if (row.every((c) => c.type === null)) continue; // trailing empty rows
    for (let k = 0; k < times; k++) rows.push(row);
  }
  return rows;
}

let out: string;
const original = new Map<string, string[][]>();
const back = new Map<string, string[][]>();
const types = new Map<string, OdsCell[][]>();

beforeAll(async () => {
  if (!SOFFICE) return;
  work = tempDir('news-sheet-');
  const raw = join(work, 'raw');
  mkdirSync(raw);
  out = join(work, 'out');
  copyFileSync(SEED, join(raw, 'seed.txt'));
  for (const f of readdirSync(join(FIX, 'plain'))) copyFileSync(join(FIX, 'plain', f), join(raw, f));
  copyFileSync(join(FIX, 'spreadsheet', 'unicode.txt'), join(raw, 'unicode.txt'));
  // Windows-1252 bytes: "Café" with 0xE9, an en dash 0x96 and a euro sign 0x80.
  writeFileSync(
    join(raw, 'latin.txt'),
    Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owners protest\n\nThe owners of the Caf'), Buffer.from([0xe9]), Buffer.from(' Central in Lyon protested on Monday '), Buffer.from([0x96]), Buffer.from(' prices rose by 5 '), Buffer.from([0x80]), Buffer.from('.\n')]),
  );
  await build({ raw, out, log: () => {} });
  const csvs = tables.map((t) => join(out, 'csv', `${t.name}.csv`));
  convert(csvs, 'xlsx', join(work, 'xlsx'), IMPORT);
  const xlsx = tables.map((t) => join(work, 'xlsx', `${t.name}.xlsx`));
  convert(xlsx, EXPORT, join(work, 'back'));
  convert(xlsx, 'fods', join(work, 'fods'));
  for (const t of tables) {
    original.set(t.name, parseCsv(join(out, 'csv', `${t.name}.csv`)));
    back.set(t.name, parseCsv(join(work, 'back', `${t.name}.csv`)));
    types.set(t.name, odsCells(join(work, 'fods', `${t.name}.fods`)));
  }
}, 600_000);

describe.skipIf(!SOFFICE)('the CSVs in LibreOffice Calc (CSV → xlsx → back)', () => {
  it('keep every table\'s columns and rows', () => {
    for (const t of tables) {
      const [head, ...rows] = original.get(t.name)!;
      expect(head, t.name).toEqual(columnsOf(t).map((c) => c.name)); // no stray BOM in the first name
      expect(back.get(t.name)![0], t.name).toEqual(head);
      const n = back.get(t.name)!.length - 1;
      expect(n, t.name).toBe(rows.length);
      expect(types.get(t.name)!.length - 1, t.name).toBe(rows.length);
    }
    expect(original.get('articles')!.length - 1).toBeGreaterThanOrEqual(5);
  });

  it('keep every character of every text cell (accents, €, dashes, CJK, emoji, line breaks)', () => {
    let checked = 0;
    for (const t of tables) {
      const cols = columnsOf(t);
      const [, ...rows] = original.get(t.name)!;
      const [, ...again] = back.get(t.name)!;
      rows.forEach((row, i) =>
        cols.forEach((c, j) => {
          if (c.type !== 'string' && c.type !== 'list') return;
          // Pure digits (a TIMEX value "2015") come back as the same digits; other text exactly.
          expect(again[i][j], `${t.name}[${i}].${c.name}`).toBe(row[j]);
          checked++;
        }),
      );
    }
    const all = [...back.values()].flat(2).join('\n');
    for (const s of ['Café Central', 'Zürich', '– prices rose by 5 €', '北京', 'São Paulo 😀', '«again»', 'Müller']) expect(all).toContain(s);
    expect(checked).toBeGreaterThan(1000);
  });

  it('read dates as dates with the right day, and numbers as numbers', () => {
    let dates = 0;
    for (const t of tables) {
      const cols = columnsOf(t);
      const [, ...rows] = original.get(t.name)!;
      const [, ...cells] = types.get(t.name)!;
      rows.forEach((row, i) =>
        cols.forEach((c, j) => {
          if (row[j] === '') return;
          const cell = cells[i][j];
          if (c.type === 'date') {
            expect(cell, `${t.name}.${c.name}`).toEqual({ type: 'date', value: row[j] });
            dates++;
          } else if (c.type === 'integer' || c.type === 'number') {
            expect(cell.type, `${t.name}.${c.name}`).toBe('float');
            expect(Number(cell.value)).toBeCloseTo(Number(row[j]), 6);
          }
        }),
      );
    }
    expect(dates).toBeGreaterThan(10);
  });

  it('keep text that looks like a date, a fraction or a percent as text ("March 6", "1/2", "3%")', () => {
    let seen = 0;
    for (const t of tables) {
      const cols = columnsOf(t);
      const [, ...rows] = original.get(t.name)!;
      const [, ...cells] = types.get(t.name)!;
      rows.forEach((row, i) =>
        cols.forEach((c, j) => {
          if (c.type !== 'string' || cells[i][j].type === 'string' || row[j] === '') return;
          // Only a plain number ("2015", a TIMEX year) or an ISO date ("2017-03-06", a TIMEX value)
          // may turn into a number or a date: both show exactly as written.
          const plain = /^-?[1-9]\d{0,14}(\.\d+)?$/.test(row[j]) ? 'float' : /^\d{4}-\d{2}-\d{2}$/.test(row[j]) ? 'date' : 'string';
          expect(cells[i][j].type, `${t.name}.${c.name} = ${row[j]}`).toBe(plain);
        }),
      );
      if (t.name === 'timexes' || t.name === 'figures') seen += rows.length;
    }
    const texts = [...original.get('timexes')!, ...original.get('figures')!].flat();
    expect(texts).toEqual(expect.arrayContaining(['March 6, 2017', '3%']));
    expect(seen).toBeGreaterThan(5);
  });

  it('would turn such text into dates with "detect special numbers" on (why the README says to leave it off)', () => {
    convert([join(out, 'csv', 'timexes.csv')], 'fods', join(work, 'fods-special'), 'CSV:44,34,76,1,,1033,false,true');
    const t = tables.find((x) => x.name === 'timexes')!;
    const j = columnsOf(t).findIndex((c) => c.name === 'text');
    const [, ...rows] = original.get('timexes')!;
    const [, ...cells] = odsCells(join(work, 'fods-special', 'timexes.fods'));
    const i = rows.findIndex((r) => r[j] === 'March 6, 2017');
    expect(cells[i][j].type).toBe('date');
  });

  it('show formula-like text as text, with the apostrophe the CSV adds', () => {
    const quotes = back.get('quotes')!.flat();
    expect(quotes.some((q) => q.startsWith("'=SUM(A1:A9)") || q.startsWith('"=SUM') || q.includes('=SUM(A1:A9)'))).toBe(true);
    for (const t of tables) {
      const [, ...cells] = types.get(t.name)!;
      for (const row of cells) for (const c of row) expect(c.type, t.name).not.toBe('formula');
    }
    const formulaLike = [...back.values()].flat(2).filter((v) => /^[=+\-@]/.test(v) && !/^-?\d/.test(v));
    expect(formulaLike).toEqual([]);
  });

  it('keep every id as text, so sheets can be joined on it', () => {
    for (const t of tables) {
      const cols = columnsOf(t);
      const idCols = cols.map((c, j) => [c.name, j] as const).filter(([n]) => n.endsWith('_id'));
      const [, ...cells] = types.get(t.name)!;
      for (const row of cells) for (const [n, j] of idCols) if (row[j].type !== null) expect(row[j].type, `${t.name}.${n}`).toBe('string');
    }
  });

  // A bare 16-hex-digit id is all decimal digits for about 1 article in 800 and a spreadsheet would
  // round it; the art_ prefix keeps every id text.
  it('keep an article id made only of decimal digits as text', async () => {
    const raw = join(work, 'raw-digits');
    mkdirSync(raw);
    copyFileSync(join(FIX, 'spreadsheet', 'digits-id.txt'), join(raw, 'digits-id.txt'));
    const digitsOut = join(work, 'out-digits');
    await build({ raw, out: digitsOut, log: () => {} });
    const [[, id]] = parseCsv(join(digitsOut, 'csv', 'articles.csv')).slice(1).map((r) => ['', r[0]]);
    expect(id).toMatch(/^art_\d{16}$/); // the fixture is made so: all digits after the prefix
    convert([join(digitsOut, 'csv', 'articles.csv')], 'fods', join(work, 'fods-digits'), IMPORT);
    const [, first] = odsCells(join(work, 'fods-digits', 'articles.fods'));
    expect(first[0].type).toBe('string');
  });
});

if (!SOFFICE) {
  process.stderr.write('spreadsheet.test.ts: LibreOffice not found (apt-get install libreoffice-calc-nogui); the spreadsheet checks are skipped.\n');
}
