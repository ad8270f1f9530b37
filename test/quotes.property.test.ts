import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docFromText } from '../pipeline/doc.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';
import { findQuotes } from '../pipeline/extract/quotes.js';

// Random articles made of quotes, cue frames, names, plain words and stray marks.
const piece = fc.constantFrom(
  '“We will win,”', '"It is over."', "''Not today,''", '``Maybe,\'\'', '“', '”', '"', "'", '‘', '’',
  'said', 'says', 'told reporters', 'according to', 'he said', 'she added:', 'said that',
  'Ana Ruiz', 'Mr. Cole', 'the ministry', 'Reuters', 'Xinhua news agency', "China's", '‘We will go,’', 'the Clintons’',
  'the', 'plan', 'will', 'fail', 'next', 'year', 'and', 'it', 'seemed',
  ',', '.', ':', '—', '(', ')', '\n\n', '\n', ' ',
);
const article = fc.array(piece, { minLength: 0, maxLength: 60 }).map((parts) => parts.join(' '));

describe('quote stage: properties', () => {
  it('every span lies in the text and slices to a non-blank quote; speaker spans slice to the speaker text', () => {
    fc.assert(
      fc.property(article, (text) => {
        const doc = docFromText(text);
        const quotes = findQuotes(doc, emptyAnnotations());
        for (const q of quotes) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeGreaterThan(q.start);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(q.start, q.end).trim().length).toBeGreaterThan(0);
          expect(['direct', 'partial', 'indirect']).toContain(q.kind);
          if (q.kind !== 'indirect') expect(text.slice(q.start, q.start + 2)).toMatch(/^(?:[“"«„‘]|``|'')/);
          if (q.speakerSpan) {
            expect(q.speakerSpan.end).toBeGreaterThan(q.speakerSpan.start);
            expect(text.slice(q.speakerSpan.start, q.speakerSpan.end)).toBe(q.speakerText);
          }
          expect(q.rule.length).toBeGreaterThan(0);
        }
        // Quoted spans never overlap one another.
        const quoted = quotes.filter((q) => q.kind !== 'indirect');
        for (let i = 1; i < quoted.length; i++) expect(quoted[i].start).toBeGreaterThanOrEqual(quoted[i - 1].end);
      }),
      { numRuns: 300 },
    );
  });

  it('is a pure function of its input', () => {
    fc.assert(
      fc.property(article, (text) => {
        const a = findQuotes(docFromText(text), emptyAnnotations());
        const b = findQuotes(docFromText(text), emptyAnnotations());
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
