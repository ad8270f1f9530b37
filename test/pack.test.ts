// What workers hand back: an article's rows as CSV lines and NDJSON lines, in schema order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { TABLES, type TableDef } from '../schemas/tables.js';
import { columnsOf } from '../schemas/columns.js';
import { serializeRows } from '../pipeline/pack.js';
import { articleRow } from './helpers.js';

const articles = (TABLES as readonly TableDef[]).find((t) => t.name === 'articles')!;
const names = columnsOf(articles).map((c) => c.name);

const hostile = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\u0000/g, ''));
const articleArb = fc.record({
  text: hostile.filter((s) => s.length > 0),
  title: fc.option(hostile, { nil: null }),
  authors: fc.array(hostile, { maxLength: 3 }),
  word_count: fc.nat(10_000),
});

function row(r: { text: string; title: string | null; authors: string[]; word_count: number }) {
  // Keys deliberately out of schema order, plus one the schema does not know.
  const { text, ...rest } = articleRow({ ...r, extra: 'not a column' });
  return { text, ...rest } as Record<string, unknown> & typeof r;
}

describe('serializeRows', () => {
  it('writes one JSON object per row with exactly the schema columns, in schema order', () => {
    fc.assert(
      fc.property(fc.array(articleArb, { minLength: 1, maxLength: 4 }), (rs) => {
        const rows = rs.map(row);
        const s = serializeRows(articles, rows);
        const lines = s.json.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(rows.length);
        expect(s.count).toBe(rows.length);
        expect(s.maxLine).toBe(Math.max(...lines.map((l) => Buffer.byteLength(l))));
        lines.forEach((l, i) => {
          const o = JSON.parse(l);
          expect(Object.keys(o)).toEqual(names);
          expect(o.text).toBe(rows[i].text);
          expect(o.authors).toEqual(rows[i].authors);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("gives the same JSON on the fast path for Zod's output as through the replacer", () => {
    let checked = 0;
    fc.assert(
      fc.property(articleArb, (r) => {
        const parsed = articles.schema.safeParse(row(r));
        if (!parsed.success) return; // a row the schema refuses never reaches pack()
        checked++;
        const data = parsed.data as Record<string, unknown>;
        expect(serializeRows(articles, [data], true).json).toBe(serializeRows(articles, [data]).json);
      }),
      { numRuns: 100 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it('writes CSV lines that read back to the same cells, CRLF-terminated', () => {
    const rows = [row({ text: 'He said "no",\nthen left.', title: '=1+1', authors: ['A; B', 'C'], word_count: 5 })];
    const s = serializeRows(articles, rows);
    expect(s.csv.endsWith('\r\n')).toBe(true);
    const back = Papa.parse<string[]>(s.csv.trimEnd(), { newline: '\r\n' }).data;
    expect(back).toHaveLength(1);
    const cells = Object.fromEntries(names.map((n, i) => [n, back[0][i]]));
    expect(cells.text).toBe('He said "no",\nthen left.');
    expect(cells.title).toBe("'=1+1"); // neutralized against formulas
    expect(cells.authors).toBe('A; B; C');
    expect(cells.subtitle).toBe('');
  });

  it('writes nothing for no rows', () => {
    expect(serializeRows(articles, [])).toEqual({ csv: '', json: '', count: 0, maxLine: 0 });
  });
});
