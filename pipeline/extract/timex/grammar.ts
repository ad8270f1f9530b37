// Rule grammar for temporal expressions, after TimeML/TempEval-3 conventions:
// spans include determiners and approximators ("the past two months",
// "about a decade") but not prepositions ("on", "in"); values are TIMEX3.
// Each rule is a regular expression over one sentence plus a normalizer that
// resolves relative expressions against the document creation time (DCT).
import type { TimexType } from '../../types.js';
import {
  LEX, MONTH, MONTH_FULL, WEEKDAY, SEASON, POD, NUM, VAGUE, UNIT, TZ, HOLIDAY, parseNum, COUNT_NOUNS,
} from './lexicon.js';
import {
  type Ymd, addDays, addMonths, epochDay, fmtDay, fmtMonth, fmtWeek, isoWeekday, quarterOf, isValid, easter,
  weekStart,
} from './calendar.js';

export interface Norm {
  type: TimexType;
  value: string;
  /** Offset into the match where the timex starts, when leading words belong to the noun phrase. */
  from?: number;
  /** Offset into the match where the timex ends, when trailing words are a signal ("later"). */
  to?: number;
  /** Last year of a year range ("2011-12"): the value keeps the first year, the hit's dates span both. */
  untilYear?: number;
}

/** What earlier expressions of the same document leave behind for later ones. */
export interface DocState {
  /** The last quarter or half named, for "the quarter", "a year earlier". */
  lastPeriod: { y: number | null; code: string; sentence: number } | null;
  /** The last year named outright ("in 1996", "May 5, 2014"), for "that year", "the following year". */
  lastYear: number | null;
  /** The last full date and month resolved, for "the next day", "the following month". */
  lastDay: Ymd | null;
  /** Sentence index of the expression that set lastDay. */
  lastDaySentence?: number;
  lastMonth: { y: number; m: number } | null;
}

/** Remembers the day and month a resolved value names, as the narrative's reference point. */
export function noteReference(state: DocState, value: string, sentence = 0): void {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T|$)/.exec(value);
  if (!m) return;
  state.lastMonth = { y: +m[1], m: +m[2] };
  if (m[3]) { state.lastDay = { y: +m[1], m: +m[2], d: +m[3] }; state.lastDaySentence = sentence; }
}

export interface Ctx {
  dct: Ymd | null;
  /** Sentence text and its index in the document. */
  sentence: string;
  sentenceIndex: number;
  /** Offset of the match inside the sentence. */
  at: number;
  /** Tense of the verbs nearest the expression. */
  tense: Tense;
  state: DocState;
}

export type Tense = 'future' | 'past' | 'none';

type Groups = Record<string, string | undefined>;

/** A gate that passes when the sentence contains one of `list` (any case; measured faster than lower-casing first). */
function words(list: string[]): RegExp {
  return new RegExp([...new Set(list)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
}

export interface Rule {
  name: string;
  /** Cheap test on the sentence; the full expression runs only when it passes. */
  gate: RegExp;
  re: RegExp;
  /** Context checks that need no document state; false drops the match. */
  check?: (g: Groups, m: RegExpExecArray, s: string) => boolean;
  norm: (g: Groups, ctx: Ctx, m: RegExpExecArray) => Norm | null;
}

const S = '(?<![\\w\'’])';
const E = '(?!\\w)';
// Group offsets ('d' flag) cost time, so only the rules that trim spans ask for them.
const rx = (src: string, indices = false): RegExp => new RegExp(`${S}(?:${src})${E}`, indices ? 'dgi' : 'gi');

// ---------------------------------------------------------------------------
// helpers

const isCap = (w: string | undefined): boolean => !!w && /^[A-Z]/.test(w);
const lc = (w: string | undefined): string => (w ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
const month = (w: string): number => LEX.months[lc(w).replace(/\.$/, '')];
const weekday = (w: string): number => LEX.weekdays[lc(w)];
const pad2 = (n: number): string => String(n).padStart(2, '0');
const unitOf = (w: string): string => {
  const u = lc(w).replace(/-/g, '');
  if (u.startsWith('centur')) return 'C';
  if (u.startsWith('millenni')) return 'ML';
  return LEX.units[u.replace(/s$/, '')] ?? '';
};

/** ISO 8601 duration for n units (n null = unspecified). */
function duration(n: number | null, unit: string): string {
  if (n !== null && !Number.isInteger(n)) {
    // Fractions go down one unit: half an hour = PT30M; with a whole part both are written,
    // as TimeML does: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M; decades and centuries in years.
    // A quarter goes down to months exactly (half a quarter = P1M15D), the others round.
    const down: Record<string, [string, number]> = { Y: ['M', 12], Q: ['M', 3], D: ['H', 24], H: ['MIN', 60], MIN: ['S', 60], M: ['D', 30], W: ['D', 7], E: ['Y', 10], C: ['Y', 100] };
    const d = down[unit];
    if (d) {
      const whole = Math.floor(n);
      if (whole === 0 || unit === 'E' || unit === 'C') return duration(unit === 'Q' ? n * d[1] : Math.round(n * d[1]), d[0]);
      const rest = Math.round((n - whole) * d[1]);
      const first = duration(whole, unit), second = duration(rest, d[0]);
      // PT5H + PT30M = PT5H30M; P1D + PT12H = P1DT12H; P2Y + P6M = P2Y6M
      return first + (first.startsWith('PT') ? second.slice(2) : second.slice(1));
    }
  }
  // TimeBank writes a full day of hours as a day ("the last twenty four hours" = P1D)
  if (unit === 'H' && n === 24) return 'P1D';
  // A fraction left here is written as ISO 8601 allows for the last unit ("every 5.8 seconds" = PT5.8S).
  const k = n === null ? 'X' : String(n);
  switch (unit) {
    case 'H': return `PT${k}H`;
    case 'MIN': return `PT${k}M`;
    case 'S': return `PT${k}S`;
    case 'C': return n === null ? 'PXC' : `P${n * 100}Y`;
    case 'ML': return n === null ? 'PXML' : `P${n * 1000}Y`;
    case 'FN': return n === null ? 'PXW' : `P${n * 2}W`;
    case 'WE': return `P${k}WE`;
    default: return `P${k}${unit}`;
  }
}

const WEEKDAY_SRC = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const FUTURE = new RegExp(String.raw`\b(?:${LEX.futureCues.map((w) => w.replace(/'/g, "['’]").replace(/ /g, '\\s+')).join('|')}|next\s+(?:week|month|year|${WEEKDAY_SRC})|(?:is|are|am)\s+(?!(?:being|continuing|trying|seeking|working|struggling|fighting|considering|weighing|investigating|looking|still)\b)[a-z]+ing)\b|['’]ll\b`, 'gi');
// Past: auxiliaries, irregular and regular past forms (lower-case, so "United" is no verb; "-eed" and "hundred" are not past).
const PAST = new RegExp(String.raw`\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|said|says|ago|last|earlier|been|since|previously|recently|${LEX.pastVerbs.join('|')}|(?!hundred\b)[a-z]{2,}[^e\W]ed)\b`, 'g');
// Where a clause ends: the tense of another clause says nothing about this expression.
const CLAUSE = /[;“”"]|``|''|\s--?\s|—|\b(?:that|which|who|because|while|whereas|but|although|though|and|when|where|if|unless)\b/g;
const NOT_PAST = /^(?:expected|scheduled|planned)$/i;
const DEFERRAL = new RegExp(String.raw`\b(?:${LEX.deferralVerbs.join('|')})\b`, 'i');
const ADJ_BEFORE = /\b(?:a|an|the|its|his|her|their|our|this|these|those|still|so-called|long|much)\s+(?:\w+ly\s+)?$/i;

interface Marker { at: number; end: number; t: Tense }

/** The tense markers of a window, with the participles and infinitives that set no tense left out. */
function markersIn(w: string, a: number, b: number): Marker[] {
  const out: Marker[] = [];
  for (const [re, t] of [[FUTURE, 'future'], [PAST, 'past']] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(w)) !== null) {
      const at = m.index;
      if (at >= a && at < b) continue; // inside the expression itself
      // "expected", "will be named": participles that set no past time
      if (t === 'past' && (NOT_PAST.test(m[0]) || /\bbe(?:ing)?\s+$/i.test(w.slice(Math.max(0, at - 7), at)))) continue;
      // "a still unspecified date", "the revised plan": participles used as adjectives
      if (/ed$/.test(m[0]) && ADJ_BEFORE.test(w.slice(Math.max(0, at - 30), at))) continue;
      // "as previously planned", "a hastily planned trip": the planning, not the event, is dated
      if (t === 'future' && /ed$/.test(m[0]) && /\w+ly\s+$/.test(w.slice(Math.max(0, at - 20), at))) continue;
      // "to meet demand": an infinitive takes its time from the verb that governs it
      if (t === 'future' && /\bto\s+$/i.test(w.slice(Math.max(0, at - 4), at))) continue;
      // "had been due to expire Friday": a plan that lay ahead of a past moment
      const tt: Tense = t === 'future' && /\bhad\s+been\s+$/i.test(w.slice(Math.max(0, at - 12), at)) ? 'past' : t;
      out.push({ at, end: at + m[0].length, t: tt });
    }
  }
  return out;
}

/** Of the markers inside [lo, hi), the tense of the one closest to the expression [a, b). */
function nearestMarker(ms: Marker[], lo: number, hi: number, a: number, b: number): { t: Tense; d: number } {
  let best: Tense = 'none';
  let bestDist = Infinity;
  for (const k of ms) {
    if (k.at < lo || k.end > hi) continue;
    const d = k.at < a ? a - k.end : k.at - b;
    if (d < bestDist) { bestDist = d; best = k.t; }
  }
  return { t: best, d: bestDist };
}

/**
 * Tense an expression is read in: the verb of its own clause governs, the one before
 * it first ("said Tuesday", "will meet Bush on Thursday"), else the one after it
 * ("On Tuesday, the ministers conferred"); failing both, the nearest verb in the sentence.
 */
export function tenseAt(s: string, at: number, end: number): Tense {
  // only a window around the expression is read, so long sentences stay linear
  const lo = Math.max(0, at - 120);
  const w = s.slice(lo, Math.min(s.length, end + 100));
  const a = at - lo, b = end - lo;
  let left = 0, right = w.length;
  CLAUSE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE.exec(w)) !== null) {
    if (m.index + m[0].length <= a) left = m.index + m[0].length;
    else if (m.index >= b) { right = m.index; break; }
  }
  if (/\bahead\s+of\s+(?:the\s+|this\s+)?$/i.test(w.slice(Math.max(0, a - 18), a))) return 'future';
  const ms = markersIn(w, a, b);
  const before = nearestMarker(ms, left, a, a, b);
  // "until Tuesday", "by Friday": a deadline ahead, unless a past verb governs it ("lasted until
  // Monday", "they had not called him a suspect until Thursday"); deferrals still point ahead
  if (/\b(?:until|till|by)\s+$/i.test(w.slice(Math.max(0, a - 8), a)) && !/\bhad\b/i.test(w.slice(left, right))) {
    if (before.t !== 'past' || DEFERRAL.test(w.slice(left, a))) return 'future';
  }
  if (before.t !== 'none') return before.t;
  const after = nearestMarker(ms, b, right, a, b);
  if (after.t !== 'none') return after.t;
  const l = nearestMarker(ms, 0, a, a, b), r = nearestMarker(ms, b, w.length, a, b);
  return l.d <= r.d ? l.t : r.t;
}

/**
 * The occurrence of a yearly date (given per year by `on`) a text means when it
 * names no year. The tense of the nearest verb picks the side of the DCT when
 * that occurrence is under ~9.5 months away; otherwise the one nearest the DCT.
 */
function nearestYear(dct: Ymd, on: (y: number) => Ymd, ctx: Ctx): number {
  const now = epochDay(dct);
  const dist = (y: number) => epochDay(on(y)) - now;
  const years = [dct.y - 1, dct.y, dct.y + 1];
  const LIMIT = 290;
  if (ctx.tense === 'past') {
    const y = years.filter((yy) => dist(yy) <= 0).pop()!;
    if (-dist(y) <= LIMIT) return y;
  } else if (ctx.tense === 'future') {
    const y = years.find((yy) => dist(yy) >= 0)!;
    if (dist(y) <= LIMIT) return y;
  }
  return years.reduce((best, yy) => (Math.abs(dist(yy)) < Math.abs(dist(best)) ? yy : best), dct.y);
}

/** Year for a month(-day) written without one; a bare month in the DCT's month is the DCT's year. */
function yearFor(dct: Ymd, m: number, ctx: Ctx, d?: number): number {
  if (d === undefined && m === dct.m) return dct.y;
  const day = Math.min(d ?? 15, 28);
  return nearestYear(dct, (y) => ({ y, m, d: day }), ctx);
}

/** A weekday relative to the DCT: the latest one (today included) unless the sentence looks ahead. */
function resolveWeekday(dct: Ymd, wd: number, mod: string, ctx: Ctx): Ymd {
  const today = isoWeekday(dct);
  // "this Friday": the coming one, or the one just past when the verb looks back
  if (mod === 'this coming') return addDays(dct, (wd - today + 7) % 7);
  if (mod === 'this') {
    if (ctx.tense === 'past') return addDays(dct, -((today - wd + 7) % 7));
    return addDays(dct, (wd - today + 7) % 7);
  }
  if (mod === 'last' || mod === 'this past' || mod === 'the previous') {
    if (mod === 'the previous') return addDays(dct, -(((today - wd + 7) % 7) || 7) - 7);
    const back = (today - wd + 7) % 7 || 7;
    return addDays(dct, -back);
  }
  if (mod === 'next' || mod === 'the following') {
    const fwd = (wd - today + 7) % 7 || 7;
    return addDays(dct, fwd);
  }
  if (ctx.tense === 'future') return addDays(dct, (wd - today + 7) % 7);
  return addDays(dct, -((today - wd + 7) % 7));
}

function shiftUnit(dct: Ymd, unit: string, n: number): string | null {
  // TIMEX3 has no negative years; anything before year 1 stays unresolved
  const years: Record<string, number> = { D: n / 365, W: n / 52, WE: n / 52, FN: n / 26, M: n / 12, Q: n / 4, Y: n, E: 10 * n, C: 100 * n };
  if (dct.y + (years[unit] ?? 0) < 2) return null;
  switch (unit) {
    case 'D': return fmtDay(addDays(dct, n));
    case 'W': return fmtWeek(addDays(dct, 7 * n));
    case 'WE': return `${fmtWeek(addDays(dct, 7 * n))}-WE`;
    case 'FN': return fmtWeek(addDays(dct, 14 * n));
    case 'M': { const r = addMonths(dct, n); return fmtMonth(r.y, r.m); }
    case 'Q': { const r = addMonths(dct, 3 * n); return `${r.y}-Q${quarterOf(r)}`; }
    case 'Y': return String(dct.y + n).padStart(4, '0');
    case 'E': return String(Math.floor(dct.y / 10) + n).padStart(3, '0');
    case 'C': return String(Math.floor(dct.y / 100) + n).padStart(2, '0');
    default: return null;
  }
}

/** X-filled value of the right granularity when there is no DCT to anchor on. */
function anchorless(unit: string): string {
  switch (unit) {
    case 'D': return 'XXXX-XX-XX';
    case 'W': case 'FN': return 'XXXX-WXX';
    case 'WE': return 'XXXX-WXX-WE';
    case 'M': return 'XXXX-XX';
    case 'Q': return 'XXXX-QX';
    case 'E': return 'XXX';
    case 'C': return 'XX';
    default: return 'XXXX';
  }
}

function withYear(y: number | null, rest: string): string {
  return `${y === null ? 'XXXX' : String(y).padStart(4, '0')}${rest}`;
}

/** Quarter (or half) year when only the ordinal is given: the latest one already begun. */
function periodYear(dct: Ymd | null, code: string): number | null {
  if (!dct) return null;
  const startMonth = code[0] === 'Q' ? (+code[1] - 1) * 3 + 1 : code[0] === 'H' ? (+code[1] - 1) * 6 + 1 : 1;
  return startMonth > dct.m + 1 ? dct.y - 1 : dct.y;
}

function setPeriod(ctx: Ctx, y: number | null, code: string): void {
  // a forecast ("losses through the third quarter of 1990") is not the period being reported on
  if ((y !== null && ctx.dct && y > ctx.dct.y) || ctx.tense === 'future') return;
  ctx.state.lastPeriod = { y, code, sentence: ctx.sentenceIndex };
}

/** The value for "the year-earlier quarter", "a year ago" in a quarterly report. */
function yearBeforePeriod(ctx: Ctx, maxDistance: number): string | null {
  const p = ctx.state.lastPeriod;
  if (!p || ctx.sentenceIndex - p.sentence > maxDistance) return null;
  return withYear(p.y === null ? null : p.y - 1, `-${p.code}`);
}

function pod(w: string | undefined): string {
  return LEX.partsOfDay[lc(w)] ?? '';
}

function hhmm(h: number, min: number, ap: string): string | null {
  const a = ap.toLowerCase().replace(/[.\s]/g, '');
  if (h > 24 || min > 59) return null;
  if (a === 'pm' && h < 12) h += 12;
  if (a === 'am' && h === 12) h = 0;
  return `${pad2(h)}:${pad2(min)}`;
}

/** The date an anchor phrase ("Wednesday", "yesterday", "Nov. 9") names, or the DCT. */
function anchorDate(anchor: string | undefined, ctx: Ctx): string {
  const dct = ctx.dct;
  const a = lc(anchor).replace(/^on\s+/, '');
  if (!dct) return 'XXXX-XX-XX';
  if (!a) {
    // a clock time alone belongs to the day the story has just named ("Slepian was shot Friday ... at 10 p.m.")
    const ref = ctx.state.lastDay;
    if (ref && ctx.state.lastDaySentence !== undefined && ctx.sentenceIndex - ctx.state.lastDaySentence <= 2) return fmtDay(ref);
    return fmtDay(dct);
  }
  if (a === 'today' || a === 'tonight' || a === 'this') return fmtDay(dct);
  if (a === 'yesterday' || a === 'last') return fmtDay(addDays(dct, -1));
  if (a === 'tomorrow') return fmtDay(addDays(dct, 1));
  if (LEX.weekdays[a]) return fmtDay(resolveWeekday(dct, LEX.weekdays[a], '', ctx));
  const md = /^([a-z]+\.?)\s+(\d{1,2})/.exec(a);
  if (md && month(md[1])) {
    const m = month(md[1]);
    const r = { y: yearFor(dct, m, ctx, +md[2]), m, d: +md[2] };
    if (isValid(r)) return fmtDay(r);
  }
  return fmtDay(dct);
}

const REFS: Record<string, string> = {};
for (const w of LEX.presentRef) REFS[w] = 'PRESENT_REF';
for (const w of LEX.pastRef) REFS[w] = 'PAST_REF';
for (const w of LEX.futureRef) REFS[w] = 'FUTURE_REF';

const YEAR = '(?:1[6-9]|20)\\d\\d';
const DAYNUM = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const EDGE = '(?:early|late|mid|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of|the\\s+turn\\s+of|end\\s+of|start\\s+of)';
const MONTH_PRE_OK = new Set(['in', 'on', 'by', 'since', 'until', 'till', 'through', 'during', 'from', 'to', 'of', 'before', 'after',
  'early', 'late', 'mid', 'last', 'this', 'next', 'and', 'or', 'between', 'for', 'since', 'until', 'into', 'as', 'each', 'every']);

/** True for a headline written in title case or capitals ("Talks Resume Next Week"). */
function titleCase(s: string): boolean {
  const ws = s.match(/[A-Za-z][\w'’-]*/g) ?? [];
  const caps = ws.filter((w) => /^[A-Z]/.test(w)).length;
  return ws.length > 0 && caps / ws.length > 0.6;
}

/** The word just before the match, lower-cased. */
function prevWord(s: string, at: number): string {
  const m = /([\w’'-]+)[\s,]*$/.exec(s.slice(Math.max(0, at - 30), at));
  return m ? m[1] : '';
}
function nextWord(s: string, end: number): string {
  const m = /^\s*([\w’'-]+)/.exec(s.slice(end, end + 30));
  return m ? m[1] : '';
}

const HOLIDAY_GATE = words([...new Set(Object.keys(LEX.holidays).map((h) => h.split(' ')[0].replace(/['’]s$/, '')))]);

// Month names start with a capital (or are all caps); "may" and "march" in lower case are words.
const MONTH_GATE = words(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);

/**
 * A month name in lower case is accepted only with a day or a year beside it and
 * when it is no everyday word ("may", "march"), or when `strong` (a year or an ordinal day) says so.
 */
function monthOk(mon: string | undefined, strong: boolean): boolean {
  if (isCap(mon)) return true;
  const k = lc(mon).replace(/\.$/, '');
  if (k.length < 4 && !/\.$/.test(mon ?? '')) return false; // bare "jan", "dec" in lower case
  return strong || !LEX.ambiguousMonths.includes(k);
}
const REF_GATE = words(Object.keys(REFS).map((w) => w.split(' ').pop()!));

// ---------------------------------------------------------------------------
// rules, in priority order for spans of equal length

export const RULES: Rule[] = [
  {
    name: 'time_clock',
    gate: /\d\s*(?:[ap]\.?m|o'clock|in\s+the)|\d[:.][0-5]\d(?!\d)|\d{4}\s+(?:GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|local)/i,
    re: rx(`(?:(?<pre>${WEEKDAY}|today|tonight|yesterday|tomorrow)(?:\\s+at|,)?\\s+)?(?:(?<mod>about|around|approximately|roughly|shortly\\s+(?:after|before)|just\\s+(?:after|before))\\s+)?(?<h>[012]?\\d)(?:[:.](?<min>[0-5]\\d))?\\s*(?:(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)|(?<oc>o'clock)|in\\s+the\\s+(?<pd>morning|afternoon|evening))(?:\\s+(?<tz>${TZ}))?(?:,?\\s+(?:on\\s+)?(?<anchor>${WEEKDAY}|today|tonight|yesterday|tomorrow|${MONTH}\\s+${DAYNUM}))?|(?<h2>[012]?\\d)[:.](?<min2>[0-5]\\d)\\s+(?<tz2>${TZ})(?:,?\\s+(?:on\\s+)?(?<anchor2>${WEEKDAY}|today|yesterday|tomorrow))?|(?<h4>[01]\\d|2[0-3])(?<min4>[0-5]\\d)\\s+(?<tz4>GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|local\\s+time)(?:,?\\s+(?:on\\s+)?(?<anchor4>${WEEKDAY}|today|yesterday|tomorrow))?|(?<=\\b(?:at|from|until|till|by|before|after)\\s)(?<h3>[01]?\\d|2[0-4])[:](?<min3>[0-5]\\d)(?!\\s*(?:[ap]\\.?m|%|-\\d))`),
    check: (g, m, s) => {
      if (g.ap && /^(am|pm)$/i.test(g.ap) && g.ap !== g.ap.toLowerCase() && g.ap !== g.ap.toUpperCase()) return false;
      if (g.ap && /^am$/.test(g.ap) && !g.min) return /\d\s*am/.test(m[0]) && !/^\s*[A-Z]/.test(s.slice(m.index + m[0].length));
      const anchor = g.anchor ?? g.anchor2;
      return !anchor || !/^[a-z]/.test(anchor) || !LEX.months[lc(anchor).split(/\s/)[0].replace(/\.$/, '')] || monthOk(anchor.split(/\s/)[0], false);
    },
    norm: (g, ctx) => {
      const h = +(g.h ?? g.h2 ?? g.h3 ?? g.h4 ?? 0);
      const min = +(g.min ?? g.min2 ?? g.min3 ?? g.min4 ?? 0);
      let ap = g.ap ?? '';
      if (g.pd) ap = lc(g.pd) === 'morning' ? 'am' : 'pm';
      const t = hhmm(h, min, ap);
      if (!t) return null;
      return { type: 'TIME', value: `${anchorDate(g.anchor ?? g.anchor2 ?? g.anchor4 ?? g.pre, ctx)}T${t}` };
    },
  },
  {
    name: 'time_named',
    gate: words(['noon', 'midnight', 'midday']),
    re: rx(`(?:(?<mod>about|around|shortly\\s+(?:after|before)|just\\s+(?:after|before))\\s+)?(?<w>noon|midnight|midday)(?:\\s+(?:on\\s+)?(?<anchor>${WEEKDAY}|today|tonight|yesterday|tomorrow|${MONTH}\\s+${DAYNUM}))?`),
    check: (g, m, s) => !/^high$/i.test(prevWord(s, m.index)),
    norm: (g, ctx) => {
      const w = lc(g.w);
      return { type: 'TIME', value: `${anchorDate(g.anchor, ctx)}T${w === 'midnight' ? '24:00' : '12:00'}` };
    },
  },
  {
    name: 'date_mdy',
    gate: MONTH_GATE,
    re: rx(`(?:(?<wd>${WEEKDAY}),?\\s+)?(?<mon>${MONTH})\\s+(?<day>${DAYNUM})(?:,?\\s+(?<year>${YEAR}|\\d{4}))?(?!\\s*[,.]?\\d)`),
    check: (g) => monthOk(g.mon, !!g.year || /\D$/.test(g.day!)),
    norm: (g, ctx) => {
      const m = month(g.mon!), d = parseInt(g.day!, 10);
      const y = g.year ? +g.year : ctx.dct ? yearFor(ctx.dct, m, ctx, d) : null;
      if (y !== null && !isValid({ y, m, d })) return null;
      if (y === null && (d > 31 || d < 1)) return null;
      if (g.year) ctx.state.lastYear = y;
      return { type: 'DATE', value: withYear(y, `-${pad2(m)}-${pad2(d)}`) };
    },
  },
  {
    name: 'date_dmy',
    gate: MONTH_GATE,
    re: rx(`(?:(?<wd>${WEEKDAY}),?\\s+)?(?:the\\s+(?=\\d{1,2}(?:st|nd|rd|th)?\\s+of\\s))?(?<day>${DAYNUM})\\s+(?:of\\s+)?(?<mon>${MONTH})(?:,?\\s+(?<year>\\d{4}))?`),
    check: (g) => monthOk(g.mon, !!g.year || /\D$/.test(g.day!)),
    norm: (g, ctx) => {
      const m = month(g.mon!), d = parseInt(g.day!, 10);
      const y = g.year ? +g.year : ctx.dct ? yearFor(ctx.dct, m, ctx, d) : null;
      if (y !== null && !isValid({ y, m, d })) return null;
      if (g.year) ctx.state.lastYear = y;
      return { type: 'DATE', value: withYear(y, `-${pad2(m)}-${pad2(d)}`) };
    },
  },
  {
    name: 'date_numeric',
    gate: /\d[-/.]\d/,
    re: rx(`(?<y>(?:1[89]|20)\\d\\d)-(?<m>0[1-9]|1[0-2])-(?<d>[0-3]\\d)|(?<m2>[0-3]?\\d)[/.](?<d2>[0-3]?\\d)[/.](?<y2>(?:1[89]|20)\\d\\d)|(?<m3>[0-3]?\\d)/(?<d3>[0-3]?\\d)/(?<y3>\\d\\d)`),
    norm: (g, _ctx, mm) => {
      let y = +(g.y ?? g.y2 ?? g.y3!);
      if (y < 100) y += y < 50 ? 2000 : 1900;
      let m = +(g.m ?? g.m2 ?? g.m3!), d = +(g.d ?? g.d2 ?? g.d3!);
      // slashes: US month/day unless the first number cannot be a month; dots: European day.month
      const dotted = g.m2 !== undefined && mm[0].includes('.');
      if ((m > 12 || (dotted && d <= 12)) && d <= 12) [m, d] = [d, m];
      const r = { y, m, d };
      return isValid(r) ? { type: 'DATE', value: fmtDay(r) } : null;
    },
  },
  {
    name: 'date_month_year',
    gate: MONTH_GATE,
    re: rx(`(?:(?<edge>${EDGE})[\\s-]+)?(?<mon>${MONTH})(?:\\s+of|,)?\\s+(?<year>${YEAR})`),
    check: (g) => monthOk(g.mon, true),
    norm: (g, ctx) => {
      ctx.state.lastYear = +g.year!;
      return { type: 'DATE', value: fmtMonth(+g.year!, month(g.mon!)) };
    },
  },
  {
    name: 'date_month',
    gate: MONTH_GATE,
    re: rx(`(?:(?<edge>${EDGE})[\\s-]+)?(?:(?<rel>this\\s+past|this\\s+coming|this|last|next|the\\s+coming|the\\s+past)\\s+)?(?<mon>${MONTH_FULL})(?:,?\\s+(?<rel2>this|last|next)\\s+year)?`),
    check: (g, m, s) => {
      if (!isCap(g.mon)) return false;
      if (g.edge || g.rel || g.rel2) return true;
      const pw = prevWord(s, m.index);
      const nw = nextWord(s, m.index + m[0].length);
      // a month name before a surname is a first name ("August Strindberg", "June Carter")
      const name = /^[A-Z][a-z]+$/.test(nw) && !MONTH_PRE_OK.has(pw.toLowerCase()) && !/^(?:The|A|An|In|On|At|By|For|And|But|This|That|When|After|Before|It|He|She|They|We|I)$/.test(nw);
      if (name) return false;
      const amb = LEX.ambiguousMonths.includes(lc(g.mon));
      if (!amb) return true;
      if (!MONTH_PRE_OK.has(pw.toLowerCase())) return false;
      // after a time preposition, May/March followed by a verb or a name is still not a month
      return !/^(?:be|have|not|also|well|still|need|never|just|soon|or|even)$/i.test(nw) && !(isCap(nw) && !/^(?:and|but|the)$/i.test(nw) && /^[A-Z][a-z]+$/.test(nw) && nw !== 'When');
    },
    norm: (g, ctx) => {
      const m = month(g.mon!);
      const rel = lc(g.rel);
      if (!ctx.dct) return { type: 'DATE', value: `XXXX-${pad2(m)}` };
      let y: number;
      const rel2 = lc(g.rel2);
      if (rel2) return { type: 'DATE', value: fmtMonth(ctx.dct.y + (rel2 === 'last' ? -1 : rel2 === 'next' ? 1 : 0), m) };
      // "last February" written in March is not the month just ended (that would be "last month")
      if (rel === 'last') y = m < ctx.dct.m - 1 ? ctx.dct.y : ctx.dct.y - 1;
      else if (rel === 'this past' || rel === 'the past') y = m < ctx.dct.m ? ctx.dct.y : ctx.dct.y - 1;
      else if (rel === 'next' || rel === 'this coming' || rel === 'the coming') y = m > ctx.dct.m ? ctx.dct.y : ctx.dct.y + 1;
      else if (rel === 'this') y = ctx.dct.y;
      else y = yearFor(ctx.dct, m, ctx);
      return { type: 'DATE', value: fmtMonth(y, m) };
    },
  },
  {
    name: 'holiday',
    gate: HOLIDAY_GATE,
    re: rx(`(?:(?<rel>last|this|next)\\s+)?(?<h>${HOLIDAY})(?:\\s+(?<year>${YEAR}))?`),
    check: (g) => isCap(g.h),
    norm: (g, ctx) => {
      const code = LEX.holidays[lc(g.h)];
      const rel = lc(g.rel);
      const dateIn = (y: number): Ymd => holidayDate(code, y);
      const dct = ctx.dct;
      if (g.year) return { type: 'DATE', value: fmtDay(dateIn(+g.year)) };
      if (!dct) return { type: 'DATE', value: /^\d/.test(code) ? `XXXX-${code}` : 'XXXX-XX-XX' };
      const today = epochDay(dct);
      let y: number;
      if (rel === 'last') y = epochDay(dateIn(dct.y)) < today ? dct.y : dct.y - 1;
      else if (rel === 'next') y = epochDay(dateIn(dct.y)) > today ? dct.y : dct.y + 1;
      else if (rel === 'this') y = dct.y;
      else y = nearestYear(dct, dateIn, ctx);
      return { type: 'DATE', value: fmtDay(dateIn(y)) };
    },
  },
  {
    name: 'decade',
    gate: /\d0['’]?s\b|ties\b/i,
    re: rx(`(?:the\\s+)?(?:(?<edge>early|late|mid)[\\s-]+)?(?:(?<dec>(?:1[0-9]|20)\\d0)['’]?s|['’](?<yy>\\d0)['’]?s|(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))`),
    check: (g, m) => !g.w || /^the\s/i.test(m[0]),
    norm: (g) => {
      if (g.dec) return { type: 'DATE', value: g.dec.slice(0, 3) };
      if (g.yy) return { type: 'DATE', value: `19${g.yy[0]}` };
      const i = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(lc(g.w));
      return { type: 'DATE', value: `19${i + 2}` };
    },
  },
  {
    name: 'century',
    gate: words(['century']),
    re: rx(`(?:the\\s+|this\\s+|last\\s+|next\\s+)?(?:(?<edge>early|late|mid)[\\s-]+)?(?:(?<n>\\d{1,2})(?:st|nd|rd|th)|(?<w>(?:twenty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)))?[\\s-]*century`),
    check: (g, m) => !!(g.n || g.w || /^(?:this|last|next)\s/i.test(m[0])),
    norm: (g, ctx, m) => {
      const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
      let n: number;
      if (g.n) n = +g.n;
      else if (g.w) { const w = lc(g.w); n = w.startsWith('twenty-') ? 20 + words.indexOf(w.slice(7)) + 1 : words.indexOf(w) + 1; }
      else {
        if (!ctx.dct) return { type: 'DATE', value: 'XX' };
        const rel = lc(m[0]).split(' ')[0];
        n = Math.floor(ctx.dct.y / 100) + 1 + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
      }
      if (n < 1 || n > 30) return null;
      return { type: 'DATE', value: String(n - 1).padStart(2, '0') };
    },
  },
  {
    name: 'spoken_year',
    gate: words(['nineteen', 'thousand']),
    re: rx(`(?:the\\s+year\\s+)?(?:nineteen[\\s-]+(?<t>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?<o>one|two|three|four|five|six|seven|eight|nine))?|two\\s+thousand(?:\\s+and)?(?:\\s+(?<o2>one|two|three|four|five|six|seven|eight|nine|ten))?)`),
    check: (g, m) => !!g.t || /^the\s+year/i.test(m[0]) || !!g.o2,
    norm: (g) => {
      if (g.t) return { type: 'DATE', value: String(1900 + (parseNum(g.t) ?? 0) + (g.o ? parseNum(g.o) ?? 0 : 0)) };
      return { type: 'DATE', value: String(2000 + (g.o2 ? parseNum(g.o2) ?? 0 : 0)) };
    },
  },
  {
    name: 'quarter',
    gate: words(['quarter', 'half', 'period', 'q1', 'q2', 'q3', 'q4']),
    re: rx(`(?:(?<det>the|its|their|this|that|last|next|a|his|her|our|each)\\s+)?(?:(?<yr>${YEAR}|this\\s+year['’]s|last\\s+year['’]s|next\\s+year['’]s|the\\s+year['’]s)\\s+)?(?<ya>year-ago\\s+|year-earlier\\s+)?(?<fis>(?:fiscal|calendar)[\\s-]+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|year-ago|year-earlier|same|comparable|corresponding|june|september|december|march)[\\s-]+(?:fiscal[\\s-]+)?(?<q>quarter|half|period)(?<pl>s)?(?:\\s+(?:of\\s+)?(?:(?<yr2>${YEAR})|(?<rely>this|last|next)\\s+year|(?:fiscal\\s+)?(?<yr3>${YEAR})))?|(?<det2>the|this|that|its|their)\\s+(?<q2>quarter|half|period)(?![\\s-]*(?:of|century|mile|point|hour|final|finals|to)\\b|-)|(?<det3>the|its|their)\\s+(?<yr4>${YEAR})\\s+(?:fiscal\\s+)?(?<q3>quarter|period)|(?<qx>Q[1-4])(?:\\s+(?<yq>${YEAR}))?`, true),
    check: (g, m, s) => {
      const ord = lc(g.ord);
      if (g.q && lc(g.q) === 'period' && !['latest', 'year-ago', 'year-earlier', 'same', 'comparable', 'corresponding', 'current', 'previous'].includes(ord)) return false;
      if (['june', 'september', 'december', 'march'].includes(ord) && !(lc(g.q) === 'quarter' && isCap(g.ord))) return false;
      if (g.q2 && lc(g.q2) === 'period' && lc(g.det2) !== 'the') return false;
      if (g.q2 && lc(g.q2) === 'half') return false;
      if (g.q2 && lc(g.q2) === 'period' && !/quarter|earnings|profit|revenue|sales|loss|income|results/i.test(s)) return false;
      if (g.qx && !/^Q/.test(g.qx)) return false;
      return !(ord === 'first' && lc(g.q) === 'half' && /^\s*of\s+(?:the\s+)?(?:game|match|century|decade)/i.test(s.slice(m.index + m[0].length)));
    },
    norm: (g, ctx, m) => {
      const dct = ctx.dct;
      const ord = lc(g.ord);
      const q = lc(g.q ?? g.q2 ?? 'quarter');
      if (g.yr4) {
        const y = +g.yr4;
        const p = ctx.state.lastPeriod;
        if (lc(g.q3) === 'period' && (!p || p.code[0] !== 'Q')) return { type: 'DATE', value: String(y) };
        return { type: 'DATE', value: p ? `${y}-${p.code}` : `${y}-QX` };
      }
      if (g.qx) {
        const code = g.qx.toUpperCase();
        const y = g.yq ? +g.yq : periodYear(dct, code);
        setPeriod(ctx, y, code);
        return { type: 'DATE', value: withYear(y, `-${code}`) };
      }
      if (g.pl && !g.det) return null;
      if (g.pl) return { type: 'SET', value: `XXXX-Q${parseNum(ord) ?? 'X'}` };
      // explicit year
      let y: number | null = null;
      const yr = lc(g.yr);
      if (g.yr2 || g.yr3 || /^\d/.test(yr)) y = +(g.yr2 ?? g.yr3 ?? yr);
      else if (yr.startsWith('this') || g.rely === 'this') y = dct?.y ?? null;
      else if (yr.startsWith('last') || lc(g.rely) === 'last') y = dct ? dct.y - 1 : null;
      else if (yr.startsWith('next') || lc(g.rely) === 'next') y = dct ? dct.y + 1 : null;
      const explicit = y !== null || /^(?:this|last|next)/.test(yr) || !!g.rely;
      const letter = q === 'half' ? 'H' : 'Q';
      const ordinals: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, march: 1, june: 2, september: 3, december: 4 };
      let n = ordinals[ord];
      if (letter === 'H' && ord === 'last') n = 2;
      if (n !== undefined) {
        if (letter === 'H' && n > 2) return null;
        const code = `${letter}${n}`;
        if (!explicit) y = periodYear(dct, code);
        if (g.ya && y !== null) y -= 1; // "the year-ago third quarter"
        setPeriod(ctx, y, code);
        // "its fourth quarter", "a third-quarter loss": the determiner belongs to the noun phrase
        const gi = m.indices?.groups ?? {};
        const det = lc(g.det);
        const hyphen = /-$/.test(ctx.sentence.slice(gi.ord![1], gi.q![0]));
        let from: number | undefined;
        if (det && (det !== 'the' || hyphen) && det !== 'this' && det !== 'last' && det !== 'next') from = (gi.yr ?? gi.fis ?? gi.ord)![0] - m.index;
        return { type: 'DATE', value: withYear(y, `-${code}`), from };
      }
      // "the quarter", "the latest period", "the year-ago quarter", "the current quarter"
      if (ord === 'year-ago' || ord === 'year-earlier' || ord === 'same' || ord === 'comparable' || ord === 'corresponding') {
        const v = yearBeforePeriod(ctx, 1000);
        if (v) return { type: 'DATE', value: v };
        if (!dct) return { type: 'DATE', value: `XXXX-${letter}X` };
        const prev = shiftUnit(dct, 'Q', -1)!;
        return { type: 'DATE', value: `${+prev.slice(0, 4) - 1}${prev.slice(4)}` };
      }
      if (letter === 'H') {
        if (!dct) return { type: 'DATE', value: 'XXXX-HX' };
        const h = dct.m <= 6 ? 1 : 2;
        const code = ord === 'current' || (!ord && !explicit) ? `H${h}` : `H${h === 1 ? 2 : 1}`;
        const yy = ord === 'current' ? dct.y : h === 1 && code === 'H2' ? dct.y - 1 : dct.y;
        return { type: 'DATE', value: `${y ?? yy}-${code}` };
      }
      if (ord === 'current') {
        if (!dct) return { type: 'DATE', value: 'XXXX-QX' };
        const v = shiftUnit(dct, 'Q', 0)!;
        return { type: 'DATE', value: v };
      }
      if (ord === 'last' || ord === 'previous' || ord === 'final') {
        if (!dct) return { type: 'DATE', value: 'XXXX-QX' };
        if (ord === 'final') return { type: 'DATE', value: withYear(y ?? dct.y, '-Q4') };
        return { type: 'DATE', value: shiftUnit(dct, 'Q', -1)! };
      }
      // "the quarter": the one last named, else (and for "the latest quarter") the last one completed.
      const p = ctx.state.lastPeriod;
      if (p && p.code[0] === 'Q' && ord !== 'latest') return { type: 'DATE', value: withYear(p.y, `-${p.code}`) };
      if (!dct) return { type: 'DATE', value: 'XXXX-QX' };
      return { type: 'DATE', value: shiftUnit(dct, 'Q', -1)! };
    },
  },
  {
    name: 'year_range',
    gate: /\d\d\s*[-–—]\s*\d\d/,
    re: rx(`(?<y1>${YEAR})\\s*[-–—]\\s*(?<y2>${YEAR}|\\d\\d)(?![\\d%])`),
    check: (g, m, s) => {
      const before = s.slice(Math.max(0, m.index - 2), m.index);
      if (/[$€£#\d]$/.test(before) || /\d[.,:/]$/.test(before)) return false;
      return !COUNT_NOUNS.has(nextWord(s, m.index + m[0].length).toLowerCase());
    },
    norm: (g, ctx) => {
      const y1 = +g.y1!;
      const y2 = g.y2!.length === 2 ? Math.floor(y1 / 100) * 100 + +g.y2! + (+g.y2! < y1 % 100 ? 100 : 0) : +g.y2!;
      if (y2 <= y1 || y2 - y1 > 100) return null;
      ctx.state.lastYear = y2;
      return { type: 'DATE', value: String(y1), untilYear: y2 };
    },
  },
  {
    name: 'year',
    gate: /(?:1[6-9]|20)\d\d/,
    re: rx(`(?:(?<edge>${EDGE}|the\\s+(?:first|second|last)\\s+half\\s+of|(?:the\\s+)?(?:spring|summer|fall|autumn|winter)(?:\\s+of)?)[\\s-]+)?(?:(?<fy>fiscal|calendar|the\\s+year|FY|model\\s+year)[\\s-]*)?(?<year>${YEAR})(?!\\s*[%$€£]|[,.]\\d|\\s*-\\s*\\d|[:/]\\d|\\s+percent|\\s+per\\s+cent)`),
    check: (g, m, s) => {
      const before = s.slice(Math.max(0, m.index - 2), m.index);
      if (/[$€£#\d]$/.test(before) || /\d[.,:/]$/.test(before)) return false;
      if (/-$/.test(before) && !g.edge) return false;
      const nw = nextWord(s, m.index + m[0].length);
      if (COUNT_NOUNS.has(nw.toLowerCase())) return false;
      if (!g.edge && !g.fy) {
        const pw = prevWord(s, m.index).toLowerCase();
        if (/^(?:no|nos|number|flight|route|room|highway|article|resolution|page|pages|code|version|chapter|section|paragraph|item|apartment|suite|box|bus|tel|phone|about|nearly|almost|approximately|roughly|some|over|than|least|just|another|additional|extra|estimated|total|only|all|those|these|the|with|top)$/.test(pw)) {
          // "the 1990 budget" is a year; "the 1500 troops" is not (caught above); keep "the" + year.
          if (pw !== 'the') return false;
        }
        // A bare number followed by a plural word ("2000 protesters") is a count.
        if (/^[a-z]+s$/.test(nw) && !/^(?:was|has|is|as|its|this|his|levels|figures|elections|olympics|games|results|prices|rates|standards|terms|dollars)$/.test(nw) && /^(?:the|about|some|over|nearly|almost|than|of|around|by)$/.test(pw)) return false;
      }
      return true;
    },
    norm: (g, ctx) => {
      const y = +g.year!;
      ctx.state.lastYear = y;
      const edge = lc(g.edge);
      const season = /(spring|summer|fall|autumn|winter)/.exec(edge);
      if (season) return { type: 'DATE', value: `${y}-${LEX.seasons[season[1]]}` };
      const half = /(first|second|last) half/.exec(edge);
      if (half) return { type: 'DATE', value: `${y}-H${half[1] === 'first' ? 1 : 2}` };
      return { type: 'DATE', value: String(y) };
    },
  },
  {
    name: 'season',
    gate: words(['spring', 'summer', 'fall', 'autumn', 'winter']),
    re: rx(`(?:(?<edge>early|late|mid)[\\s-]+)?(?:(?<rel>this\\s+past|this\\s+coming|this|last|next|the\\s+coming|the\\s+past|the)\\s+)?(?<s>${SEASON})(?<pl>s)?`),
    check: (g, m, s) => {
      if (!g.rel && !g.edge) return false;
      if (lc(g.rel) === 'the') {
        // "the summer" only after a preposition: "in the fall", "during the winter".
        const pw = prevWord(s, m.index).toLowerCase();
        if (!/^(?:in|during|over|through|since|until|by|before|after|throughout|into|for)$/.test(pw)) return false;
        if (/^\s*of\b/.test(s.slice(m.index + m[0].length))) return false;
      }
      return true;
    },
    norm: (g, ctx) => {
      const code = LEX.seasons[lc(g.s)];
      if (g.pl) return { type: 'SET', value: `XXXX-${code}` };
      const dct = ctx.dct;
      if (!dct) return { type: 'DATE', value: `XXXX-${code}` };
      const startM: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
      const cur = dct.m >= 3 && dct.m <= 5 ? 'SP' : dct.m >= 6 && dct.m <= 8 ? 'SU' : dct.m >= 9 && dct.m <= 11 ? 'FA' : 'WI';
      const rel = lc(g.rel);
      // the year a winter starts in; January and February belong to the previous year's winter
      const curYear = cur === 'WI' && dct.m <= 2 ? dct.y - 1 : dct.y;
      let y = curYear;
      const order = (c: string) => startM[c] === 12 ? 4 : startM[c] / 3;
      if (rel === 'last' || rel === 'this past' || rel === 'the past') y = order(code) < order(cur) ? curYear : curYear - 1;
      else if (rel === 'next' || rel === 'this coming' || rel === 'the coming') y = order(code) > order(cur) ? curYear : curYear + 1;
      else if ((!rel || rel === 'the') && code !== cur) {
        // a bare season: the last one begun when the text looks back, the next one when it looks ahead,
        // else the one of the calendar year ("in the spring" written in February is the coming spring)
        const begun = code === 'WI' ? dct.y - 1 : startM[code] <= dct.m ? dct.y : dct.y - 1;
        if (ctx.tense === 'past') y = begun;
        else if (ctx.tense === 'future') y = begun + 1;
        else y = code === 'WI' ? (dct.m <= 2 ? dct.y - 1 : dct.y) : dct.y;
      }
      return { type: 'DATE', value: `${y}-${code}` };
    },
  },
  {
    name: 'weekday',
    gate: words(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
    re: rx(`(?:(?<edge>early|late|mid)\\s+)?(?:(?<rel>this\\s+past|this\\s+coming|last|this|next|each|every|the\\s+previous|the\\s+following)\\s+)?(?<wd>${WEEKDAY})(?<pl>s)?(?:(?:\\s+|-)(?<pod>${POD})(?<pl2>s)?)?`),
    check: (g, m, s) => {
      // "the Sunday Times", "Sunday Telegraph": a title, not a day ("on Tuesday Mr Ebbers" is a day)
      const nw = nextWord(s, m.index + m[0].length);
      if (g.rel || g.edge || /^(?:on|by|since|until|till|before|after|from|through|late|early|last|next|this)$/i.test(prevWord(s, m.index))) return true;
      return !(/^[A-Z][a-z]/.test(nw) && !/^\s*,/.test(s.slice(m.index + m[0].length)) && !LEX.months[lc(nw).replace(/\.$/, '')] && !/^(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At)$/.test(nw));
    },
    norm: (g, ctx) => {
      const wd = weekday(g.wd!);
      const rel = lc(g.rel);
      const p = pod(g.pod);
      if (g.pl || g.pl2 || rel === 'each' || rel === 'every') return { type: 'SET', value: `XXXX-WXX-${wd}${p ? `T${p}` : ''}` };
      const date = ctx.dct ? fmtDay(resolveWeekday(ctx.dct, wd, rel, ctx)) : 'XXXX-XX-XX';
      return p ? { type: 'TIME', value: `${date}T${p}` } : { type: 'DATE', value: date };
    },
  },
  {
    name: 'deictic_day',
    gate: words(['today', 'tonight', 'yesterday', 'tomorrow', 'morning', 'afternoon', 'evening', 'night']),
    re: rx(`(?:(?<edge>early|late|mid|later|earlier)[\\s-]+)?(?:(?<pod0>${POD})\\s+)?(?<w>today|tonight|yesterday|tomorrow|the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow)(?:(?:\\s+|-)(?<pod>${POD}))?|(?:(?<edge2>early|late|mid|later|earlier)[\\s-]+)?(?:(?<w2>this|last)\\s+)(?<pod2>${POD}|night)|(?<w3>overnight)`),
    check: (g, m, s) => {
      if (g.w2 && lc(g.w2) === 'last' && lc(g.pod2) !== 'night') return false;
      // capitalised mid-sentence it is a name ("USA Today", "the Today programme")
      if (g.w && /^[A-Z][a-z]/.test(g.w) && m.index > 0 && /[\w,]\s*$/.test(s.slice(0, m.index)) && !g.edge && !g.pod0) return false;
      if (g.w && /^[A-Z][a-z]/.test(g.w) && /^\s+(?:programme|program|show|newspaper)\b/i.test(s.slice(m.index + m[0].length))) return false;
      if (g.w3) return !/^\s*(?:rate|rates|loan|loans|interest|lending|deposit|market|stay)/i.test(s.slice(m.index + m[0].length));
      return true;
    },
    norm: (g, ctx) => {
      const w = lc(g.w ?? g.w2 ?? g.w3);
      const p = pod(g.pod ?? g.pod0 ?? g.pod2) || (w === 'tonight' || w === 'overnight' ? 'NI' : '');
      const dct = ctx.dct;
      let off = 0;
      if (w === 'yesterday' || (w === 'last' && p === 'NI') || w === 'overnight') off = -1;
      else if (w === 'tomorrow') off = 1;
      else if (w === 'the day before yesterday') off = -2;
      else if (w === 'the day after tomorrow') off = 2;
      if (!dct) return p ? { type: 'TIME', value: `XXXX-XX-XXT${p}` } : { type: 'DATE', value: w === 'today' ? 'PRESENT_REF' : 'XXXX-XX-XX' };
      const date = fmtDay(addDays(dct, off));
      return p ? { type: 'TIME', value: `${date}T${p}` } : { type: 'DATE', value: date };
    },
  },
  {
    name: 'relative_unit',
    gate: words(['week', 'month', 'year', 'decade', 'century', 'day', 'fortnight']),
    re: rx(`(?:(?<edge>early|earlier|late|later|mid|${EDGE}|the\\s+rest\\s+of|the\\s+remainder\\s+of|the\\s+(?:first|second|last)\\s+half\\s+of)[\\s-]+)?(?<rel>this\\s+past|this\\s+coming|this|last|next|the\\s+past|the\\s+previous|the\\s+coming|the\\s+next|the\\s+following|the\\s+current|the\\s+latest|the\\s+last|the\\s+same|the\\s+prior|the\\s+preceding|the\\s+full|the\\s+entire|the\\s+whole|that|the)\\s+(?<fiscal>fiscal\\s+|calendar\\s+)?(?<unit>week|month|year|decade|century|weekend|fortnight|day)(?!-)`),
    check: (g, m, s) => {
      const rel = lc(g.rel);
      const unit = lc(g.unit);
      const after = s.slice(m.index + m[0].length);
      // "ABC's \"This Week\"": a capitalised unit mid-sentence is a title
      if (/^[A-Z]/.test(g.unit!) && m.index > 0 && /\S/.test(s.slice(0, m.index)) && !/[.!?]["'”’]?\s*$/.test(s.slice(0, m.index)) && !titleCase(s)) return false;
      if (/^(?:the|that|the same|the full|the entire|the whole)$/.test(rel) && !g.edge) {
        // "the year", "the week": only as a time adverbial, not "the day of the attack"
        if (/^\s+(?:of(?!\s+[$£€\d])|before|after|earlier|later|ago|in|when|that|which|following|to)\b/i.test(after)) return false;
        if (unit === 'day') return rel === 'that' || rel === 'the same';
        if (rel === 'the same' || unit === 'decade' || unit === 'century') return false;
        if (rel === 'that') return unit === 'year' || unit === 'week' || unit === 'month';
        if (rel !== 'the') return unit === 'year';
        const pw = prevWord(s, m.index).toLowerCase();
        if (unit === 'weekend') return true;
        if (!/^(?:during|for|over|throughout|in|on|of)$/.test(pw)) return false;
        return unit === 'year' || unit === 'week' || !!g.fiscal;
      }
      if (unit === 'day' && !/^(?:the next|the following|the previous|the prior|the preceding)$/.test(rel)) return false;
      return true;
    },
    norm: (g, ctx, m) => {
      const rel = lc(g.rel);
      const unit = unitOf(g.unit!);
      const edge = lc(g.edge);
      const dct = ctx.dct;
      const last = ctx.state.lastYear;
      if (unit === 'Y' && rel === 'that') return last !== null ? { type: 'DATE', value: String(last) } : { type: 'DATE', value: 'XXXX' };
      if (unit === 'Y' && !edge) {
        // years counted from the last year named: "that year", "the following year"
        if (rel === 'that') return last !== null ? { type: 'DATE', value: String(last) } : { type: 'DATE', value: 'XXXX' };
        if (rel === 'the following' && last !== null) return { type: 'DATE', value: String(last + 1) };
        if (/^(?:the previous|the prior|the preceding)$/.test(rel) && last !== null && last !== dct?.y) return { type: 'DATE', value: String(last - 1) };
        if (/^(?:the full|the entire|the whole)$/.test(rel) || (rel === 'the' && g.fiscal)) return dct ? { type: 'DATE', value: String(dct.y) } : { type: 'DATE', value: 'XXXX' };
      }
      if (rel === 'that' && unit !== 'D') return { type: 'DATE', value: anchorless(unit) };
      if (rel === 'the' || rel === 'the full' || rel === 'the entire' || rel === 'the whole') {
        if (unit === 'WE') return { type: 'DATE', value: dct ? weekendNear(dct, ctx) : 'XXXX-WXX-WE' };
        // "for the year", "a high for the year", "nine months of the year": the current one;
        // "over the year", "the year ended March 31": a stretch of time
        if (!edge && rel === 'the' && (unit === 'Y' || unit === 'W') && /^(?:for|of|in|on)$/i.test(prevWord(ctx.sentence, ctx.at))
          && !/^(?:ended|ending|to|through)$/i.test(nextWord(ctx.sentence, ctx.at + m[0].length))) {
          return { type: 'DATE', value: dct ? shiftUnit(dct, unit, 0)! : anchorless(unit) };
        }
        if (!edge) return { type: 'DURATION', value: duration(1, unit) };
      }
      if (unit === 'D') {
        // "the next day", "that day": counted from the last date the text gave
        const ref = ctx.state.lastDay;
        if (!ref) return { type: 'DATE', value: 'XXXX-XX-XX' };
        const off = /^(?:the next|the following)$/.test(rel) ? 1 : /^(?:the previous|the prior|the preceding)$/.test(rel) ? -1 : 0;
        return { type: 'DATE', value: fmtDay(addDays(ref, off)) };
      }
      if (unit === 'M' && !edge && ctx.state.lastMonth && /^(?:the following|the previous|the prior|the preceding)$/.test(rel)) {
        const lm = ctx.state.lastMonth;
        const r = addMonths({ y: lm.y, m: lm.m, d: 1 }, rel === 'the following' ? 1 : -1);
        return { type: 'DATE', value: fmtMonth(r.y, r.m) };
      }
      let shift = 0;
      if (/^(?:last|the past|the previous|this past|the last|the prior|the preceding|the latest)$/.test(rel)) shift = -1;
      if (/^(?:next|the coming|the next|the following|this coming)$/.test(rel)) shift = 1;
      if (/^(?:the next|the coming|the following)$/.test(rel) && !edge) {
        return { type: 'DURATION', value: duration(1, unit) };
      }
      if (rel === 'the last' && unit === 'W' && !edge) shift = 0;
      if (unit === 'WE') {
        if (!dct) return { type: 'DATE', value: 'XXXX-WXX-WE' };
        if (rel === 'this' || rel === 'the current') return { type: 'DATE', value: weekendNear(dct, ctx) };
        return { type: 'DATE', value: `${fmtWeek(addDays(dct, 7 * shift))}-WE` };
      }
      if (!dct) return { type: 'DATE', value: anchorless(unit) };
      let v = shiftUnit(dct, unit, shift);
      if (v === null) return null;
      if (/half of/.test(edge) && unit === 'Y') v = `${v}-H${/first/.test(edge) ? 1 : 2}`;
      return { type: 'DATE', value: v };
    },
  },
  {
    name: 'relative_pod',
    gate: words(['morning', 'afternoon', 'evening', 'night']),
    re: rx(`(?<rel>the\\s+next|the\\s+following|the\\s+previous|the\\s+same|that)\\s+(?<pod>${POD})`),
    check: (g, m, s) => !/^\s+(?:of|'s|’s)\b/i.test(s.slice(m.index + m[0].length)),
    norm: (g, ctx) => {
      // "the next morning": a part of the day after the last date the text gave
      const rel = lc(g.rel);
      const ref = ctx.state.lastDay;
      const p = pod(g.pod);
      if (!ref) return { type: 'TIME', value: `XXXX-XX-XXT${p}` };
      const off = /^(?:the next|the following)$/.test(rel) ? 1 : rel === 'the previous' ? -1 : 0;
      return { type: 'TIME', value: `${fmtDay(addDays(ref, off))}T${p}` };
    },
  },
  {
    name: 'pod_bare',
    gate: /\b(?:in|during|by|until|till|from|since|at)\s+(?:the\s+)?(?:early|late|mid)?[\s-]?(?:morning|afternoon|evening)/i,
    // "in the morning", "by mid-afternoon": a part of the day the narrative is on (the last date given, else the DCT)
    re: rx(`(?<=\\b(?:in|during|by|until|till|from|since|at)\\s)(?:the\\s+)?(?:(?<edge>early|late|mid)[\\s-]?)?(?<pod>morning|afternoon|evening)`),
    check: (g, m, s) => {
      if (!/^the\s/i.test(m[0]) && !g.edge) return false;
      // "the morning of March 5", "the morning's session" name their own day
      return !/^\s*(?:of|['’]s|after|before|when|that|session|trading|papers?|shift|news|show|edition|prayers?)\b/i.test(s.slice(m.index + m[0].length));
    },
    norm: (g, ctx) => {
      const ref = ctx.state.lastDay ?? ctx.dct;
      const p = pod(g.pod);
      return { type: 'TIME', value: `${ref ? fmtDay(ref) : 'XXXX-XX-XX'}T${p}` };
    },
  },
  {
    name: 'vague_span',
    gate: /\bat\s+the\s+time\b|\bfor\s+(?:a\s+while|some\s+time|quite\s+some\s+time)\b/i,
    // "at the time" (a past moment the story spoke of); "for a while", "for some time" (an unspecified stretch)
    re: rx(`(?<=\\bat\\s)(?<time>the\\s+time)(?!\\s+(?:of|when|being|to|for|in|and)\\b)|(?<=\\bfor\\s)(?<dur>a\\s+while|some\\s+time|quite\\s+some\\s+time)(?!\\s+(?:to|now)\\b)`),
    norm: (g) => (g.time ? { type: 'DATE', value: 'PAST_REF' } : { type: 'DURATION', value: 'PXX' }),
  },
  {
    name: 'year_adjective',
    gate: /year[\s-]*(?:earlier|ago|end)|year['’]s\s+end/i,
    re: rx(`(?<w>year-earlier|year-ago|year[\\s-]end|year['’]s\\s+end|year\\s+end)`),
    check: (g, m, s) => !/^year[\s-]end/i.test(g.w!) || /^(?:by|at|before|after|until|till|since|around|through|of|the)$/i.test(prevWord(s, m.index)),
    norm: (g, ctx) => {
      const w = lc(g.w);
      if (w.startsWith('year-earlier') || w.startsWith('year-ago')) {
        const v = yearBeforePeriod(ctx, 1000);
        if (v) return { type: 'DATE', value: v };
        return { type: 'DATE', value: ctx.dct ? String(ctx.dct.y - 1) : 'XXXX' };
      }
      return { type: 'DATE', value: ctx.dct ? String(ctx.dct.y) : 'XXXX' };
    },
  },
  {
    name: 'ago',
    gate: words(['ago', 'earlier', 'later', 'before', 'previously', 'from now', 'hence']),
    re: rx(`(?:(?<mod>about|almost|nearly|more\\s+than|less\\s+than|some|roughly|approximately|around|barely|at\\s+least|little\\s+more\\s+than|exactly)\\s+)?(?:(?<num>${NUM})|(?<vague>${VAGUE}))[\\s-]+(?<unit>${UNIT})\\s+(?<dir>ago|earlier|later|before|previously|from\\s+now|hence)`, true),
    check: (g, m, s) => {
      const dir = lc(g.dir);
      if (dir === 'before' || dir === 'later' || dir === 'earlier') {
        // "two days before the vote" is a duration linked by a signal; only a clause-final one is a date.
        const rest = s.slice(m.index + m[0].length);
        if (/^\s+(?:the|a|an|his|her|their|its|this|that|he|she|they|it|we|i|you|being|[A-Z])/.test(rest)) return false;
      }
      return true;
    },
    norm: (g, ctx, m) => {
      const unit = unitOf(g.unit!);
      const n = g.num ? parseNum(g.num) : null;
      const dir = lc(g.dir);
      const sign = /^(?:later|from now|hence)$/.test(dir) ? 1 : -1;
      const dct = ctx.dct;
      if (dir === 'later' || dir === 'before') {
        // "three days later": TimeML marks the amount of time; the anchor is some other event
        const gi = m.indices?.groups ?? {};
        const endAt = (gi.unit ?? gi.num)![1] - m.index;
        return { type: 'DURATION', value: duration(n, unit), to: endAt };
      }
      if (unit === 'Y' && n === 1 && sign < 0) {
        const v = yearBeforePeriod(ctx, 5);
        if (v) return { type: 'DATE', value: v };
      }
      if (!dct) return { type: 'DATE', value: n === null ? (sign < 0 ? 'PAST_REF' : 'FUTURE_REF') : anchorless(unit) };
      if (n === null || !Number.isInteger(n)) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
      if (unit === 'H' || unit === 'MIN' || unit === 'S') return { type: 'DATE', value: fmtDay(dct) };
      const v = shiftUnit(dct, unit === 'D' ? 'D' : unit, sign * n);
      return { type: 'DATE', value: v ?? (sign < 0 ? 'PAST_REF' : 'FUTURE_REF') };
    },
  },
  {
    name: 'duration',
    gate: words(['year', 'month', 'week', 'day', 'decade', 'centur', 'quarter', 'hour', 'minute', 'second', 'fortnight', 'millenni']),
    re: rx(`(?:(?<mod>about|almost|nearly|more\\s+than|less\\s+than|fewer\\s+than|under|up\\s+to|at\\s+least|at\\s+most|some|roughly|approximately|around|another|an\\s+additional|a\\s+further|little\\s+more\\s+than|well\\s+over|exactly|the\\s+better\\s+part\\s+of)\\s+)?(?:(?<det>the|its|their|his|her|our|a|this|that|these|those)\\s+)?(?:(?<rel>past|last|next|previous|first|coming|following|final|initial|remaining|entire|full|whole|same|latest|recent|prior|preceding|other)\\s+)?(?:(?<num>${NUM})|(?<vague>${VAGUE}))[\\s-]+(?<unit>${UNIT})(?<suffix>-old|-long)?(?<half>\\s+and\\s+a\\s+half)?`, true),
    check: (g, m, s) => {
      const unit = lc(g.unit);
      const num = lc(g.num);
      const after = s.slice(m.index + m[0].length);
      if (/^(?:years?|months?|weeks?|days?)$/.test(unit) && (/^\s+old\b/.test(after) || /^-olds?\b/.test(after) || lc(g.suffix) === '-old')) return false; // an age
      if (unit === 'quarters' && /-$/.test(s.slice(0, m.indices!.groups!.unit![0]))) return false; // a fraction: "three-quarters"
      if (/^quarters?$/.test(unit) && g.num && /^\s+of\s+(?:the|its|their|his|her|a|an|all|those|these|them|us|our)\b/i.test(after)) return false; // "three quarters of the vote"
      if (/^quarters?$/.test(unit) && /^\d{4}$/.test(num)) return false; // "the 1988 quarter"
      if (/^\d{4}$/.test(num) && /^\s/.test(s.slice(m.indices!.groups!.num![1]))) {
        const n = +num;
        if (n >= 1600 && n <= 2100 && !/^years$/.test(unit)) return false;
      }
      if (/^seconds?$/.test(unit) && (num === 'a' || num === 'an' || !g.num)) return false;
      if ((num === 'a' || num === 'an') && /s$/.test(unit) && !g.half) return false; // "a months-long strike"
      // a capitalised unit inside mixed-case text starts a name or heading ("May 24 Second Test")
      if (/^[A-Z][a-z]/.test(g.unit!)) return false;
      if (/^quarters?$/.test(unit) && !/^(?:the|its|their)$/.test(lc(g.det)) && /^(?:a|an|one)$/.test(num)) return false;
      // "an hour's drive" fine; "a day care" / "one day" idioms are not filtered (rare).
      if (!g.num && g.vague && /^(?:some)$/.test(lc(g.vague)) && /^(?:day|time)$/.test(unit)) return false;
      // "one day" meaning "some day" is FUTURE_REF; leave to the ref rule.
      if (num === 'one' && unit === 'day' && !g.rel && !g.det && !g.mod && !/\d/.test(s)) return false;
      // A determiner + singular unit without number ("a year ago" handled elsewhere).
      return true;
    },
    norm: (g, ctx, m) => {
      const unit = unitOf(g.unit!);
      let n = g.num ? parseNum(g.num) : null;
      if (g.num && lc(g.num) === 'dozens of') n = null;
      if (g.half && n !== null) n += 0.5;
      const det = lc(g.det);
      const rel = lc(g.rel);
      const plural = /s$/i.test(g.unit!) && !/^centur/i.test(g.unit!) || /centuries/i.test(g.unit!);
      // "the first three quarters" of a year, "the past few weeks" etc. stay durations.
      if (g.vague && /couple/.test(lc(g.vague))) n = 2;
      if (g.vague && !/^(?:several|a few|few|a couple of|a couple|couple of|many|some|numerous|countless|a number of|the coming)$/.test(lc(g.vague))) n = null;
      if (n === null && !plural && g.vague) return null;
      if (unit === 'WE') return { type: 'DURATION', value: duration(n, 'WE') };
      // a SET when "a/per year" follows a quantity: "$5 million a year", "twice a week"
      if (det === '' && /^(?:a|an)$/.test(lc(g.num)) && !g.rel && !g.mod && !g.suffix) {
        const before = ctx.sentence.slice(Math.max(0, ctx.at - 40), ctx.at);
        // "... season after a decade" is no rate: a preposition governs the unit
        if (!/\b(?:after|before|for|in|within|over|than|about|from|by|of|since|during|into|under|nearly|almost|only|just)\s*$/i.test(before) && /(?:\d[\d,.]*[a-z]*|\b(?:days|hours|nights|shifts|times|twice|once|thrice|percent|cent|dollars|euros|pounds|million|billion)|%)(?:\s+[a-z]+){0,2}\W*$/i.test(before)) {
          return { type: 'SET', value: duration(1, unit) };
        }
      }
      // Leading words that belong to the noun phrase rather than the timex:
      // "a five-year low", "its two-year plan", "over the last three months".
      const gi = m.indices?.groups ?? {};
      let from: number | undefined;
      const adjectival = !!g.num && (/-$/.test(ctx.sentence.slice(gi.num![1], gi.unit![0])) || (!plural && n !== 1 && n !== null));
      if (adjectival && gi.num) from = gi.num[0] - m.index;
      // "a decade-long run": the article belongs to the noun
      else if (g.suffix && /^(?:a|an)$/i.test(g.num ?? '') && gi.unit) from = gi.unit[0] - m.index;
      else if (g.mod && gi.det && /^(?:over|under|only|just|another)$/i.test(lc(g.mod)) && /^(?:the|its|their|this|that|these|those)$/.test(det)) from = gi.det[0] - m.index;
      else if (gi.mod && /^(?:over|under)$/i.test(lc(g.mod)) && g.rel) from = (gi.det ?? gi.rel)![0] - m.index;
      // "expected to last six weeks", "could last two years": the verb, not "the last"
      else if (!g.det && !g.mod && rel === 'last' && gi.num && /\b(?:to|will|would|could|can|may|might|should|must|not|n't)\s+$/i.test(ctx.sentence.slice(Math.max(0, ctx.at - 10), ctx.at))) from = gi.num[0] - m.index;
      return { type: 'DURATION', value: duration(n, unit), from };
    },
  },
  {
    name: 'bare_units',
    gate: /(?:hours|days|weeks|months|years|minutes|decades)\s+(?:later|earlier|ago|after|before|ahead)|s-long/i,
    // "Hours later", "days before the vote": an unspecified number of units; "months ago" a past moment;
    // "the weeks ahead" a stretch to come; "a decades-long feud" a stretch of some length
    re: rx(`(?<unit>hours|days|weeks|months|years|minutes|decades)\\s+(?<dir>later|earlier|ago|after|before)|the\\s+(?:coming\\s+)?(?<unit2>days|weeks|months|years)\\s+ahead|(?<unit3>days|weeks|months|years|decades|centuries)-long`),
    check: (g, m, s) => {
      if (g.unit2 || g.unit3) return true;
      const pw = prevWord(s, m.index);
      // a counted or ordered set of units is another rule's, or no timex ("the first days after")
      return !/^(?:the|a|an|few|several|many|some|of|first|last|final|early|these|those|his|her|their|its|our|\d[\d,.]*|\w*(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|dozen|hundred)|\w+ing)$/i.test(pw);
    },
    norm: (g) => {
      if (g.unit2 || g.unit3) return { type: 'DURATION', value: duration(null, unitOf(g.unit2 ?? g.unit3!)) };
      const unit = unitOf(g.unit!);
      if (lc(g.dir) === 'ago') return { type: 'DATE', value: 'PAST_REF' };
      return { type: 'DURATION', value: duration(null, unit), to: g.unit!.length };
    },
  },
  {
    name: 'duration_vague',
    gate: words(['years', 'months', 'weeks', 'days', 'decades', 'hours', 'minutes', 'centuries', 'quarters']),
    re: rx(`(?:(?<q>recent|the\\s+past|the\\s+last|the\\s+next|the\\s+coming|past|coming)\\s+)?(?<unit>years|months|weeks|days|decades|hours|minutes|centuries|quarters)`),
    check: (g, m, s) => {
      if (g.q) return true;
      // bare plural: only after "for" ("for years") or as "in years"
      const pw = prevWord(s, m.index).toLowerCase();
      if (!/^(?:for|in|within)$/.test(pw) || lc(g.unit) === 'quarters') return false;
      const nw = nextWord(s, m.index + m[0].length).toLowerCase();
      return !/^(?:of|ago|old|later|earlier)$/.test(nw);
    },
    norm: (g) => ({ type: 'DURATION', value: duration(null, unitOf(g.unit!)) }),
  },
  {
    name: 'set',
    gate: words([...Object.keys(LEX.setAdverbs), 'every', 'each', 'once', 'twice', 'times', 'per ']),
    re: rx(`(?<adv>${Object.keys(LEX.setAdverbs).join('|')})|(?:every|each)\\s+(?:other\\s+)?(?:(?<num>${NUM})\\s+)?(?<unit>${UNIT}|${MONTH_FULL}|${SEASON}|${POD})|(?:once|twice|three\\s+times|several\\s+times)\\s+(?:a|per|every)\\s+(?<unit2>year|month|week|day|quarter|decade)|per\\s+(?<unit3>year|month|week|day|quarter|hour|annum)`),
    check: (g, m, s) => {
      if (g.adv) {
        if (isCap(g.adv) && m.index > 0) return false; // a name ("the Daily Telegraph")
        const nw = nextWord(s, m.index + m[0].length);
        if (/^[A-Z]/.test(nw)) return false;
        // used as an adjective ("quarterly dividend", "annual report") it names no time;
        // "daily", "weekly", "nightly" before a noun still give a frequency ("a daily rally")
        if (!/^(?:daily|weekly|nightly)$/i.test(g.adv) && /^\s+[a-z]/.test(s.slice(m.index + m[0].length)) && !/^(?:and|or|but|to|from|since|until|through|for|in|at|on|by|over|during|with|as|than|basis|is|was|were|are|be|been|while|when|if|after|before)$/.test(nw)) return false;
      }
      return true;
    },
    norm: (g) => {
      if (g.adv) return { type: 'SET', value: LEX.setAdverbs[lc(g.adv)] };
      const u = g.unit ?? g.unit2 ?? g.unit3!;
      const l = lc(u);
      if (LEX.months[l]) return { type: 'SET', value: `XXXX-${pad2(LEX.months[l])}` };
      if (LEX.seasons[l]) return { type: 'SET', value: `XXXX-${LEX.seasons[l]}` };
      if (LEX.partsOfDay[l]) return { type: 'SET', value: `XXXX-XX-XXT${LEX.partsOfDay[l]}` };
      if (l === 'annum') return { type: 'SET', value: 'P1Y' };
      const n = g.num ? parseNum(g.num) ?? 1 : 1;
      return { type: 'SET', value: duration(n, unitOf(u)) };
    },
  },
  {
    name: 'ref',
    gate: REF_GATE,
    re: rx(`(?<w>${Object.keys(REFS).map((w) => w.replace(/ /g, '\\s+')).join('|')})`),
    check: (g, m, s) => {
      const w = lc(g.w);
      const after = s.slice(m.index + m[0].length);
      if (w === 'now' && /^\s*that\b/i.test(after)) return true;
      if (w === 'current' && /^\s+(?:account|accounts|affairs|events|flowing|flows|of|rules|law|laws|president|government|leader|leadership|prime|minister|chairman|chief|head|owner|members|member|champion|champions|holder|holders|version|level|system|form|model|crisis|situation|conditions|status)\b/i.test(after)) return false;
      if (w === 'recent' && /^\s+(?:weeks|months|days|years|decades|quarters)\b/i.test(after)) return false;
      if (w === 'soon' && /^\s+(?:after|as|to\s+be|-)/i.test(after)) return false;
      if (w === 'the past' && /^\s*(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d|decade|year|month|week|day|quarter)/i.test(after)) return false;
      return true;
    },
    norm: (g) => ({ type: 'DATE', value: REFS[lc(g.w)] }),
  },
];

/** A holiday's date in year y: "MM-DD", or a rule ("nth:MM:weekday:n", n = -1 for the last; EASTER; ELECTION). */
function holidayDate(code: string, y: number): Ymd {
  if (code === 'EASTER') return easter(y);
  if (code === 'ELECTION') return addDays(nthWeekday(y, 11, 1, 1), 1); // US: the Tuesday after the first Monday of November
  const r = /^nth:(\d{2}):(\d):(-?\d)$/.exec(code);
  if (r) return nthWeekday(y, +r[1], +r[2], +r[3]);
  return { y, m: +code.slice(0, 2), d: +code.slice(3) };
}

/** The n-th (or with n = -1 the last) given ISO weekday of a month. */
function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  if (n < 0) {
    const last = { y, m, d: new Date(Date.UTC(y, m, 0)).getUTCDate() };
    return addDays(last, -((isoWeekday(last) - wd + 7) % 7));
  }
  const first = { y, m, d: 1 };
  return addDays(first, ((wd - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
}

/** The weekend nearest the DCT: the one just past early in the week, else the coming one. */
function weekendNear(dct: Ymd, ctx: Ctx): string {
  const wd = isoWeekday(dct);
  if (ctx.tense === 'future') return `${fmtWeek(wd >= 6 ? dct : addDays(dct, 7 - wd))}-WE`;
  return `${fmtWeek(wd <= 3 ? addDays(dct, -7) : dct)}-WE`;
}
