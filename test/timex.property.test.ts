import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docFromText } from '../pipeline/doc.js';
import { findTimexes } from '../pipeline/extract/timexes.js';

// TIMEX3 values the stage may produce: dates (X-filled parts allowed), weeks,
// quarters/halves/seasons, decades/centuries, times of day, durations, REFs.
const D = '(?:\\d{4}|XXXX)';
const TIMEX3 = new RegExp(
  '^(?:PRESENT_REF|PAST_REF|FUTURE_REF' +
    '|PXX|P(?:\\d+|X)(?:Y|M|W|D|Q|E|C|ML|WE)|PT(?:\\d+|X)(?:H|M|S)' +
    '|P\\d+Y\\d+M|P\\d+M\\d+D|P\\d+W\\d+D|P\\d+DT\\d+H|PT\\d+H\\d+M|PT\\d+M\\d+S' +
    `|${D}(?:-(?:\\d{2}|XX)(?:-(?:\\d{2}|XX))?)?(?:T(?:\\d{2}:\\d{2}|MO|AF|EV|NI))?` +
    `|${D}-W(?:\\d{2}|XX)(?:-WE|-[1-7](?:T(?:MO|AF|EV|NI))?)?` +
    `|${D}-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI)` +
    '|\\d{2,3}|XXX|XX)$',
);

const WORDS = [
  'the', 'on', 'in', 'last', 'next', 'this', 'week', 'weeks', 'year', 'years', 'month', 'ago', 'earlier', 'May', 'may',
  'March', 'march', 'Friday', 'Sunday', 'night', 'morning', 'today', 'yesterday', 'now', 'recent', 'past', 'future',
  'quarter', 'third', 'fourth', 'half', 'first', '1990s', '2015', '1,500', '2000', '12', '5', 'five', 'two', 'a', 'about',
  'daily', 'every', 'day', 'summer', 'fall', 'of', 'p.m.', '3', '10-year', 'century', '19th', 'Theresa', 'troops', ',',
  '.', 'said', 'will', 'was', 'Jan.', 'Sept.', 'fiscal', 'mid-', 'early', 'late', 'Christmas', 'noon', 'later', 'for',
];

const textArb = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((ws) => ws.join(' '));
const publishedArb = fc.option(
  fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2049-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);

describe('timex properties', () => {
  it('every span slices to trimmed, non-empty text; values are TIMEX3; ranges are ordered', () => {
    fc.assert(
      fc.property(textArb, publishedArb, (text, published) => {
        const hits = findTimexes(docFromText(text, published));
        let prevEnd = 0;
        for (const h of hits) {
          const span = text.slice(h.start, h.end);
          expect(h.start).toBeGreaterThanOrEqual(prevEnd);
          expect(h.end).toBeGreaterThan(h.start);
          expect(span).toBe(span.trim());
          expect(span.length).toBeGreaterThan(0);
          expect(h.value).toMatch(TIMEX3);
          expect(['DATE', 'TIME', 'DURATION', 'SET']).toContain(h.type);
          if (h.dateStart !== null || h.dateEnd !== null) {
            expect(h.dateStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(h.dateEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(h.dateStart! <= h.dateEnd!).toBe(true);
            expect(h.precision).not.toBe('unknown');
          } else {
            expect(h.precision).toBe('unknown');
          }
          if (h.type === 'DURATION' || h.type === 'SET') expect(h.dateStart).toBeNull();
          if (/X|_REF/.test(h.value)) expect(h.dateStart).toBeNull();
          // with no publication date only a year written out in the text can anchor a range
          if (published === null && h.dateStart !== null) expect(span).toMatch(/\d{4}|\d0s|century/);
          prevEnd = h.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(textArb, publishedArb, (text, published) => {
        expect(findTimexes(docFromText(text, published))).toEqual(findTimexes(docFromText(text, published)));
      }),
      { numRuns: 100 },
    );
  });

  it('a dated hit lies inside its range and relative ones never depend on the clock', () => {
    fc.assert(
      fc.property(publishedArb.filter((p): p is string => p !== null), (published) => {
        const text = 'It happened yesterday, not today, and again last week.';
        const hits = findTimexes(docFromText(text, published));
        expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['yesterday', 'today', 'last week']);
        expect(hits[1].value).toBe(published);
        expect(hits[0].dateEnd! < published).toBe(true);
        expect(hits[2].dateEnd! < published).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
