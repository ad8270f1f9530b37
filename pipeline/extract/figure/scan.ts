// Finds quantitative claims in a document. A fast regex proposes candidate
// numbers (digits or number words); word numbers are resolved by the
// @microsoft/recognizers-text number model on the candidate alone (running its
// unit models over whole texts is far too slow); the words around each number
// then decide unit, qualifier, range, object and whether it is a claim at all.
import * as RTN from '@microsoft/recognizers-text-number';
import type { Doc, FigureHit, FigureKind, Qualifier, SentenceSpan, TimexHit } from '../../types.js';
import { figureLexicon, type FigureLexicon, type UnitInfo } from './lexicon.js';
import { nounPhraseAfter } from './object.js';
import { firstReaching, spanIndex, type SpanIndex } from '../spans.js';

interface Core {
  start: number;
  end: number;
  value: number;
  /** Made of number words ("four", "two-thirds"). */
  words: boolean;
  /** A scale word or suffix was applied ("11 billion", "5bn"). */
  scaled: boolean;
  /** "m" suffix that could be metres or millions. */
  ambiguousM: boolean;
  ordinal: boolean;
  fraction: boolean;
  /** Plain digits with no separator, decimal or scale (year-like). */
  plainInt: boolean;
  hasComma: boolean;
}

const SP = '[ \\u00a0]';
// Western grouping, Indian grouping (12,34,567), plain digits, or a leading-dot decimal.
const DIGITS = /(?:\d{1,3}(?:,\d{3})+|\d{1,2},(?:\d{2},)+\d{3}|\d+)(?:\.\d+)?|\.\d+/y;
// "1/4", "10 1/2": small common fractions only (never dates such as 3/4/2015).
const SLASH_FRACTION = /\/(\d{1,2})(?![\d/])/y;
const MIXED_FRACTION = /[ \u00a0]+(\d)\/(\d{1,2})(?![\d/])/y;
const VULGAR: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125, '⅕': 0.2 };
const ORD_SUFFIX = /(?:st|nd|rd|th)(?![\p{L}\p{N}])/iuy;
const SCALE_ATTACHED = /(bn|mn|mln|bln|tn|trn|m|k)(?![\p{L}\p{N}])/iuy;
const SCALE_SPACED = new RegExp(`${SP}+(thousand|million|billion|trillion|bn|mn|mln|bln|tn|trn|lakh|crore|dozens?)(?![\\p{L}\\p{N}])`, 'iuy');
const SCALE_SPACED_M = new RegExp(`${SP}(m|k)(?![\\p{L}\\p{N}])`, 'iuy');
const WORD = /[A-Za-z]+/y;
const WORD_SEP = new RegExp(`(?:${SP}+|-)`, 'y');
const PERCENT = new RegExp(`(?:${SP}?%(?:${SP}+(points?))?|${SP}*(?:per${SP}?cent(?:age${SP}+(points?))?|percent(?:age${SP}+(points?))?|pct|percentage${SP}+(points?)))(?![\\p{L}\\p{N}])`, 'iuy');
const RANGE_SEP = new RegExp(`(?:${SP}*(?:-|–|—|~)${SP}*|${SP}+(to|and|or|through|thru)${SP}+)`, 'iy');
const IN_OUT_OF = new RegExp(`${SP}+(?:in|out${SP}+of)${SP}+`, 'iy');
const TOKEN = /[^ \u00a0\n\t]+/g;
const FRACTION_OF_SCALE = new RegExp(`(?:${SP}+of)?${SP}+an?${SP}+(thousand|million|billion|trillion)(?![\\p{L}\\p{N}])`, 'iuy');
const PHONE = /\+?\(?\d{2,5}\)?[ .-]\d{2,4}[ .-]\d{3,4}(?!\d)/y;

let numberModel: RTN.NumberModel | null = null;
const wordValues = new Map<string, { len: number; value: number } | null>();

/** Value of a run of number words, by the recognizer (memoized: same text, same answer). */
function wordValue(run: string): { len: number; value: number } | null {
  const key = run.toLowerCase();
  if (wordValues.has(key)) return wordValues.get(key)!;
  if (!numberModel) numberModel = new RTN.NumberRecognizer(RTN.Culture.English).getNumberModel() as RTN.NumberModel;
  const res = numberModel.parse(key);
  let out: { len: number; value: number } | null = null;
  if (res.length > 0 && res[0].start === 0) {
    const v = Number((res[0].resolution as { value?: string }).value);
    if (Number.isFinite(v)) out = { len: res[0].end + 1, value: v };
  }
  if (wordValues.size > 20000) wordValues.clear();
  wordValues.set(key, out);
  return out;
}

const isLetter = (c: string | undefined) => !!c && /[\p{L}]/u.test(c);
const isDigit = (c: string | undefined) => !!c && c >= '0' && c <= '9';

/** The word just before position p (lower case, trailing period kept) and its start. */
function prevWord(text: string, p: number, floor: number): { word: string; start: number; raw: string } | null {
  let e = p;
  while (e > floor && /[ \u00a0]/.test(text[e - 1])) e--;
  let s = e;
  while (s > floor && /[\p{L}\p{N}.'’#-]/u.test(text[s - 1])) s--;
  if (s === e) return null;
  const raw = text.slice(s, e);
  return { word: raw.toLowerCase(), start: s, raw };
}

function nextWord(text: string, p: number, limit: number): { word: string; start: number; end: number } | null {
  let s = p;
  while (s < limit && /[ \u00a0]/.test(text[s])) s++;
  let e = s;
  while (e < limit && /[\p{L}\p{N}'’-]/u.test(text[e])) e++;
  if (s === e) return null;
  return { word: text.slice(s, e).toLowerCase(), start: s, end: e };
}

class Scanner {
  readonly lex: FigureLexicon;
  readonly cand: RegExp;
  constructor() {
    this.lex = figureLexicon();
    const words = [...this.lex.cardinals, ...this.lex.fractions, ...this.lex.ordinals.keys()].sort((a, b) => b.length - a.length);
    // No 'u' flag: it makes this scan three times slower.
    this.cand = new RegExp(`[\\d½¼¾⅓⅔⅛⅕]|\\.\\d|\\b(?:an?${SP}+(?=(?:dozen|hundred|thousand|million|billion|half|third|quarter)\\b)|(?:${words.join('|')})\\b)`, 'gi');
  }

  /** A number starting at p: digits (with scale) or a run of number words. */
  core(text: string, p: number, limit: number): Core | null {
    if (text[p] in VULGAR) {
      return { start: p, end: p + 1, value: VULGAR[text[p]], words: false, scaled: false, ambiguousM: false, ordinal: false, fraction: true, plainInt: false, hasComma: false };
    }
    if (isDigit(text[p]) || (text[p] === '.' && isDigit(text[p + 1]))) {
      DIGITS.lastIndex = p;
      const m = DIGITS.exec(text);
      if (!m) return null;
      let end = p + m[0].length;
      if (end > limit) return null;
      let value = Number(m[0].replace(/,/g, ''));
      const hasComma = m[0].includes(',');
      const plainInt = /^\d+$/.test(m[0]);
      if (plainInt) {
        SLASH_FRACTION.lastIndex = end;
        const sf = text[end] === '/' && text[p - 1] !== '/' ? SLASH_FRACTION.exec(text) : null;
        if (sf && Number(sf[1]) > value && value > 0) {
          return { start: p, end: SLASH_FRACTION.lastIndex, value: value / Number(sf[1]), words: false, scaled: false, ambiguousM: false, ordinal: false, fraction: true, plainInt: false, hasComma: false };
        }
        MIXED_FRACTION.lastIndex = end;
        const mf = MIXED_FRACTION.exec(text);
        if (mf && Number(mf[2]) > Number(mf[1]) && Number(mf[1]) > 0) {
          value += Number(mf[1]) / Number(mf[2]);
          end = MIXED_FRACTION.lastIndex;
          return { start: p, end, value, words: false, scaled: false, ambiguousM: false, ordinal: false, fraction: false, plainInt: false, hasComma: false };
        }
        if (text[end] in VULGAR) {
          return { start: p, end: end + 1, value: value + VULGAR[text[end]], words: false, scaled: false, ambiguousM: false, ordinal: false, fraction: false, plainInt: false, hasComma: false };
        }
      }
      ORD_SUFFIX.lastIndex = end;
      if (ORD_SUFFIX.exec(text)) {
        return { start: p, end: ORD_SUFFIX.lastIndex, value, words: false, scaled: false, ambiguousM: false, ordinal: true, fraction: false, plainInt, hasComma };
      }
      let scaled = false;
      let ambiguousM = false;
      SCALE_ATTACHED.lastIndex = end;
      let s = SCALE_ATTACHED.exec(text);
      if (s) {
        const w = s[1].toLowerCase();
        value *= this.lex.scaleWords.get(w)!;
        end = SCALE_ATTACHED.lastIndex;
        scaled = true;
        ambiguousM = w === 'm';
      } else {
        SCALE_SPACED.lastIndex = end;
        s = SCALE_SPACED.exec(text);
        if (s && SCALE_SPACED.lastIndex <= limit) {
          value *= this.lex.scaleWords.get(s[1].toLowerCase())!;
          end = SCALE_SPACED.lastIndex;
          scaled = true;
        }
      }
      return { start: p, end, value, words: false, scaled, ambiguousM, ordinal: false, fraction: false, plainInt: plainInt && !scaled, hasComma };
    }
    // Number words: gather the run, let the recognizer read it.
    const lex = this.lex;
    let q = p;
    let runEnd = p;
    let n = 0;
    let fraction = false;
    let first = true;
    while (q < limit) {
      WORD.lastIndex = q;
      const m = WORD.exec(text);
      if (!m) break;
      const w = m[0].toLowerCase();
      const after = q + m[0].length;
      if (after < limit && isLetter(text[after])) break;
      let ok = false;
      if (first && lex.ordinals.has(w)) {
        return { start: p, end: after, value: lex.ordinals.get(w)!, words: true, scaled: false, ambiguousM: false, ordinal: true, fraction: false, plainInt: false, hasComma: false };
      }
      if (lex.cardinals.has(w)) ok = !fraction;
      else if (lex.fractions.has(w)) { ok = first ? /^(half|halves)$/.test(w) || n === 0 : true; fraction = true; }
      else if (first && (w === 'a' || w === 'an')) ok = true;
      else if (w === 'and' && n > 0 && !fraction) {
        // "one hundred and twenty", "two and a half"
        WORD_SEP.lastIndex = after;
        const sep = WORD_SEP.exec(text);
        if (sep) {
          WORD.lastIndex = WORD_SEP.lastIndex;
          const nx = WORD.exec(text);
          const nw = nx?.[0].toLowerCase();
          ok = !!nw && (lex.cardinals.has(nw) || nw === 'a') && !/^(hundred|thousand|million|billion|trillion|dozen)$/.test(nw) && /^(hundred|thousand|million|billion)$/.test(text.slice(p, q).trim().split(/[\s-]+/).pop()!.toLowerCase());
          if (nw === 'a') {
            WORD_SEP.lastIndex = WORD.lastIndex;
            ok = !!WORD_SEP.exec(text) && /^half\b/i.test(text.slice(WORD_SEP.lastIndex, WORD_SEP.lastIndex + 5));
          }
        }
      } else if (w === 'a' && n > 0) ok = true; // "and a half"; a trailing "a" is dropped below
      if (!ok) break;
      if (w !== 'and' && w !== 'a' && w !== 'an') n++;
      runEnd = after;
      first = false;
      q = after;
      WORD_SEP.lastIndex = q;
      if (!WORD_SEP.exec(text)) break;
      q = WORD_SEP.lastIndex;
    }
    if (n === 0) return null;
    const run = text.slice(p, runEnd).replace(/[ \u00a0]+(and|a|an)$/i, '').replace(/[ \u00a0]+(and|a|an)$/i, '');
    const v = wordValue(run);
    if (!v) return null;
    let end = p + Math.min(v.len, run.length);
    const read = text.slice(p, end).toLowerCase();
    const isFraction = /(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)$/.test(read) && v.value < 1;
    let value = v.value;
    let scaled = /(thousand|million|billion|trillion)$/.test(read);
    // "two and a half million": the recognizer misreads the scale after "and a half".
    if (/and a half$/.test(read)) {
      SCALE_SPACED.lastIndex = end;
      const sm = SCALE_SPACED.exec(text);
      if (sm && SCALE_SPACED.lastIndex <= limit && this.lex.scaleWords.has(sm[1].toLowerCase())) {
        value *= this.lex.scaleWords.get(sm[1].toLowerCase())!;
        end = SCALE_SPACED.lastIndex;
        scaled = true;
      }
    }
    return { start: p, end, value, words: true, scaled, ambiguousM: false, ordinal: false, fraction: isFraction, plainInt: false, hasComma: false };
  }

  currencyBefore(text: string, p: number, floor: number): { start: number; iso: string } | null {
    const from = Math.max(floor, p - 16);
    const win = text.slice(from, p);
    const m = this.lex.prefixBefore.exec(win);
    if (m) {
      const form = m[1].toLowerCase();
      const iso = this.lex.prefixes.get(form) ?? this.lex.prefixes.get(form.trim());
      if (iso) return { start: from + m.index + m[0].length - m[0].replace(/^[^\p{L}\p{N}$€£¥₹₽₩₴₺₪₦￥]*/u, '').length, iso };
    }
    const iso = /(?:^|[^\p{L}])([A-Z]{3})[ \u00a0]?$/u.exec(win);
    if (iso && this.lex.isoCodes.has(iso[1])) return { start: from + iso.index + iso[0].length - iso[0].trimStart().replace(/^[^A-Z]/, '').length, iso: iso[1] };
    return null;
  }

  qualifierBefore(text: string, p: number, floor: number): { start: number; q: Qualifier } | null {
    const from = Math.max(floor, p - 30);
    const win = text.slice(from, p);
    const m = this.lex.qualifierBefore.exec(win);
    if (!m) return null;
    const phrase = m[1].toLowerCase();
    const q = this.lex.qualifierOf.get(phrase) as Qualifier | undefined;
    if (!q) return null;
    return { start: from + m.index + m[0].indexOf(m[1]), q };
  }

  /**
   * A unit right after a number: the longest run of up to four following
   * tokens (optional space or hyphen first) found in the unit table. A map
   * lookup per run is much cheaper than one regex over all forms.
   */
  unitAt(text: string, q: number, limit: number): { end: number; info: UnitInfo } | null {
    let p = q;
    if (text[p] === '-') p++;
    else while (p < q + 2 && (text[p] === ' ' || text[p] === '\u00a0')) p++;
    if (p >= limit) return null;
    const toks: Array<{ s: number; e: number }> = [];
    TOKEN.lastIndex = p;
    for (let k = 0; k < 4; k++) {
      const m = TOKEN.exec(text);
      if (!m || m.index >= limit || (k === 0 && m.index !== p) || (k > 0 && !/^[ \u00a0]$/.test(text.slice(toks[k - 1].e, m.index)))) break;
      toks.push({ s: m.index, e: Math.min(limit, m.index + m[0].length) });
    }
    for (let k = toks.length; k >= 1; k--) {
      const head = text.slice(p, toks[k - 1].s).toLowerCase();
      const last = text.slice(toks[k - 1].s, toks[k - 1].e);
      // The last token as is, without trailing punctuation, and before a hyphen.
      const variants: string[] = [last];
      const stripped = last.replace(/[.,;:!?)\]"'’”]+$/, '');
      if (stripped !== last && stripped) variants.push(stripped);
      const dash = stripped.indexOf('-', 1);
      if (dash > 0) variants.push(stripped.slice(0, dash));
      for (const v of variants) {
        const info = this.lex.units.get(head + v.toLowerCase());
        if (!info) continue;
        const e = toks[k - 1].s + v.length;
        // A symbol followed by a number is that number's prefix ("5 £ 6").
        if (!/\p{L}/u.test(v) && /^[ \u00a0]*\d/.test(text.slice(e, e + 3))) continue;
        return { end: e, info };
      }
    }
    return null;
  }
}

let scanner: Scanner | null = null;

interface Pending {
  start: number;
  end: number;
  coreStart: number;
  kind: FigureKind;
  value: number;
  valueMax: number | null;
  unit: string | null;
  qualifier: Qualifier;
  rule: string;
  objectFrom: number;
  objectOf: boolean;
  objectDirect: boolean;
  needObject: boolean;
}

function round(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

/** All figures of one document. `timexes` come from the timex stage (may be empty). */
export function scanFigures(doc: Doc, timexes: readonly TimexHit[]): FigureHit[] {
  if (!scanner) scanner = new Scanner();
  const sc = scanner;
  const lex = sc.lex;
  const text = doc.text;
  const out: FigureHit[] = [];
  const timexIx = spanIndex(timexes);
  for (const sent of doc.sentences) {
    const years: Array<{ start: number; end: number; value: string }> = [];
    const found: Pending[] = [];
    const re = sc.cand;
    // The search stops at the sentence's end: run on the whole text, a sentence without a number
    // sent it on to the next number of the article, which made articles with many such sentences
    // quadratic (0.5 MB of quotes without numbers took 8.4 s).
    const within = text.slice(0, sent.end);
    re.lastIndex = sent.start;
    let consumed = sent.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(within)) !== null) {
      const p = m.index;
      if (p < consumed) { re.lastIndex = Math.max(re.lastIndex, consumed); continue; }
      const r = readFigure(sc, text, sent, p, timexIx, years);
      if (r === null) {
        // Skip the rest of this digit run or word.
        let e = p + 1;
        while (e < sent.end && /[\p{L}\p{N},.]/u.test(text[e]) && !/[.,]\s/.test(text.slice(e, e + 2))) e++;
        re.lastIndex = e;
        continue;
      }
      if ('skipTo' in r) { consumed = r.skipTo; re.lastIndex = r.skipTo; continue; }
      if (!Number.isFinite(r.value) || (r.valueMax !== null && !Number.isFinite(r.valueMax))) { consumed = r.end; re.lastIndex = r.end; continue; }
      // Never overlap the previous figure (a prefix or qualifier reaching back).
      if (r.start < consumed) r.start = Math.max(consumed, r.coreStart);
      found.push(r);
      consumed = r.end;
      re.lastIndex = r.end;
    }
    // Results tables and score lines ("Puchon 3 1 0 6 1 10"): keep only
    // figures with a unit, currency, percent sign or qualifier.
    const tableLike = found.length >= 4 && isTableLike(text, sent);
    for (const f of found) {
      if (tableLike && (f.kind === 'count' || f.valueMax !== null) && f.qualifier === 'exact' && f.unit === null) continue;
      let object: string | null = null;
      if (f.objectOf || f.objectDirect) {
        const np = nounPhraseAfter(text, f.coreStart, f.objectFrom, sent.end, { allowOf: f.objectOf, allowDirect: f.objectDirect });
        if (np) object = np.text;
      }
      if (f.needObject && !object && f.qualifier === 'exact') continue;
      out.push({
        start: f.start, end: f.end, kind: f.kind, value: round(f.value), valueMax: f.valueMax === null ? null : round(f.valueMax),
        unit: f.unit, qualifier: f.qualifier, object, asOf: asOfFor(text, f, sent, timexIx, years), rule: f.rule,
      });
    }
  }
  return out;
}

function isTableLike(text: string, sent: SentenceSpan): boolean {
  const s = text.slice(sent.start, sent.end);
  const tokens = s.match(/\S+/g)?.length ?? 0;
  const numbers = s.match(/(?<![\p{L}\p{N}])[-(]?\d[\d.,/:-]*\)?(?![\p{L}])/gu)?.length ?? 0;
  return numbers >= 4 && numbers / Math.max(1, tokens) >= 0.3;
}

function insideTimex(timexes: SpanIndex<TimexHit>, s: number, e: number): TimexHit | null {
  for (let i = firstReaching(timexes, s); i < timexes.sorted.length; i++) {
    const t = timexes.sorted[i];
    if (t.start >= e) break;
    if (t.end > s) return t;
  }
  return null;
}

type ReadResult = Pending | { skipTo: number } | null;

function readFigure(sc: Scanner, text: string, sent: SentenceSpan, p: number, timexes: SpanIndex<TimexHit>, years: Array<{ start: number; end: number; value: string }>): ReadResult {
  const lex = sc.lex;
  const limit = sent.end;
  const prevC = text[p - 1];
  // Numbers inside words or codes: "G7", "F-16", "COVID-19", "A380", "24/7".
  // Numbers inside a URL, e-mail address or file path.
  if (prevC && !/\s/.test(prevC)) {
    let s = p - 1;
    while (s > sent.start && p - s < 200 && !/\s/.test(text[s - 1])) s--;
    if (/:\/\/|www\.|@|\\|\/\w+\//.test(text.slice(s, p))) return { skipTo: p + /^\S*/.exec(text.slice(p, p + 200))![0].length };
  }
  const isoGlued = isLetter(prevC) && /(?:^|[^\p{L}])([A-Z]{3})$/u.exec(text.slice(Math.max(sent.start, p - 4), p));
  if (p > sent.start && (isLetter(prevC) || isDigit(prevC) || prevC === '/' || prevC === '_' || prevC === '.' && isDigit(text[p - 2]))) {
    if (!(isoGlued && sc.lex.isoCodes.has(isoGlued[1]))) return null;
  }
  if (prevC === '-' && (isLetter(text[p - 2]) || isDigit(text[p - 2]))) return null;
  // An attached minus sign opening a number: "-5C", "(-1.2%)".
  const negative = (prevC === '-' || prevC === '−') && (p - 1 === sent.start || /[\s(]/.test(text[p - 2]));
  // Phone numbers, IP addresses, version strings.
  // International phone numbers: "+1-222-2222-2222".
  if (prevC === '+' && isDigit(text[p])) return { skipTo: p + /^[\d\-\/ ().]*/.exec(text.slice(p, p + 30))![0].length };
  if (isDigit(text[p])) {
    PHONE.lastIndex = p;
    const ph = PHONE.exec(text);
    if (ph && ph[0].replace(/\D/g, '').length >= 7) return { skipTo: p + ph[0].length };
    const dotted = /^\d+(?:\.\d+){2,}/.exec(text.slice(p, p + 40));
    if (dotted) return { skipTo: p + dotted[0].length };
    const timeLike = /^\d{1,2}[:.]\d{2}(?![\d,])/.exec(text.slice(p, p + 8));
    if (timeLike && /^\d{1,2}:/.test(timeLike[0])) return { skipTo: p + timeLike[0].length };
  }
  let c = sc.core(text, p, limit);
  if (!c) return null;
  // Identifiers: long bare digit strings ("672139201337532417"), attribute values.
  if (c.plainInt && c.end - c.start >= 10) return { skipTo: c.end };
  if (prevC === '"' && text[p - 2] === '=') return { skipTo: c.end };
  if (negative && !c.words && !c.ordinal) c = { ...c, start: p - 1, value: -c.value };
  let end = c.end;
  // Right after the number: a letter glued on means a code ("5G", "3D", "1990s").
  if (isLetter(text[end]) && !sc.unitAt(text, end, limit) && !(text[end] === 'p' && !isLetter(text[end + 1]) && !c.words)) return { skipTo: end + 1 };

  // Left context: currency prefix, qualifier, "between"/"from".
  let start = c.start;
  const cur = c.words ? null : sc.currencyBefore(text, c.start, sent.start);
  let iso: string | null = null;
  if (cur) { iso = cur.iso; start = cur.start; }
  let qualifier: Qualifier = 'exact';
  const qb = sc.qualifierBefore(text, start, sent.start);
  if (qb) { qualifier = qb.q; start = qb.start; }
  const pw = prevWord(text, start, sent.start);
  let rangeMode: 'between' | 'from' | 'fromChange' | null = null;
  if (pw?.word === 'between') { rangeMode = 'between'; }
  else if (pw?.word === 'from') {
    const pw2 = prevWord(text, pw.start, sent.start);
    const pw3 = pw2 ? prevWord(text, pw2.start, sent.start) : null;
    rangeMode = (pw2 && lex.changeVerbs.has(pw2.word)) || (pw3 && lex.changeVerbs.has(pw3.word)) ? 'fromChange' : 'from';
  }

  // Scale "m": millions with money or before a counted noun, else metres.
  let value = c.value;
  if (c.ambiguousM && !iso) {
    const nw = nextWord(text, end, limit);
    if (!nw || lex.ctx.metreAfter.includes(nw.word) || /^[.,;:!?)]/.test(text.slice(end).trimStart())) {
      value = c.value / 1e6;
      return { start, end, coreStart: c.start, kind: 'measure', value, valueMax: null, unit: 'meter', qualifier, rule: 'measure.m', objectFrom: end, objectOf: true, objectDirect: true, needObject: false };
    }
  }
  if (!c.words && !c.scaled && iso) {
    // "$5 m", "£3 k"
    SCALE_SPACED_M.lastIndex = end;
    const sm = SCALE_SPACED_M.exec(text);
    if (sm) { value *= lex.scaleWords.get(sm[1].toLowerCase())!; end = SCALE_SPACED_M.lastIndex; }
  }

  // "a quarter of a million", "half a billion": a fraction of a round number.
  if (c.fraction) {
    FRACTION_OF_SCALE.lastIndex = end;
    const fs = FRACTION_OF_SCALE.exec(text);
    if (fs && FRACTION_OF_SCALE.lastIndex <= limit) {
      value = c.value * lex.scaleWords.get(fs[1].toLowerCase())!;
      end = FRACTION_OF_SCALE.lastIndex;
      c = { ...c, end, value, fraction: false, scaled: true };
    }
  }
  // Ordinals count only as ranks.
  if (c.ordinal) return readRank(sc, text, sent, c, start, qualifier);

  // "one in five", "three out of four": a fraction.
  IN_OUT_OF.lastIndex = end;
  if (!iso && IN_OUT_OF.exec(text)) {
    const q = IN_OUT_OF.lastIndex;
    const c2 = q < limit && (isDigit(text[q]) || isLetter(text[q])) ? sc.core(text, q, limit) : null;
    if (c2 && !c2.ordinal && !c2.fraction && c2.value > c.value && c.value > 0 && !(c2.plainInt && c2.value >= 1000)) {
      return { start, end: c2.end, coreStart: c.start, kind: 'fraction', value: c.value / c2.value, valueMax: null, unit: null, qualifier, rule: 'fraction.in', objectFrom: c2.end, objectOf: false, objectDirect: true, needObject: false };
    }
  }

  // Ranges: "between 3 and 5", "3-5", "3 to 5", "$3bn-$5bn".
  let valueMax: number | null = null;
  RANGE_SEP.lastIndex = end;
  const rs = RANGE_SEP.exec(text);
  // "rose 5% to 7%", "up 23,600 to 27,700": a change between two figures, not a range.
  const changeTo = rs?.[1]?.toLowerCase() === 'to' && !!pw && lex.changeVerbs.has(pw.word);
  if (rs && rangeMode !== 'fromChange' && !changeTo && (rs[1]?.toLowerCase() !== 'and' || rangeMode === 'between')) {
    let q = RANGE_SEP.lastIndex;
    const cur2 = iso ? /^(?:[$€£¥]|[A-Z]{1,3}\$)/.exec(text.slice(q, q + 4)) : null;
    if (cur2) q += cur2[0].length;
    const hyphen = !rs[1];
    const c2 = q < limit && (isDigit(text[q]) || (!hyphen && isLetter(text[q]))) ? sc.core(text, q, limit) : null;
    if (c2 && !c2.ordinal && c2.words === c.words && !isLetter(text[c2.end])) {
      let lo = value;
      let hi = c2.value;
      if (!c.scaled && c2.scaled && !c.words) lo = c.value * (c2.value / Number(text.slice(c2.start, c2.end).replace(/[^\d.]/g, '') || c2.value));
      // Two years joined ("2004-05", "1990 to 1995") belong to the timex stage.
      if (c.plainInt && c.value >= 1000 && c.value <= 2100 && !iso && c2.plainInt && (c2.value < 100 || (c2.value >= 1000 && c2.value <= 2100))) return { skipTo: c2.end };
      // Set and match scores: "6-4", "won 3-1", "4-6 6-2 6-1", "(7-1)".
      const near = text.slice(Math.max(sent.start, c.start - 12), Math.min(limit, c2.end + 12));
      const score = hyphen && c.plainInt && c2.plainInt && c.value < 100 && c2.value < 100 &&
        (c2.value <= c.value || isScore(lex, text, start, c2.end, sent) || (near.match(/\d[ \u00a0]?-[ \u00a0]?\d/g)?.length ?? 0) > 1 || (text[c.start - 1] === '(' && text[c2.end] === ')'));
      if (score) return { skipTo: c2.end };
      // "voted 272-219": a tally, not a range.
      if (hyphen && c.plainInt && c2.plainInt && c2.value <= c.value && !iso) return { skipTo: c2.end };
      const lower = rs[1]?.toLowerCase();
      if (hi > lo && !(lower === 'or' && !/^(one|two|three|four|five|six|seven|eight|nine|ten|\d+)$/i.test(text.slice(c.start, c.end)))) {
        value = lo;
        valueMax = hi;
        end = c2.end;
        if (rangeMode === 'between' && pw) start = Math.min(start, pw.start);
        if (lower === 'or' && qualifier === 'exact') qualifier = 'approx';
      }
    }
  }

  // Post-number words that mean it is not a count ("3 times", "5pm").
  const after = text.slice(end, Math.min(limit, end + 12));
  if (lex.notCountedAfter.test(after)) return { skipTo: end };

  // Unit after the number.
  let kind: FigureKind = c.fraction ? 'fraction' : 'count';
  let unit: string | null = iso;
  let rule = c.words ? 'count.words' : 'count.digits';
  let objectOf = true;
  let objectDirect = true;
  if (iso) { kind = 'money'; rule = 'money.prefix'; }
  PERCENT.lastIndex = end;
  const pm = !iso && !c.fraction ? PERCENT.exec(text) : null;
  if (pm) {
    kind = 'percent';
    unit = pm[1] || pm[2] || pm[3] || pm[4] ? 'percentage point' : 'percent';
    end = PERCENT.lastIndex;
    rule = 'percent';
    objectDirect = false;
  } else if (!c.fraction || !c.words) {
    let u = sc.unitAt(text, end, limit);
    // "797p", "50p": pence, written glued to the number.
    if (!u && !c.words && text[end] === 'p' && !isLetter(text[end + 1]) && !iso) u = { end: end + 1, info: { kind: 'money', unit: 'GBP', factor: 0.01 } };
    // "20 more years", "five additional miles".
    if (!u) {
      const more = /^[ \u00a0]+(?:more|additional|extra|further)(?=[ \u00a0])/i.exec(text.slice(end, end + 12));
      if (more) {
        const u2 = sc.unitAt(text, end + more[0].length, limit);
        if (u2 && u2.info.kind !== 'money') u = u2;
      }
    }
    if (!u && c.fraction) { kind = 'fraction'; rule = 'fraction'; objectDirect = false; }
    // "420 million pounds" is money; "2,204 pounds" a weight.
    // So is "300,000 pounds ($465,000)", with its conversion beside it.
    if (u && u.info.unit === 'pound' && !iso && (c.scaled || /^[ \u00a0]*\((?:US)?[$€]/.test(text.slice(u.end, u.end + 6)))) u.info = { kind: 'money', unit: 'GBP', factor: 1 };
    if (u && !(iso && u.info.kind === 'money')) {
      if (u.info.kind === 'money' && !iso) {
        kind = 'money'; unit = u.info.unit; value *= u.info.factor; if (valueMax !== null) valueMax *= u.info.factor; rule = 'money.suffix';
        end = u.end;
      } else if (!iso) {
        if (u.info.kind === 'age') { kind = 'duration'; rule = 'age'; }
        else if (u.info.kind === 'duration') { kind = 'duration'; rule = 'duration'; }
        else { kind = 'measure'; rule = u.info.kind === 'temperature' ? 'measure.temperature' : 'measure'; }
        unit = u.info.unit;
        end = u.end;
      }
    }
  } else {
    kind = 'fraction';
    rule = 'fraction';
    objectDirect = false;
  }
  // "aged 18 or over", "aged between 18 and 34", "by the age of 40": ages in years.
  if (kind === 'count' && !iso && /(?:^|[^\p{L}])(?:aged|ages?[ \u00a0]+of)[ \u00a0]+(?:between[ \u00a0]+)?$/iu.test(text.slice(Math.max(sent.start, c.start - 20), c.start)) && c.value < 130) {
    kind = 'duration'; unit = 'year'; rule = 'age.aged';
    if (rangeMode === 'between' && pw) start = Math.min(start, pw.start);
  }
  // A range with the unit on both ends: "20% and 30%", "3 km to 5 km".
  if (valueMax === null && end > c.end && (kind === 'percent' || rule === 'measure' || rule === 'duration' || rule === 'money.suffix') && rangeMode !== 'fromChange') {
    RANGE_SEP.lastIndex = end;
    const rs2 = RANGE_SEP.exec(text);
    const sepWord = rs2?.[1]?.toLowerCase();
    const changeTo = sepWord === 'to' && pw && lex.changeVerbs.has(pw.word);
    if (rs2 && !changeTo && (sepWord !== 'and' || rangeMode === 'between') && sepWord !== 'or') {
      const q = RANGE_SEP.lastIndex;
      const c2 = q < limit && isDigit(text[q]) === !c.words ? sc.core(text, q, limit) : null;
      if (c2 && !c2.ordinal && c2.value > c.value) {
        let e2 = -1;
        if (kind === 'percent') { PERCENT.lastIndex = c2.end; if (PERCENT.exec(text)) e2 = PERCENT.lastIndex; }
        else { const u2 = sc.unitAt(text, c2.end, limit); if (u2 && u2.info.unit === unit) { e2 = u2.end; valueMax = c2.value * u2.info.factor; } }
        if (e2 > 0) {
          if (valueMax === null) valueMax = c2.value;
          end = e2;
          if (rangeMode === 'between' && pw) start = Math.min(start, pw.start);
        }
      }
    }
  }

  // Post qualifiers: "50 or more", "20-odd".
  lex.postQualifier.lastIndex = end;
  const pq = lex.postQualifier.exec(text);
  if (pq && pq.index === end) {
    const q = lex.postQualifierOf.get(pq[1].toLowerCase()) as Qualifier | undefined;
    if (q && !(pq[1].toLowerCase() === 'plus' && !/^-?plus/i.test(text.slice(end, end + 5)))) {
      if (qualifier === 'exact') qualifier = q;
      end = lex.postQualifier.lastIndex;
    }
  }

  // Match results: "Pohang 3 Ulsan 2", "LG 2 OB 0".
  if (kind === 'count' && !c.words && pw && /^\p{Lu}/u.test(pw.raw) && /^[ \u00a0]+\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]+\p{Lu}[\p{L}.'’-]*)?[ \u00a0]+\d/u.test(text.slice(end, end + 40))) return { skipTo: end };
  // "three-party politics", "a four-letter word": a compound modifier, not a count.
  if (kind === 'count' && text[end] === '-' && isLetter(text[end + 1])) return { skipTo: end };
  // "10 Downing Street": an address.
  if (kind === 'count' && !c.words && isAddress(lex, text, end, limit)) return { skipTo: end };

  // A day of the month: "March 7", "24 May" (whatever follows).
  if (!c.words && !iso && kind !== 'percent' && kind !== 'money' && isDatePart(lex, text, c, sent)) return { skipTo: end };

  // Not claims: timex parts, years, dates, labels, ages in names.
  const tx = insideTimex(timexes, c.start, c.end);
  if (tx && kind !== 'duration' && kind !== 'money' && kind !== 'percent' && kind !== 'measure') return { skipTo: Math.max(end, tx.end) };
  if (kind === 'duration' && rule === 'duration') {
    if (lex.relativeAfter.test(text.slice(end, end + 16)) || lex.relativeBefore.test(text.slice(Math.max(sent.start, start - 25), start))) return { skipTo: end };
  }
  if (kind === 'count' && !c.words) {
    if (c.plainInt && c.value >= 1000 && c.value <= 2100 && text.slice(c.start, c.end).length === 4 && qualifier === 'exact' && valueMax === null) {
      years.push({ start: c.start, end: c.end, value: text.slice(c.start, c.end) });
      return { skipTo: end };
    }
    if (pw && qualifier === 'exact' && isDesignator(lex, text, pw, sent)) return { skipTo: end };
    if (isAgeInName(text, c, sent)) return { skipTo: end };
    // A list number opening a sentence: "1. ...", "2) ...".
    if (c.start === sent.start && /^[.)]/.test(text.slice(c.end, c.end + 1))) return { skipTo: end };
  }
  // "Six Feet Under", "the Three Gorges": a capitalized number word inside a name.
  if (c.words && /^\p{Lu}/u.test(text[c.start]) && c.start > sent.start && !/[.!?:"“‘'(]\s*$/.test(text.slice(Math.max(sent.start, c.start - 3), c.start))) {
    const nw = nextWord(text, end, limit);
    if (nw && /^\p{Lu}/u.test(text[nw.start])) return { skipTo: end };
  }
  if (kind === 'count' && c.words) {
    const w = text.slice(c.start, c.end).toLowerCase();
    if (w === 'one' || w === 'a' || w === 'an') {
      if (pw && lex.oneBefore.has(pw.word)) return { skipTo: end };
      const nw = nextWord(text, end, limit);
      if (!nw || lex.oneAfter.has(nw.word)) return { skipTo: end };
      // A lone "one" is an article-like word far more often than a claim.
      return { skipTo: end };
    }
    // "the two allies", "these three men": a reference to known things, not a claim.
    if (pw && /^(the|these|those|both|all|its|their|his|her|our)$/.test(pw.word) && qualifier === 'exact' && valueMax === null) return { skipTo: end };
  }
  if (kind === 'fraction' && c.words) {
    const w = text.slice(c.start, c.end).toLowerCase();
    // "half", "a quarter" need "of"/a determiner after them, or a qualifier or "by" before them.
    if (/^(half|a half|halves|an? (?:third|quarter|fifth|tenth)|one (?:third|quarter|fifth|tenth))$/.test(w)) {
      const nw = nextWord(text, end, limit);
      const okAfter = nw && /^(of|the|a|an|their|its|his|her|our|your|my|this|that|these|those|all)$/.test(nw.word);
      const okBefore = qualifier !== 'exact' || (pw && /^(by|in|than|about|nearly|almost|roughly|around)$/.test(pw.word));
      if (!okAfter && !okBefore) return { skipTo: end };
      if (pw && /^(first|second|the|other|better|second-half|first-half)$/.test(pw.word) && !okBefore) return { skipTo: end };
    }
  }
  if (kind === 'fraction') { objectDirect = /^(half|a half)$/i.test(text.slice(c.start, c.end)) ? true : false; }

  return {
    start, end, coreStart: c.start, kind, value, valueMax, unit, qualifier, rule,
    objectFrom: end, objectOf, objectDirect,
    needObject: kind === 'count' && c.words,
  };
}

function readRank(sc: Scanner, text: string, sent: SentenceSpan, c: Core, start: number, qualifier: Qualifier): ReadResult {
  const lex = sc.lex;
  const limit = sent.end;
  const hy = /^(?:-|[ \u00a0]+)([A-Za-z]+)/.exec(text.slice(c.end, c.end + 30));
  const pw = prevWord(text, c.start, sent.start);
  if (isDatePart(lex, text, c, sent)) return { skipTo: c.end };
  if (hy && lex.superlatives.has(hy[1].toLowerCase())) {
    const end = c.end + hy[0].length;
    return { start: c.start, end, coreStart: c.start, kind: 'rank', value: c.value, valueMax: null, unit: null, qualifier, rule: 'rank.superlative', objectFrom: end, objectOf: true, objectDirect: true, needObject: false };
  }
  if (hy && lex.placeWords.has(hy[1].toLowerCase()) && !/\bin the[ \u00a0]+$/i.test(text.slice(Math.max(sent.start, c.start - 8), c.start))) {
    return { start: c.start, end: c.end, coreStart: c.start, kind: 'rank', value: c.value, valueMax: null, unit: null, qualifier, rule: 'rank.place', objectFrom: c.end, objectOf: false, objectDirect: false, needObject: false };
  }
  if (pw && lex.rankVerbs.has(pw.word)) {
    const nw = nextWord(text, c.end, limit);
    if (!nw || /^(in|on|at|among|behind|after|with|of|overall|place|and|,)$/.test(nw.word) || /^[.,;]/.test(text.slice(c.end).trimStart())) {
      return { start: c.start, end: c.end, coreStart: c.start, kind: 'rank', value: c.value, valueMax: null, unit: null, qualifier, rule: 'rank.verb', objectFrom: c.end, objectOf: false, objectDirect: false, needObject: false };
    }
  }
  return { skipTo: c.end };
}

function isAddress(lex: FigureLexicon, text: string, end: number, limit: number): boolean {
  // The capitalized words after the number: is one of them a street word?
  const m = /^[ \u00a0]+((?:\p{Lu}[\p{L}'’.-]*[ \u00a0]*){1,4})/u.exec(text.slice(end, Math.min(limit, end + 60)));
  if (!m) return false;
  return m[1].trim().split(/[ \u00a0]+/).slice(1).some((w) => lex.addressWords.has(w.replace(/[.,]$/, '').toLowerCase()));
}

function isScore(lex: FigureLexicon, text: string, start: number, end: number, sent: SentenceSpan): boolean {
  const pw = prevWord(text, start, sent.start);
  const nw = nextWord(text, end, sent.end);
  return (!!pw && lex.scoreWords.has(pw.word)) || (!!nw && lex.scoreWords.has(nw.word));
}

function isDatePart(lex: FigureLexicon, text: string, c: Core, sent: SentenceSpan): boolean {
  if (c.value > 31 || !Number.isInteger(c.value) || c.hasComma) return false;
  const pw = prevWord(text, c.start, sent.start);
  if (pw && lex.months.has(pw.word.replace(/\.$/, ''))) return true;
  const nw = nextWord(text, c.end, sent.end);
  if (nw && lex.months.has(nw.word)) return true;
  if (nw && nw.word === 'of') {
    const nw2 = nextWord(text, nw.end, sent.end);
    if (nw2 && lex.months.has(nw2.word)) return true;
  }
  return false;
}

function isDesignator(lex: FigureLexicon, text: string, pw: { word: string; start: number; raw: string }, sent: SentenceSpan): boolean {
  const w = pw.word.replace(/^.*-/, '');
  if (lex.designators.has(w) || lex.designators.has(w.replace(/\.$/, ''))) return true;
  // A capitalized name right before a bare number: "Boeing 747", "Apollo 11".
  if (/^\p{Lu}/u.test(pw.raw) && pw.start > sent.start && !/['’]s$/.test(pw.raw) && !/\.$/.test(pw.raw)) {
    const before = text.slice(Math.max(sent.start, pw.start - 3), pw.start);
    if (/[:;"“(]\s*$/.test(before)) return false;
    if (lex.months.has(pw.word)) return false;
    if (lex.qualifierOf.has(pw.word)) return false;
    return true;
  }
  return false;
}

function isAgeInName(text: string, c: Core, sent: SentenceSpan): boolean {
  if (!Number.isInteger(c.value) || c.value > 120 || c.hasComma) return false;
  const left = text.slice(Math.max(sent.start, c.start - 40), c.start);
  const right = text.slice(c.end, c.end + 2);
  if (/\p{L}[\p{L}.'’-]*,[ \u00a0]$/u.test(left) && /^[ \u00a0]*(?:,|[.;)](?!\d))/.test(right)) return true;
  if (/\p{Lu}[\p{L}.'’-]*[ \u00a0]\($/u.test(left) && /^\)/.test(right)) return true;
  return false;
}

function asOfFor(text: string, f: Pending, sent: SentenceSpan, timexes: SpanIndex<TimexHit>, years: Array<{ start: number; end: number; value: string }>): string | null {
  // The nearest dated timex in the same clause (a semicolon ends a clause).
  let best: { d: number; value: string } | null = null;
  const consider = (s: number, e: number, value: string) => {
    if (s >= f.start && e <= f.end) return;
    const lo = Math.min(e, f.start);
    const hi = Math.max(s, f.end);
    if (text.slice(lo, hi).includes(';')) return;
    const d = s >= f.end ? s - f.end : f.start - e;
    if (!best || d < best.d) best = { d, value };
  };
  for (let i = firstReaching(timexes, sent.start); i < timexes.sorted.length; i++) {
    const t = timexes.sorted[i];
    if (t.end <= sent.start) continue;
    if (t.start >= sent.end) break;
    if (t.type !== 'DATE' || !/^\d{4}/.test(t.value)) continue;
    consider(t.start, t.end, t.value);
  }
  // Without a timex stage, bare years found while scanning stand in.
  if (!best && timexes.sorted.length === 0) for (const y of years) if (Number(y.value) >= 1800) consider(y.start, y.end, y.value);
  return best ? (best as { d: number; value: string }).value : null;
}
