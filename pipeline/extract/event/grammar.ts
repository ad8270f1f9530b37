import type { Tok } from './tokens.js';

// Shallow grammar over wink-nlp tokens: clauses, noun phrases, verb groups.

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'SYM']);
const CLAUSE_PUNCT = new Set([';', ':', '—', '–', '--', '(', ')', '[', ']']);
const CLAUSE_WORDS = new Set([
  'if', 'unless', 'because', 'while', 'when', 'whereas', 'although', 'though', 'since', 'after', 'before',
  'until', 'which', 'who', 'whom', 'whose', 'where', 'but', 'yet', 'whether',
]);
export const QUOTE_CHARS = new Set(['"', '“', '”', '«', '»', "''", '``']);

/** One phrase: tokens [a, b] inclusive; head is the last token of its first chunk. */
export interface Phrase {
  a: number;
  b: number;
  head: number;
}

export type VerbForm = 'base' | 'pres3' | 'past' | 'ing';

export function isNpTok(t: Tok): boolean {
  if (NP_POS.has(t.pos)) return true;
  if (t.pos === 'PART' && (t.lower === "'s" || t.lower === "'" || t.lower === '’s')) return true;
  return false;
}

/** Clause number of every token: a new clause opens at clause punctuation, subordinators and ", and". */
export function clauseIds(toks: Tok[]): number[] {
  const ids: number[] = [];
  let c = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const prev = toks[k - 1];
    const next = toks[k + 1];
    let open = false;
    if (t.pos === 'PUNCT' && CLAUSE_PUNCT.has(t.value)) open = true;
    else if (CLAUSE_WORDS.has(t.lower) && k > 0) open = true;
    else if (t.lower === 'that' && k > 0 && !(next && (next.pos === 'NOUN' || next.pos === 'ADJ'))) open = true;
    else if (t.pos === 'CCONJ' && prev && prev.value === ',') open = true;
    if (open) c++;
    ids.push(c);
  }
  return ids;
}

/** Bounds [s, e] (inclusive token indices) of the clause holding token k. */
export function clauseBounds(ids: number[], k: number): [number, number] {
  let s = k;
  let e = k;
  while (s > 0 && ids[s - 1] === ids[k]) s--;
  while (e < ids.length - 1 && ids[e + 1] === ids[k]) e++;
  return [s, e];
}

export function verbForm(t: Tok): VerbForm {
  const v = t.lower;
  const l = t.lemma;
  if (v.endsWith('ing') && v !== l) return 'ing';
  if (v === l) return 'base';
  if (v === `${l}s` || v === `${l}es` || (l.endsWith('y') && v === `${l.slice(0, -1)}ies`)) return 'pres3';
  return 'past';
}

/** The noun phrase ending at token `end` (walking left, across "X of/in Y"), or null. */
export function npBackward(toks: Tok[], end: number, min: number): Phrase | null {
  let k = end;
  if (k < min || !isNpTok(toks[k])) return null;
  // A personal pronoun is the whole subject: "told Breitbart News he'd support".
  if (toks[k].pos === 'PRON' && PERSONAL.has(toks[k].lower)) return { a: k, b: k, head: k };
  while (k - 1 >= min && (isNpTok(toks[k - 1]) || isCoord(toks, k - 1))) k--;
  let head = end;
  // "the government in Pyongyang": the head is in the first chunk.
  while (k - 2 >= min && toks[k - 1].pos === 'ADP' && /^(of|in|from|at)$/.test(toks[k - 1].lower) && isNpTok(toks[k - 2]) && toks[k - 2].pos !== 'PRON') {
    head = k - 2;
    k -= 2;
    while (k - 1 >= min && (isNpTok(toks[k - 1]) || isCoord(toks, k - 1))) k--;
  }
  while (k < end && toks[k].pos === 'PUNCT') k++;
  return { a: k, b: end, head };
}

const PERSONAL = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

/** "asked for a photo and Clinton said": the conjunct is the subject of a new clause. */
function opensClause(toks: Tok[], k: number): boolean {
  let j = k + 1;
  while (j < toks.length && (toks[j].pos === 'PROPN' || toks[j].pos === 'NOUN' || toks[j].pos === 'DET' || toks[j].pos === 'ADJ')) j++;
  return j < toks.length && j > k + 1 && (toks[j].pos === 'VERB' || toks[j].pos === 'AUX');
}

function isCoord(toks: Tok[], k: number): boolean {
  const t = toks[k];
  // A possessive apostrophe the tagger left as punctuation: "the unions' demands".
  if (t.pos === 'PUNCT' && (t.value === "'" || t.value === '’')) {
    const l = toks[k - 1];
    const r = toks[k + 1];
    return !!l && !!r && l.lower.endsWith('s') && (l.pos === 'NOUN' || l.pos === 'PROPN') && (r.pos === 'NOUN' || r.pos === 'ADJ');
  }
  if (t.pos !== 'CCONJ' || (t.lower !== 'and' && t.lower !== 'or')) return false;
  const l = toks[k - 1];
  const r = toks[k + 1];
  return !!l && !!r && (l.pos === 'PROPN' || l.pos === 'NOUN') && (r.pos === 'PROPN' || r.pos === 'NOUN' || r.pos === 'DET');
}

/** The noun phrase starting at token `start` (walking right, taking "X of Y"), or null. */
export function npForward(toks: Tok[], start: number, max: number, blocked?: boolean[], quantifiers?: Set<string>): Phrase | null {
  let k = start;
  // A time expression ends the phrase ("met its targets last year").
  if (blocked) for (let j = start + 1; j <= max; j++) if (blocked[j] && !blocked[start]) { max = j - 1; break; }
  if (k > max || !isNpTok(toks[k])) return null;
  // A pronoun is a whole phrase by itself (except possessives, which open one).
  if (toks[k].pos === 'PRON' && !/^(its|their|his|her|our|my|your)$/.test(toks[k].lower)) return { a: k, b: k, head: k };
  // A determiner right after a noun opens another phrase: "the tools the ministry gave".
  const newNp = (j: number): boolean => toks[j].pos === 'DET' && (toks[j - 1].pos === 'NOUN' || toks[j - 1].pos === 'PROPN');
  while (k + 1 <= max && (isNpTok(toks[k + 1]) || (isCoord(toks, k + 1) && !opensClause(toks, k + 1))) && toks[k + 1].pos !== 'PRON' && !newNp(k + 1)) k++;
  let head = k;
  if (k + 2 <= max && toks[k + 1].lower === 'of' && isNpTok(toks[k + 2])) {
    // "many of the demands", "a series of bailouts": the head is in the of-phrase.
    const quantity = toks[k].pos === 'NUM' || toks[k].pos === 'DET' || toks[k].pos === 'ADJ' || (quantifiers?.has(toks[k].lower) ?? false);
    k += 2;
    while (k + 1 <= max && (isNpTok(toks[k + 1]) || isCoord(toks, k + 1)) && toks[k + 1].pos !== 'PRON') k++;
    if (quantity) head = k;
  }
  return { a: start, b: k, head };
}

/** Leftmost token of the verb group ending at trigger k: auxiliaries, negation, adverbs, "to". */
export function verbGroupStart(toks: Tok[], k: number, min: number): number {
  let g = k;
  while (g - 1 >= min) {
    const t = toks[g - 1];
    // "got fired": the passive "get" is tagged as a verb.
    const getPassive = t.lemma === 'get' && g === k && /(ed|en|t)$/.test(toks[k].lower);
    if (t.pos === 'AUX' || t.pos === 'ADV' || getPassive || (t.pos === 'PART' && t.lower !== "'s" && t.lower !== '’s')) g--;
    else break;
  }
  return g;
}

/** Prepositional phrases after token `from`: [{prep, phrase}], stopping at verbs and clause ends. */
export function prepPhrases(toks: Tok[], from: number, max: number, limit = 4, blocked?: boolean[], quantifiers?: Set<string>): Array<{ prep: string; p: number; np: Phrase }> {
  const out: Array<{ prep: string; p: number; np: Phrase }> = [];
  let k = from;
  while (k <= max && out.length < limit) {
    const t = toks[k];
    if (t.pos === 'ADV' || (t.pos === 'PUNCT' && t.value === ',' && toks[k + 1]?.pos === 'ADP')) {
      k++;
      continue;
    }
    if ((t.pos === 'ADP' || (t.pos === 'PART' && t.lower === 'to')) && k + 1 <= max) {
      let s = k + 1;
      // "toward the Sea of Japan", "to both X and Y"
      const np = npForward(toks, s, max, blocked, quantifiers);
      if (!np) break;
      out.push({ prep: t.lower, p: k, np });
      k = np.b + 1;
      s = k;
      continue;
    }
    break;
  }
  return out;
}
