import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docFromText } from '../pipeline/doc.js';
import { figureStage } from '../pipeline/extract/figures.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';

// Sentences built from number-heavy pieces: whatever the mix, a figure's span
// must slice from the text, its values must be finite and its fields valid.
const piece = fc.oneof(
  fc.constantFrom('more than', 'about', 'up to', 'at least', 'between', 'and', 'to', 'of', 'the', 'in', 'some', 'half', 'a dozen',
    'two-thirds', 'four', 'one', 'third-largest', 'No.', 'March', 'Kim Jong-Un', 'COVID-19', 'people', 'missiles', 'years', 'year-old',
    'percent', '%', 'per cent', 'dozen', 'dozens', 'thousand', 'and a half', 'two and a half', 'aged', 'p', 'dlrs', '½', '1/4', 'or more', '$', '€', '£', 'US$', 'billion', 'million', 'bn', 'm', 'km', 'miles', 'tonnes', 'rubles', 'barrels',
    ',', '.', '-', '–', '(', ')', ';', '"', '\u00a0', '\n', '\n\n', '😀', 'é'),
  fc.integer({ min: 0, max: 3_000_000 }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((d) => d.toFixed(2)),
  fc.string({ maxLength: 6 }),
);
const sentence = fc.array(piece, { maxLength: 25 }).chain((ps) =>
  fc.array(fc.constantFrom(' ', '', '  ', '-'), { minLength: ps.length, maxLength: ps.length }).map((seps) =>
    ps.map((p, i) => p + seps[i]).join('')));

const KINDS = new Set(['money', 'count', 'percent', 'fraction', 'duration', 'measure', 'rank']);
const QUALS = new Set(['exact', 'approx', 'more_than', 'less_than', 'up_to', 'at_least']);

describe('figures: properties', () => {
  it('spans slice from the text, values are finite, fields valid, output deterministic', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const doc = docFromText(text);
        const a = figureStage.run(doc, emptyAnnotations()).figures;
        const b = figureStage.run(doc, emptyAnnotations()).figures;
        expect(b).toEqual(a);
        let prevEnd = 0;
        for (const f of a) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeGreaterThanOrEqual(prevEnd);
          prevEnd = f.end;
          const slice = text.slice(f.start, f.end);
          expect(slice.trim()).toBe(slice);
          expect(Number.isFinite(f.value)).toBe(true);
          if (f.valueMax !== null) {
            expect(Number.isFinite(f.valueMax)).toBe(true);
            expect(f.valueMax).toBeGreaterThan(f.value);
          }
          expect(KINDS.has(f.kind)).toBe(true);
          expect(QUALS.has(f.qualifier)).toBe(true);
          if (f.object !== null) for (const w of f.object.split(' ')) expect(text).toContain(w);
          expect(f.rule.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
