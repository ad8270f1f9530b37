import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { processBytes } from '../pipeline/process.js';
import { TABLES, type TableDef } from '../schemas/tables.js';

const words = ['Russia', 'North Korea', 'said', 'Putin', '"', '“', '”', '$11 billion', 'on March 6', 'the', 'U.S.', '.', ',', '\n\n', ' ', '😀', 'Kim Jong-Un', '47,000', 'percent', 'Moscow', 'fired', 'missiles', '—', '\\$', 'é', '\r\n'];
const articleText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(fc.constantFrom(...words), { maxLength: 120 }).map((w) => w.join(' ')),
);

describe('offsets (property)', () => {
  it('every emitted span slices to its text, every row passes its schema, nothing throws', () => {
    fc.assert(
      // The same text as a plain file and as Markdown (rendered, then read as blocks).
      fc.property(articleText, fc.option(fc.constantFrom('2017-03-07', '1998-01-08'), { nil: null }), fc.constantFrom('random.txt', 'random.md'), (text, published, name) => {
        const meta = published ? JSON.stringify({ published }) : null;
        const r = processBytes(name, new TextEncoder().encode(text), meta);
        // Invariant or schema failures would show up as rejects of those stages.
        expect(r.rejects.filter((x) => x.stage === 'invariants' || x.stage === 'validate' || x.stage === 'extract')).toEqual([]);
        if (!r.rows) return;
        const cps = Array.from(r.rows.articles[0].text);
        for (const t of TABLES as readonly TableDef[]) {
          const rows = (r.rows as unknown as Record<string, Record<string, unknown>[]>)[t.name] ?? [];
          for (const row of rows) {
            expect(t.schema.safeParse(row).success).toBe(true);
            if (t.spans && typeof row.text === 'string' && row.char_start !== null) {
              expect(cps.slice(row.char_start as number, row.char_end as number).join('')).toBe(row.text);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
