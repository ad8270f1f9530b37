import type { EventHit, Modality } from '../../types.js';

/** An event before merging: the hit plus what the merge needs. */
export interface EventCandidate extends EventHit {
  /** Verb lemma naming the action ("deployment" and "deployed" both give "deploy"). */
  actionKey: string;
}

const MODALITY_RANK: Record<Modality, number> = { asserted: 3, reported: 2, hypothetical: 1, negated: 0 };

function filled(e: EventHit): number {
  return [e.actorKey, e.targetKey, e.locationKey, e.dateStart].filter((v) => v !== null).length;
}

function compatibleKey(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

function compatibleDate(a: EventHit, b: EventHit): boolean {
  if (!a.dateStart || !b.dateStart) return true;
  const ae = a.dateEnd ?? a.dateStart;
  const be = b.dateEnd ?? b.dateStart;
  return a.dateStart <= be && b.dateStart <= ae;
}

/**
 * Merge rule: two mentions of one real-world event ("deployed THAAD on March 7" ...
 * "the March 7 deployment") share category and action lemma, do not disagree on
 * actor, target or date, do not disagree on negation, and share at least one
 * filled anchor (actor, target, or a day-precision date). The merged row keeps
 * the evidence with the most filled fields, then the firmest modality, then the
 * earliest position, so that every field of the row is backed by its own span.
 */
export function sameEvent(a: EventCandidate, b: EventCandidate): boolean {
  if (a.category !== b.category || a.actionKey !== b.actionKey) return false;
  if (!compatibleKey(a.actorKey, b.actorKey) || !compatibleKey(a.targetKey, b.targetKey)) return false;
  if (!compatibleDate(a, b)) return false;
  if ((a.modality === 'negated') !== (b.modality === 'negated')) return false;
  const anchor =
    (a.actorKey !== null && a.actorKey === b.actorKey) ||
    (a.targetKey !== null && a.targetKey === b.targetKey) ||
    (a.datePrecision === 'day' && b.datePrecision === 'day' && a.dateStart === b.dateStart);
  return anchor;
}

function better(a: EventCandidate, b: EventCandidate): EventCandidate {
  const fa = filled(a);
  const fb = filled(b);
  if (fa !== fb) return fa > fb ? a : b;
  const ma = MODALITY_RANK[a.modality];
  const mb = MODALITY_RANK[b.modality];
  if (ma !== mb) return ma > mb ? a : b;
  return a.start <= b.start ? a : b;
}

/** The fields sameEvent reads: members alike in these are alike to it. */
function signature(e: EventCandidate): string {
  return JSON.stringify([e.category, e.actionKey, e.actorKey, e.targetKey, e.dateStart, e.dateEnd, e.datePrecision, e.modality === 'negated']);
}

/** The anchors sameEvent needs one of in common: actor, target, or a day-precise date. */
function anchorKeys(e: EventCandidate): string[] {
  const keys: string[] = [];
  if (e.actorKey !== null) keys.push(`a\u0000${e.actorKey}`);
  if (e.targetKey !== null) keys.push(`t\u0000${e.targetKey}`);
  if (e.datePrecision === 'day') keys.push(`d\u0000${e.dateStart}`);
  return keys;
}

export function mergeEvents(cands: EventCandidate[]): EventCandidate[] {
  const groups: EventCandidate[][] = [];
  // Only candidates of one category and action can merge, and only into a group whose first
  // member shares an anchor with them (sameEvent requires one): groups are indexed by those
  // anchors, so a long document does not test every group for every candidate.
  const byAnchor = new Map<string, number[]>();
  // Per group: one member for each distinct combination of the fields sameEvent reads.
  const kinds: Array<Map<string, EventCandidate>> = [];
  for (const c of cands) {
    const anchors = anchorKeys(c).map((a) => `${c.category}\u0000${c.actionKey}\u0000${a}`);
    const seen = new Set<number>();
    for (const a of anchors) for (const gi of byAnchor.get(a) ?? []) seen.add(gi);
    // The first group, in order of creation, that the candidate fits: one test per distinct
    // signature of its members (a long document repeats the same event many times).
    const gi = [...seen].sort((x, y) => x - y).find((i) => [...kinds[i].values()].every((m) => sameEvent(m, c)));
    const sig = signature(c);
    if (gi !== undefined) {
      groups[gi].push(c);
      if (!kinds[gi].has(sig)) kinds[gi].set(sig, c);
    } else {
      groups.push([c]);
      kinds.push(new Map([[sig, c]]));
      for (const a of anchors) {
        const list = byAnchor.get(a) ?? [];
        list.push(groups.length - 1);
        byAnchor.set(a, list);
      }
    }
  }
  return groups.map((members) => members.reduce(better)).sort((x, y) => x.start - y.start || x.trigger.start - y.trigger.start);
}
