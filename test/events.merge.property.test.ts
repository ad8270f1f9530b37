// mergeEvents indexes groups by anchor and tests one member per distinct signature: it must
// give exactly what the plain rule gives (the first group, in order, whose every member is
// the same event as the candidate).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeEvents, sameEvent, type EventCandidate } from '../pipeline/extract/event/merge.js';

function reference(cands: EventCandidate[]): EventCandidate[][] {
  const groups: EventCandidate[][] = [];
  for (const c of cands) {
    const g = groups.find((members) => members.every((m) => sameEvent(m, c)));
    if (g) g.push(c);
    else groups.push([c]);
  }
  return groups;
}

const key = fc.constantFrom(null, 'PERSON:a', 'PERSON:b', 'COUNTRY:c');
const date = fc.constantFrom(null, '2017-03-06', '2017-03-07', '2017-03');
const cand = fc
  .record({
    category: fc.constantFrom('CONSULT', 'ASSAULT'),
    actionKey: fc.constantFrom('meet', 'attack'),
    actorKey: key,
    targetKey: key,
    dateStart: date,
    precision: fc.constantFrom('day', 'month', null),
    negated: fc.boolean(),
    start: fc.nat(1000),
  })
  .map((r): EventCandidate => ({
    start: r.start, end: r.start + 5, text: 'x', action: r.actionKey, category: r.category, actionKey: r.actionKey,
    actorKey: r.actorKey, targetKey: r.targetKey, locationKey: null, dateStart: r.dateStart, dateEnd: null,
    datePrecision: r.dateStart === null ? null : r.dateStart.length === 7 ? 'month' : (r.precision as 'day' | 'month' | null),
    modality: r.negated ? 'negated' : 'asserted', trigger: { start: r.start, end: r.start + 1 }, rule: 'test',
  }) as unknown as EventCandidate);

describe('mergeEvents', () => {
  it('groups exactly as the plain first-fitting-group rule', () => {
    fc.assert(
      fc.property(fc.array(cand, { maxLength: 40 }), (cands) => {
        const groups = reference(cands);
        // Each merged row is one member of one reference group, and there is one row per group.
        const merged = mergeEvents(cands);
        expect(merged).toHaveLength(groups.length);
        for (const row of merged) expect(groups.filter((g) => g.includes(row))).toHaveLength(1);
        expect(new Set(merged.map((row) => groups.findIndex((g) => g.includes(row)))).size).toBe(groups.length);
      }),
      { numRuns: 300 },
    );
  });
});
