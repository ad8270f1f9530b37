import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runEntities } from './entities.helpers.js';

// Random news-like text built from names, ordinary words and punctuation.
const WORDS = ['the', 'minister', 'said', 'on', 'Monday', 'in', 'of', 'and', 'Kenya', "Russia's", 'U.S.', 'Pyongyang', 'fired', 'North', 'Koreans', 'John', 'Smith', ',', 'a', 'spokesman', 'United', 'Nations', 'Security', 'Council', 'UNSC', 'Almost', 'Meanwhile', '"', '(', ')', 'Putin', 'Vladimir', 'Bank', 'Corp.', 'Asia-', 'mark.', 'Moscow', 'Kim', 'Jong-Un', 'é', '—'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((ws) => {
  const s = ws.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
});
const text = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' ')), { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n\n'));

describe('entity stage: properties', () => {
  it('every mention is a trimmed, non-empty span inside one sentence, with a known entity', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { doc, mentions, entities, roles } = runEntities(t);
        const keys = new Set(entities.map((e) => e.entityKey));
        for (const m of mentions) {
          expect(m.end).toBeGreaterThan(m.start);
          expect(t.slice(m.start, m.end)).toBe(m.text);
          expect(m.text).toBe(m.text.trim());
          expect(m.text).not.toMatch(/['’]s$/);
          expect(doc.sentences.some((s) => s.start <= m.start && m.end <= s.end)).toBe(true);
          expect(keys.has(m.entityKey)).toBe(true);
        }
        for (const r of roles) {
          expect(keys.has(r.personKey)).toBe(true);
          if (r.organizationKey) expect(keys.has(r.organizationKey)).toBe(true);
          expect(r.end).toBeGreaterThan(r.start);
        }
        // Entity keys are unique.
        expect(keys.size).toBe(entities.length);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(runEntities(t).ann).toEqual(runEntities(t).ann);
      }),
      { numRuns: 50 },
    );
  });
});

describe('entity stage: arbitrary text', () => {
  it('never throws and keeps every span inside the text and one sentence', () => {
    const chunk = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...WORDS), fc.constantFrom('\n\n', '. ', 'U.S.', "'s", '’', 'ÉCOLE', 'Łódź', '😀', 'NEW YORK'));
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 40 }).map((xs) => xs.join(' ')), (t) => {
        const { doc, mentions } = runEntities(t);
        for (const m of mentions) {
          expect(t.slice(m.start, m.end)).toBe(m.text);
          expect(m.text.length).toBeGreaterThan(0);
          expect(doc.sentences.some((s) => s.start <= m.start && m.end <= s.end)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
