// Loads the timex lexicon (data/timex.json) and turns its word lists into
// regular-expression alternations shared by the grammar.
import { dataJson } from '../../lexicon.js';

export interface TimexLexicon {
  months: Record<string, number>;
  /** Month names that are also everyday words (a modal verb, a protest) and need a time preposition. */
  ambiguousMonths: string[];
  weekdays: Record<string, number>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  numbers: Record<string, number>;
  vagueQuantities: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  setAdverbs: Record<string, string>;
  presentRef: string[];
  pastRef: string[];
  futureRef: string[];
  timeZones: string[];
  holidays: Record<string, string>;
  countNouns: string[];
  /** Irregular past-tense verbs, for the tense an undated weekday or month is read in. */
  pastVerbs: string[];
  /** Modal and scheduling phrases that point ahead. */
  futureCues: string[];
  /** Verbs that move something to a later time ("postponed until Tuesday"). */
  deferralVerbs: string[];
}

export const LEX = dataJson<TimexLexicon>('timex.json');

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest-first alternation of phrases; spaces match any run of whitespace. */
export function alt(words: Iterable<string>): string {
  const list = [...new Set(words)].sort((a, b) => b.length - a.length);
  return `(?:${list.map((w) => esc(w).replace(/ /g, '\\s+')).join('|')})`;
}

const monthKeys = Object.keys(LEX.months);
const fullMonths = monthKeys.filter((k) => k.length > 4 || k === 'may' || k === 'june' || k === 'july');
/** Any month name; abbreviations may carry a period ("Sept."). */
export const MONTH = `(?:${alt(fullMonths)}|${alt(monthKeys.filter((k) => !fullMonths.includes(k)))}\\.?)`;
/** Full month names only (a bare abbreviation is too ambiguous on its own). */
export const MONTH_FULL = alt(fullMonths);
export const WEEKDAY = alt(Object.keys(LEX.weekdays));
export const SEASON = alt(Object.keys(LEX.seasons));
export const POD = alt(Object.keys(LEX.partsOfDay).filter((k) => k !== 'overnight'));

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORDNUM = `(?:${alt(TENS)}(?:[\\s-]${alt(ONES)})?|${alt([...TEENS, ...ONES])})`;
/** A cardinal: digits or words, "a"/"an", "a hundred", "two and a half". */
export const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\s+1/2|½)|\\d+(?:\\.\\d+)?|(?:a|one|two|three|several)\\s+(?:hundred|thousand|dozen)|${WORDNUM}(?:\\s+(?:hundred|thousand))?(?:\\s+and\\s+a\\s+half)?|an?(?:\\s+and\\s+a\\s+half)?|half\\s+an?|a\\s+half|a\\s+dozen|dozens\\s+of)`;
export const VAGUE = alt(LEX.vagueQuantities);
export const UNIT = `(?:years?|months?|weeks?|days?|decades?|century|centuries|quarters?|hours?|minutes?|seconds?|fortnights?|weekends?|millennium|millennia)`;
export const TZ = alt(LEX.timeZones);
export const HOLIDAY = alt(Object.keys(LEX.holidays));

const numMap = LEX.numbers;

/** Value of a NUM match; null when it is vague ("several"). */
export function parseNum(raw: string): number | null {
  const s = raw.toLowerCase().replace(/,/g, '').trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const half = /^(\d+)(?:\s+1\/2|½)$/.exec(s);
  if (half) return Number(half[1]) + 0.5;
  if (/^dozens\s+of$/.test(s)) return null;
  if (/^half\s+an?$|^a\s+half$/.test(s)) return 0.5;
  if (/\s+and\s+a\s+half$/.test(s)) {
    const whole = parseNum(s.replace(/\s+and\s+a\s+half$/, ''));
    return whole === null ? null : whole + 0.5;
  }
  let total = 0;
  let cur = 0;
  let seen = false;
  for (const w of s.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w === 'several') return null;
    const v = numMap[w];
    if (v === undefined) return null;
    seen = true;
    if (v === 100 || v === 1000 || v === 12 && w === 'dozen') {
      cur = (cur || 1) * v;
      if (v === 1000) { total += cur; cur = 0; }
    } else if (w === 'a' || w === 'an') {
      cur += 1;
    } else cur += v;
  }
  return seen ? total + cur : null;
}

export const COUNT_NOUNS = new Set(LEX.countNouns);
