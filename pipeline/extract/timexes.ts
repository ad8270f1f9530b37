// Temporal expressions (TimeML TIMEX3) with values normalized against the
// publication date (the document creation time, DCT).
//
// Conventions:
// - Spans follow TimeML/TempEval-3: determiners and approximators belong to the
//   timex ("the past two months", "about a decade"), prepositions do not ("on May 5").
// - value is TIMEX3: 2017-03-06, 2017-03, 2017, 199 (decade), 19 (century), 2017-W10,
//   2017-Q3, 2017-H1, 1998-SU, 2017-03-06T15:00, P10Y, PT5H, PXY, PRESENT_REF ...
// - dateStart/dateEnd are the calendar stretch a DATE or TIME names; precision is the
//   unit both ends align to (weeks: day; quarters, halves, seasons: month; centuries:
//   decade). Durations, sets, REFs and X-filled values have null dates and 'unknown'.
// - Without a publication date nothing relative is resolved (no clock is ever read):
//   "March 6" is XXXX-03-06, "last year" XXXX, "today" PRESENT_REF; written-out years still resolve.
// - Year ranges ("2011-12") keep the first year as value and span both years.
import type { Doc, ExtractStage, TimexHit } from '../types.js';
import { parseYmd, rangeOf } from './timex/calendar.js';
import { RULES, noteReference, tenseAt, type Ctx, type DocState, type Rule } from './timex/grammar.js';

interface Candidate {
  start: number;
  end: number;
  rule: Rule;
  priority: number;
  m: RegExpExecArray;
  sentence: number;
}

const URLISH = /:\/\/|www\.|@|\.(?:com|org|net|gov|html?|php)\b|\/\d{4}\/|\d{4}\/\d/i;

/** True when [start, end) sits inside a URL, e-mail or file path (dates there are not statements). */
function inUrl(s: string, start: number, end: number): boolean {
  // bounded, so a long run without spaces cannot make this quadratic
  let a = start, b = end;
  const lo = Math.max(0, start - 200), hi = Math.min(s.length, end + 200);
  while (a > lo && !/\s/.test(s[a - 1])) a--;
  while (b < hi && !/\s/.test(s[b])) b++;
  return URLISH.test(s.slice(a, b));
}

/** Every rule's matches in one sentence (sentence-relative offsets in `m`). */
function candidates(text: string, sStart: number, sEnd: number, sentence: number): Candidate[] {
  const s = text.slice(sStart, sEnd);
  const out: Candidate[] = [];
  RULES.forEach((rule, priority) => {
    if (!rule.gate.test(s)) return;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(s)) !== null) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      const g = m.groups ?? {};
      if ((!rule.check || rule.check(g, m, s)) && !inUrl(s, m.index, m.index + m[0].length)) {
        out.push({ start: sStart + m.index, end: sStart + m.index + m[0].length, rule, priority, m, sentence });
      }
    }
  });
  return out;
}

/** Longest match wins; on equal length the earlier rule. `base`/`len`: the sentence's offset and length. */
function select(cands: Candidate[], base: number, len: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const taken = new Uint8Array(len);
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let i = c.start - base; i < c.end - base; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start - base, c.end - base);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Finds and normalizes the temporal expressions of a document. */
export function findTimexes(doc: Doc): TimexHit[] {
  const dct = parseYmd(doc.published);
  const state: DocState = { lastPeriod: null, lastYear: null, lastDay: null, lastMonth: null };
  const hits: TimexHit[] = [];
  // The headline is not part of the text, but what it names ("third-quarter profit rose")
  // is what the lead's "a year ago" compares with: read it for reference points only.
  if (doc.title) scan(doc.title, [{ start: 0, end: doc.title.length, index: -1 }], dct, state, null);
  const sentences = doc.sentences.length ? doc.sentences : [{ start: 0, end: doc.text.length, index: 0, paragraph: 0 }];
  scan(doc.text, sentences, dct, state, hits);
  return hits;
}

/** Runs the rules over each sentence of `text`, updating `state`; pushes hits to `out` unless it is null. */
function scan(text: string, sentences: { start: number; end: number; index: number }[], dct: ReturnType<typeof parseYmd>, state: DocState, out: TimexHit[] | null): void {
  for (const sent of sentences) {
    const sText = text.slice(sent.start, sent.end);
    const cands = candidates(text, sent.start, sent.end, sent.index);
    if (!cands.length) continue;
    const chosen = select(cands, sent.start, sent.end - sent.start);
    if (!chosen.length) continue;
    for (const c of chosen) {
      const at = c.start - sent.start;
      const tense = tenseAt(sText, at, c.end - sent.start);
      const ctx: Ctx = { dct, sentence: sText, sentenceIndex: sent.index, at, tense, state };
      const n = c.rule.norm(c.m.groups ?? {}, ctx, c.m);
      if (!n) continue;
      const base = c.start;
      if (n.to !== undefined) c.end = base + n.to;
      if (n.from) c.start = base + n.from;
      const r = n.type === 'DATE' || n.type === 'TIME' ? rangeOf(n.value) : { start: null, end: null, precision: 'unknown' as const };
      if (n.untilYear !== undefined) r.end = `${String(n.untilYear).padStart(4, '0')}-12-31`;
      if (n.type === 'DATE' || n.type === 'TIME') noteReference(state, n.value, sent.index);
      if (!out) continue;
      out.push({
        start: c.start,
        end: c.end,
        type: n.type,
        value: n.value,
        dateStart: r.start,
        dateEnd: r.end,
        precision: r.precision,
        rule: c.rule.name,
      });
    }
  }
}

export const timexStage: ExtractStage<'timexes'> = {
  name: 'timexes',
  fills: ['timexes'],
  run: (doc) => ({ timexes: findTimexes(doc) }),
};
