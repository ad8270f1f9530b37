// Lookups in lists of spans sorted by start: a binary search, not a scan of the whole
// document once per sentence or per item (which made long documents quadratic).
import type { Span } from '../types.js';

/** Index of the first span whose start is ≥ pos, in a list sorted by start. */
export function firstStartingAt(sorted: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans sorted by start (stably), with the longest one's length: what overlap lookups need. */
export interface SpanIndex<T extends Span> {
  sorted: readonly T[];
  longest: number;
}

export function spanIndex<T extends Span>(spans: readonly T[]): SpanIndex<T> {
  return { sorted: [...spans].sort((a, b) => a.start - b.start), longest: spans.reduce((n, x) => Math.max(n, x.end - x.start), 0) };
}

/** Index of the first span that can reach `pos`: none before it ends after `pos`. */
export function firstReaching<T extends Span>(ix: SpanIndex<T>, pos: number): number {
  return firstStartingAt(ix.sorted, pos - ix.longest);
}

/** The spans overlapping [start, end), in sorted order. */
export function overlapping<T extends Span>(ix: SpanIndex<T>, start: number, end: number): T[] {
  const out: T[] = [];
  for (let k = firstReaching(ix, start); k < ix.sorted.length && ix.sorted[k].start < end; k++) if (ix.sorted[k].end > start) out.push(ix.sorted[k]);
  return out;
}
