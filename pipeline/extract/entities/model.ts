import type { Gazetteer } from './gazetteer.js';
import type { Token } from './tokenize.js';
import { dataJson } from '../../lexicon.js';

// A greedy left-to-right averaged-perceptron tagger (BIO over PER/ORG/LOC/MISC).
// Lower-case tokens are never scored (always O) except connectors inside a name,
// which keeps the tagger fast: most of a news text is skipped.

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
const NT = TAGS.length;

/** Lower-case words that may sit inside a name ("Bank of England", "Charles de Gaulle"). */
export const CONNECTORS = new Set(['of', 'the', 'de', 'and', '&', 'for', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'del', 'da', 'di', 'al', 'el', 'bin', 'ibn', 'y', 'on', 'upon', 'am', 'an', 'des', 'dos', 'das']);

export interface Sentence {
  tokens: Token[];
  /** Headline-style sentence written in capitals. */
  caps: boolean;
}

/** What the whole document says about a word. */
export interface DocContext {
  /** Words seen capitalized away from a sentence start. */
  capMid: Set<string>;
  /** Words seen in lower case. */
  lowerSeen: Set<string>;
}

const UPPER = /\p{Lu}/u;

export function hasUpper(s: string): boolean {
  return UPPER.test(s);
}

export function isCapsSentence(tokens: Token[]): boolean {
  let words = 0;
  let upper = 0;
  for (const t of tokens) {
    const s = t.text;
    if (s.length < 2) continue;
    // ASCII tokens (nearly all) are read char by char; others by regex and toUpperCase.
    let letter = false;
    let lower = false;
    let ascii = true;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c >= 128) {
        ascii = false;
        break;
      }
      if (c >= 97 && c <= 122) letter = lower = true;
      else if (c >= 65 && c <= 90) letter = true;
    }
    if (ascii ? !letter : !/\p{L}/u.test(s)) continue;
    words++;
    if (ascii ? !lower : s === s.toUpperCase()) upper++;
  }
  return words >= 3 && upper / words >= 0.7;
}

/** First token index that starts the sentence proper (after opening quotes/brackets). */
function firstWord(tokens: Token[]): number {
  let i = 0;
  while (i < tokens.length && /^["'“‘(\[«-]$/.test(tokens[i].text)) i++;
  return i;
}

export function docContext(sents: Sentence[]): DocContext {
  const capMid = new Set<string>();
  const lowerSeen = new Set<string>();
  for (const s of sents) {
    if (s.caps) continue;
    const f = firstWord(s.tokens);
    for (let i = 0; i < s.tokens.length; i++) {
      const t = s.tokens[i];
      const c = t.text.charCodeAt(0);
      if (c >= 97 && c <= 122) lowerSeen.add(t.lower);
      else if (i !== f && hasUpper(t.text[0])) capMid.add(t.lower);
    }
  }
  return { capMid, lowerSeen };
}

function shape(s: string): string {
  let out = '';
  let prev = '';
  for (const ch of s) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else c = ch;
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

/** Gazetteer matches covering each token: "tag:B", "tag:I", "tag:E", "tag:S" features. */
function gazetteerMarks(g: Gazetteer, tokens: Token[]): Array<string[] | undefined> {
  // Most tokens have no mark: their entries stay empty rather than each holding an empty array.
  const marks = new Array<string[] | undefined>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const max = g.maxLen.get(tokens[i].lower);
    if (!max) continue;
    let key = '';
    for (let n = 1; n <= max && i + n <= tokens.length; n++) {
      key = n === 1 ? tokens[i].lower : key + ' ' + tokens[i + n - 1].lower;
      const tags = g.tags.get(key);
      if (!tags) {
        if (!g.prefixes.has(key)) break; // no phrase goes on from here
        continue;
      }
      for (const tag of tags) {
        if (n === 1) (marks[i] ??= []).push(tag + ':S');
        else for (let k = 0; k < n; k++) (marks[i + k] ??= []).push(tag + (k === 0 ? ':B' : k === n - 1 ? ':E' : ':I'));
      }
    }
  }
  return marks;
}

/** For each token, the last token of the capitalized run starting at it. */
function runEnds(toks: Token[], caps: boolean): number[] {
  const out = new Array<number>(toks.length);
  for (let i = toks.length - 1; i >= 0; i--) {
    out[i] = i + 1 < toks.length && isCandidate(toks, i + 1, caps) ? out[i + 1] : i;
  }
  return out;
}

/** True when the tagger looks at token i at all. */
export function isCandidate(tokens: Token[], i: number, caps: boolean): boolean {
  const t = tokens[i].text;
  if (caps) return /\p{L}/u.test(t) && !CONNECTORS.has(tokens[i].lower);
  return UPPER.test(t);
}

/** Per-sentence values the features of every token share, computed once. */
export interface SentenceCache {
  marks: Array<string[] | undefined>;
  runEnd: number[];
  shapes: string[];
  first: number;
}

function sentenceCache(g: Gazetteer, s: Sentence): SentenceCache {
  return { marks: gazetteerMarks(g, s.tokens), runEnd: runEnds(s.tokens, s.caps), shapes: s.tokens.map((t) => shape(t.text)), first: firstWord(s.tokens) };
}

/**
 * Receives each feature as a template ("pw=") and a value ("the"); the feature's name is the two
 * joined ("pw=the"). The tagger looks the pair up without building the name (TemplateWeights);
 * training joins them. One emitter feeds both, so they cannot disagree.
 */
export type Emit = (template: string, value: string) => void;

// Templates are constants, so their hashes are computed once; caps-sentence variants carry 'C'.
const T = (caps: boolean, name: string) => (caps ? 'C' + name : name);
const TPL = [false, true].map((c) => ({
  b: T(c, 'b'), sh: T(c, 'sh='), psh: T(c, 'psh='), nsh: T(c, 'nsh='), nshsh: T(c, 'nsh|sh='), common: T(c, 'common'), t1sh: 't1|' + T(c, 'sh='),
}));
// 't2=' values, one constant per pair of previous tags.
const T2 = TAGS.map((p2) => TAGS.map((p) => p2 + '|' + p));

/** Features of token i that do not depend on earlier tags, in a fixed order. */
export function emitFeatures(g: Gazetteer, s: Sentence, i: number, dc: DocContext, sc: SentenceCache, e: Emit): void {
  const { marks, runEnd, shapes } = sc;
  const toks = s.tokens;
  const t = toks[i];
  const w = t.lower;
  const p = i > 0 ? toks[i - 1] : null;
  const n = i + 1 < toks.length ? toks[i + 1] : null;
  const c = TPL[s.caps ? 1 : 0];
  const sh = shapes[i];
  const nsh = n ? shapes[i + 1] : '</s>';
  e('b', '');
  e(c.b, '');
  // Word identity only for ordinary words: names are learned from cues, not memorized.
  e('w=', g.common.has(w) || g.notName.has(w) ? w : '?');
  e(c.sh, sh);
  e('s3=', w.slice(-3));
  e('pw=', p ? p.lower : '<s>');
  e('nw=', n ? n.lower : '</s>');
  e('ppw=', i > 1 ? toks[i - 2].lower : '<s>');
  e('nnw=', i + 2 < toks.length ? toks[i + 2].lower : '</s>');
  e(c.psh, p ? shapes[i - 1] : '<s>');
  e(c.nsh, nsh);
  e(c.nshsh, nsh + '|' + sh);
  if (w.length > 4) e('s4=', w.slice(-4));
  const isFirst = i === sc.first;
  if (isFirst) e('first', '');
  // Plural of an ordinary noun ("Protesters") counts as ordinary too.
  if (g.common.has(w) || (w.endsWith('s') && g.common.has(w.slice(0, -1)))) e(isFirst ? 'first&common' : c.common, '');
  if (g.notName.has(w)) e('notname', '');
  if (g.first.has(w)) e('fn', '');
  if (g.last.has(w)) e('ln', '');
  if (p && g.first.has(p.lower)) e('p-fn', '');
  if (p && g.personTitle.has(p.lower)) e('p-title', '');
  if (i > 1 && g.personTitle.has(toks[i - 2].lower)) e('pp-title', '');
  if (g.orgSuffix.has(w)) e('osfx', '');
  if (g.locKeyword.has(w)) e('lkw', '');
  if (g.miscKeyword.has(w)) e('mkw', '');
  if (!s.caps) {
    if (dc.capMid.has(w)) e('capmid', '');
    if (dc.lowerSeen.has(w)) e('lowseen', '');
  }
  // The capitalized run the token sits in: what its last word says.
  const end = runEnd[i];
  const lastW = toks[end].lower;
  if (end > i) {
    if (g.orgSuffix.has(lastW)) e('run-osfx', '');
    if (g.locKeyword.has(lastW)) e('run-lkw', '');
    if (g.miscKeyword.has(lastW)) e('run-mkw', '');
  }
  const mk = marks[i];
  if (mk) for (const m of mk) e('g=', m);
}

/** Tag-history features added to the static ones at decode time. */
export function emitHistory(prev: number, prev2: number, caps: boolean, sh: string, e: Emit): void {
  const p = TAGS[prev];
  e('t1=', p);
  e('t2=', T2[prev2][prev]);
  e(TPL[caps ? 1 : 0].t1sh, sh + '|' + p);
}

export interface Weights {
  get(feature: string): ArrayLike<number> | undefined;
}

/** Splits a feature name into its template (up to and with the first '=') and its value. */
function splitFeature(name: string): [string, string] {
  const k = name.indexOf('=');
  return k < 0 ? [name, ''] : [name.slice(0, k + 1), name.slice(k + 1)];
}

/**
 * Weights by template, then by value: scoring a token looks each pair up without building a
 * string per feature (building and hashing them was most of the tagger's time).
 */
export class TemplateWeights implements Weights {
  private readonly byTemplate = new Map<string, Map<string, Float32Array>>();
  constructor(flat: Iterable<[string, Float32Array]>) {
    for (const [name, v] of flat) {
      const [tpl, val] = splitFeature(name);
      let m = this.byTemplate.get(tpl);
      if (!m) this.byTemplate.set(tpl, (m = new Map()));
      m.set(val, v);
    }
  }
  get(feature: string): Float32Array | undefined {
    const [tpl, val] = splitFeature(feature);
    return this.byTemplate.get(tpl)?.get(val);
  }
  /** Adds the weights of feature (tpl, val), if it has any, to out. */
  add(tpl: string, val: string, out: Float64Array): void {
    const v = this.byTemplate.get(tpl)?.get(val);
    if (v) for (let k = 0; k < NT; k++) out[k] += v[k];
  }
}

let loaded: TemplateWeights | null = null;

/** The trained weights (data/ner_model.json, made by scripts/train-ner.ts). */
export function modelWeights(): TemplateWeights {
  if (loaded) return loaded;
  // Stored flat: feature i has the NT weights at values[i * NT ...], as integers over `scale`.
  const raw = dataJson<{ scale: number; features: string[]; values: number[] }>('ner_model.json');
  const all = Float32Array.from(raw.values, (x) => x / raw.scale);
  loaded = new TemplateWeights(raw.features.map((f, i) => [f, all.subarray(i * NT, (i + 1) * NT)]));
  return loaded;
}

// Connectors that never sit inside a person's name ("Keith O'Neill of Norwich City").
const NOT_IN_PERSON = new Set(['of', 'the', 'and', '&', 'for', 'on', 'upon', 'am', 'an']);
const I_PER = TAGS.indexOf('I-PER');

const ALLOWED: boolean[][] = TAGS.map((prev) =>
  TAGS.map((cur) => !cur.startsWith('I-') || (prev !== 'O' && prev.slice(2) === cur.slice(2))),
);

export function score(w: Weights, feats: string[], out: Float64Array): void {
  out.fill(0);
  for (const f of feats) {
    const v = w.get(f);
    if (!v) continue;
    for (let k = 0; k < NT; k++) out[k] += v[k];
  }
}

/**
 * Tags one sentence greedily. `onToken` (training) sees each scored token's
 * features and may return the tag to follow instead of the predicted one.
 */
export function tagSentence(
  g: Gazetteer,
  s: Sentence,
  dc: DocContext,
  w: Weights,
  onToken?: (i: number, feats: string[], predicted: number) => number,
  margins?: number[],
): number[] {
  const toks = s.tokens;
  const tags = new Array<number>(toks.length).fill(0);
  let cache: SentenceCache | null = null;
  const sc = new Float64Array(NT);
  const fast = w instanceof TemplateWeights ? w : null;
  const addTo: Emit = (tpl, val) => fast!.add(tpl, val, sc);
  for (let i = 0; i < toks.length; i++) {
    const prev = i > 0 ? tags[i - 1] : 0;
    let cand = isCandidate(toks, i, s.caps);
    if (!cand && prev !== 0 && CONNECTORS.has(toks[i].lower) && i + 1 < toks.length && isCandidate(toks, i + 1, s.caps)) cand = true;
    if (!cand) continue;
    cache ??= sentenceCache(g, s);
    const prev2 = i > 1 ? tags[i - 2] : 0;
    const feats: string[] = [];
    if (fast && !onToken) {
      // Inference: sum the weights as the features come, no names built.
      sc.fill(0);
      emitFeatures(g, s, i, dc, cache, addTo);
      emitHistory(prev, prev2, s.caps, cache.shapes[i], addTo);
    } else {
      const named = (tpl: string, val: string) => feats.push(tpl + val);
      emitFeatures(g, s, i, dc, cache, named);
      emitHistory(prev, prev2, s.caps, cache.shapes[i], named);
      score(w, feats, sc);
    }
    let best = 0;
    let bestScore = -Infinity;
    let second = -Infinity;
    for (let k = 0; k < NT; k++) {
      if (!ALLOWED[prev][k]) continue;
      if (k === I_PER && NOT_IN_PERSON.has(toks[i].lower)) continue;
      if (sc[k] > bestScore) {
        second = bestScore;
        bestScore = sc[k];
        best = k;
      } else if (sc[k] > second) second = sc[k];
    }
    // How sure the tagger is of its choice: the lead over the runner-up.
    if (margins) margins[i] = bestScore - second;
    tags[i] = onToken ? onToken(i, feats, best) : best;
  }
  return tags;
}
