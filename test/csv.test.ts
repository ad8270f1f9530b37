import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { CsvWriter, neutralize } from '../pipeline/export/csv.js';
import type { Column } from '../schemas/columns.js';
import { tempDir } from './helpers.js';

const cols: Column[] = [
  { name: 'id', type: 'string', nullable: false, description: 'id', unit: null, enumValues: null },
  { name: 'txt', type: 'string', nullable: true, description: 'text', unit: null, enumValues: null },
  { name: 'n', type: 'integer', nullable: true, description: 'n', unit: null, enumValues: null },
  { name: 'x', type: 'number', nullable: true, description: 'x', unit: null, enumValues: null },
  { name: 'tags', type: 'list', nullable: false, description: 'tags', unit: null, enumValues: null },
];

async function readBack(path: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    const r = await conn.runAndReadAll(
      `SELECT * FROM read_csv($1, header = true, all_varchar = true, quote = '"', escape = '"', delim = ',', strict_mode = true)`,
      [path],
    );
    return r.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

function write(rows: Record<string, unknown>[]): string {
  const dir = tempDir();
  const path = join(dir, 't.csv');
  const w = new CsvWriter(path, cols);
  w.write(rows);
  w.close();
  return path;
}

describe('CSV export', () => {
  it('round-trips awkward text through DuckDB read_csv', async () => {
    const rows = [
      { id: 'a', txt: 'comma, "quotes", and\nnewline', n: 1, x: 1.5, tags: ['x', 'y'] },
      { id: 'b', txt: 'em — dash, “curly” ‘quotes’, naïve café, 北京', n: null, x: null, tags: [] },
      { id: 'c', txt: '=SUM(A1:A9)', n: -3, x: -0.25, tags: ['@cmd'] },
      { id: 'd', txt: null, n: 11000000000, x: 1e-7, tags: ['one'] },
      { id: 'e', txt: '  padded  ', n: 0, x: 0, tags: ['a;b'] },
    ];
    const back = await readBack(write(rows));
    expect(back.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(back[0].txt).toBe('comma, "quotes", and\nnewline');
    expect(back[1].txt).toBe('em — dash, “curly” ‘quotes’, naïve café, 北京');
    expect(back[2].txt).toBe("'=SUM(A1:A9)"); // neutralized: a spreadsheet shows it as text
    expect(back[2].n).toBe('-3'); // numbers are not neutralized
    expect(back[3].txt).toBeNull();
    expect(back[3].n).toBe('11000000000');
    expect(back[4].txt).toBe('  padded  ');
    expect(back[0].tags).toBe('x; y');
    expect(back[2].tags).toBe("'@cmd");
  });

  it('starts with a UTF-8 BOM and uses CRLF', async () => {
    const path = write([{ id: 'a', txt: 't', n: 1, x: 2, tags: [] }]);
    const buf = (await import('node:fs')).readFileSync(path);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.toString('utf8')).toBe('\uFEFFid,txt,n,x,tags\r\na,t,1,2,\r\n');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20', "'+44 20"],
    ['-x', "'-x"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-7', '-7'], // a signed number is a number to a spreadsheet, not a formula
    ['+2.5%', '+2.5%'],
    ['-2+3', "'-2+3"],
    ['-1,000', '-1,000'],
    ['plain', 'plain'],
    ['', ''],
  ])('neutralizes %j', (input, out) => expect(neutralize(input)).toBe(out));

  it('round-trips any text (property)', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 8 }), async (texts) => {
        const rows = texts.map((t, i) => ({ id: `r${i}`, txt: t, n: i, x: i / 3, tags: [] }));
        const path = join(dir, 'p.csv');
        const w = new CsvWriter(path, cols);
        w.write(rows);
        w.close();
        // papaparse reads back what papaparse wrote: values equal but for neutralization
        const parsed = Papa.parse<Record<string, string>>(
          (await import('node:fs')).readFileSync(path, 'utf8').replace(/^\uFEFF/, ''),
          { header: true, skipEmptyLines: false, newline: '\r\n' },
        ).data.filter((r) => r.id !== undefined && r.id !== '');
        expect(parsed.map((r) => r.txt)).toEqual(texts.map(neutralize));
      }),
      { numRuns: 60 },
    );
    writeFileSync(join(dir, 'done'), '');
  });
});
