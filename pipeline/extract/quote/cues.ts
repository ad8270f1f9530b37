import type { Span } from '../../types.js';
import { dataJson, wordList } from '../../lexicon.js';

/** A word or punctuation token of a stretch of text, with its offsets. */
export interface Tok extends Span {
  text: string;
  lower: string;
  word: boolean;
  cap: boolean;
}

// Abbreviations whose period belongs to the word (initials, titles, U.S.).
const ABBREV = /^(?:\p{Lu}|(?:\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Capt|Maj|Adm|Pres|Sec|Atty|Supt|Cmdr|Insp)$/u;
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.\-](?=[\p{L}\p{N}]))*|\S/gu;
const WORD_START = /^[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;

/** Tokens of text[start, end). */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  const seg = text.slice(start, end);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(seg)) !== null) {
    let s = start + m.index;
    let e = s + m[0].length;
    let t = m[0];
    const c0 = t.charCodeAt(0);
    // ASCII answers without a regex (this runs on every token of every sentence).
    const word = c0 < 128 ? (c0 >= 48 && c0 <= 57) || ((c0 | 32) >= 97 && (c0 | 32) <= 122) : WORD_START.test(t);
    const cap = word && (c0 < 128 ? c0 >= 65 && c0 <= 90 : UPPER_START.test(t));
    const last = t.charCodeAt(t.length - 1);
    if (word && text[e] === '.' && e < end && ABBREV.test(t)) {
      e++;
      t += '.';
      TOKEN.lastIndex++;
    } else if (word && (last === 115 || last === 83) && e < end && (text[e] === "'" || text[e] === '’') && !WORD_START.test(text[e + 1] ?? '')) {
      // A plural possessive ("Sanders’ campaign").
      e++;
      t += text[e - 1];
      TOKEN.lastIndex++;
    }
    out.push({ start: s, end: e, text: t, lower: t.toLowerCase(), word, cap });
    s = e;
  }
  return out;
}

interface Lexicon {
  pronouns: string[];
  personPronouns: string[];
  determiners: string[];
  betweenSubjectAndVerb: string[];
  clauseBreakers: string[];
  nameConnectors: string[];
  phraseCues: string[];
  titles: string[];
  discourseOpeners: string[];
  notNames: string[];
  namingVerbs: string[];
  clauseVerbs: string[];
  leadIns: string[];
  notClauseStart: string[];
  subordinators: string[];
  irregularPast: string[];
}

export interface Lex {
  /** Inflected form (lower case, particle joined by a space) → base form. */
  verbs: Map<string, string>;
  /** Base forms good enough for reported speech without marks. */
  indirect: Set<string>;
  /** Two-word verbs: first word → second words. */
  particles: Map<string, Set<string>>;
  pronouns: Set<string>;
  personPronouns: Set<string>;
  determiners: Set<string>;
  between: Set<string>;
  breakers: Set<string>;
  connectors: Set<string>;
  /** Multi-word cues ("according to") by their first word, in lexicon order. */
  phraseCues: Map<string, string[][]>;
  /** Every word a cue can start with (a verb form, a particle verb's first word, a phrase's first word). */
  cueStarts: Set<string>;
  titles: Set<string>;
  openers: Set<string>;
  notNames: Set<string>;
  naming: Set<string>;
  clauseVerbs: Set<string>;
  leadIns: Set<string>;
  notClauseStart: Set<string>;
  subordinators: Set<string>;
  irregularPast: Set<string>;
}

let lexCache: Lex | null = null;

/** The quote stage's word lists, loaded once. */
export function lex(): Lex {
  if (lexCache) return lexCache;
  const j = dataJson<Lexicon>('quote_lexicon.json');
  const verbs = new Map<string, string>();
  const particles = new Map<string, Set<string>>();
  for (const line of wordList('speech_verbs.txt')) {
    const forms = line.split(/\s+/);
    const base = forms[0].replace(/_/g, ' ');
    for (const f of forms) {
      const parts = f.toLowerCase().split('_');
      verbs.set(parts.join(' '), base);
      if (parts.length === 2) {
        if (!particles.has(parts[0])) particles.set(parts[0], new Set());
        particles.get(parts[0])!.add(parts[1]);
      }
    }
  }
  const phraseCues = j.phraseCues.reduce((m, p) => {
    const words = p.split(' ');
    m.set(words[0], [...(m.get(words[0]) ?? []), words]);
    return m;
  }, new Map<string, string[][]>());
  lexCache = {
    verbs,
    particles,
    phraseCues,
    cueStarts: new Set([...verbs.keys(), ...particles.keys(), ...phraseCues.keys()]),
    indirect: new Set(wordList('indirect_verbs.txt').map((w) => w.toLowerCase().replace(/_/g, ' '))),
    pronouns: new Set(j.pronouns),
    personPronouns: new Set(j.personPronouns),
    determiners: new Set(j.determiners),
    between: new Set(j.betweenSubjectAndVerb),
    breakers: new Set(j.clauseBreakers),
    connectors: new Set(j.nameConnectors),
    titles: new Set(j.titles.map((t) => t.toLowerCase())),
    openers: new Set(j.discourseOpeners.map((t) => t.toLowerCase())),
    naming: new Set(j.namingVerbs),
    clauseVerbs: new Set(j.clauseVerbs),
    leadIns: new Set(j.leadIns),
    notClauseStart: new Set(j.notClauseStart),
    subordinators: new Set(j.subordinators),
    irregularPast: new Set(j.irregularPast),
    notNames: new Set([...j.notNames, ...wordList('stopwords_en.txt')].map((t) => t.toLowerCase())),
  };
  return lexCache;
}

/** A cue found in the tokens: the verb (or phrase) and where it sits. */
export interface Cue {
  /** Index of the first and one past the last token of the cue. */
  from: number;
  to: number;
  /** Base form of the verb, or the phrase itself. */
  base: string;
  phrase: boolean;
}

const NONE: string[][] = [];

/** The speech cue starting at token i (a verb, a verb with particle, or a phrase cue), or null. */
export function cueAt(toks: Tok[], i: number): Cue | null {
  const L = lex();
  const t = toks[i];
  // Most words start no cue: one lookup says so.
  if (!t || !t.word || !L.cueStarts.has(t.lower)) return null;
  // Only the phrases that start with this word can match (cueAt runs on every word of a sentence).
  for (const p of L.phraseCues.get(t.lower) ?? NONE) {
    if (p.every((w, k) => toks[i + k]?.lower === w)) return { from: i, to: i + p.length, base: p.join(' '), phrase: true };
  }
  const next = toks[i + 1];
  if (next && L.particles.get(t.lower)?.has(next.lower)) {
    const base = L.verbs.get(`${t.lower} ${next.lower}`);
    if (base) return { from: i, to: i + 2, base, phrase: false };
  }
  const base = L.verbs.get(t.lower);
  // A capitalized verb form mid-sentence is a name ("Tweet", "Post" as a newspaper).
  if (!base || (t.cap && i > 0 && toks[i - 1].word)) return null;
  // A noun, not a verb: "a report", "Trump's claims", "a three-monthly report".
  const nounLike = t.lower === base || t.lower === `${base}s` || t.lower === `${base}es`;
  if (nounLike && i > 0) {
    const p1 = toks[i - 1];
    if (p1.word && (L.determiners.has(p1.lower) || /['’]s$/.test(p1.lower))) return null;
    if (i > 1 && p1.word && !p1.cap && /-|ly$|al$|ic$/.test(p1.lower) && L.determiners.has(toks[i - 2].lower)) return null;
  }
  return { from: i, to: i + 1, base, phrase: false };
}

const isPossessive = (t: Tok) => /['’]s$/i.test(t.text) || /s['’]$/.test(t.text);
const isNameWord = (t: Tok) => t.cap;

/** A speaker phrase: the whole noun phrase and the name words in it. */
export interface SpeakerPhrase {
  /** The whole phrase ("Kremlin spokesman Dmitry Peskov"). */
  phrase: Span;
  /** The name words ("Dmitry Peskov"), or the phrase itself when it has no name. */
  name: Span;
  pronoun: string | null;
}

/** Name part of an NP token range: the last capitalized run, without title words or possessive owners. */
function nameOf(toks: Tok[], a: number, b: number, sentenceStart: number): SpeakerPhrase | null {
  const L = lex();
  if (a >= b) return null;
  if (b - a === 1 && L.pronouns.has(toks[a].lower)) {
    return { phrase: toks[a], name: toks[a], pronoun: toks[a].lower };
  }
  // Last run of name words (joined by connectors such as "of").
  let e = b;
  while (e > a && !isNameWord(toks[e - 1])) e--;
  if (e === a) {
    // No name: "the judge", "a spokesman".
    return { phrase: { start: toks[a].start, end: toks[b - 1].end }, name: { start: toks[a].start, end: toks[b - 1].end }, pronoun: null };
  }
  let s = e - 1;
  while (s > a) {
    const p = toks[s - 1];
    if (isNameWord(p) && !(isPossessive(p) && s - 1 >= a)) { s--; continue; }
    if (L.connectors.has(p.lower) && s - 2 >= a && isNameWord(toks[s - 2]) && p.lower !== 'the') { s--; continue; }
    break;
  }
  // A possessive owner inside the run ("Breitbart’s Joel Pollak") is not the speaker.
  for (let k = e - 2; k >= s; k--) if (isPossessive(toks[k])) { s = k + 1; break; }
  // A capitalized article opening the run ("The Commerce Department") is no name word.
  if (s < e - 1 && L.determiners.has(toks[s].lower)) s++;
  // Leading title words ("Kremlin spokesman", "President", "Sen.") are not the name;
  // a run that is nothing but titles and owners keeps its words.
  const isTitle = (t: Tok) => L.titles.has(t.lower) || L.titles.has(t.lower.replace(/\.$/, ''));
  let n = s;
  for (let k = e - 2; k >= s; k--) {
    if (!isTitle(toks[k])) continue;
    n = k + 1;
    // "Secretary of State John Kerry": the title's complement goes with it.
    if (toks[n].lower === 'of' && n + 2 < e) n += 2;
    break;
  }
  // A run of function words, openers or calendar words ("Which", "Meanwhile", "Thursday") is no name.
  if (toks.slice(n, e).every((t) => L.openers.has(t.lower) || L.notNames.has(t.lower) || !/\p{L}/u.test(t.text))) {
    // "The mayor" is a speaker phrase without a name; a lone "Meanwhile" is nothing.
    if (e >= b || L.openers.has(toks[e - 1].lower)) return null;
    const whole = { start: toks[a].start, end: toks[b - 1].end };
    return { phrase: whole, name: whole, pronoun: null };
  }
  // Lower-case words after the run belong to the name of an organization ("Xinhua news agency")
  // or make it an owner ("Clinton’s campaign").
  const nameEnd = e < b && (isPossessive(toks[e - 1]) || b - e <= 2) ? b : e;
  return {
    phrase: { start: toks[a].start, end: toks[b - 1].end },
    name: { start: toks[n].start, end: toks[nameEnd - 1].end },
    pronoun: null,
  };
}

/**
 * The subject noun phrase that ends just before token `verb` (skipping adverbs and
 * auxiliaries), not reaching before token `lo`. "Huma Abedin, vice chairwoman for
 * ..., said" gives Huma Abedin: an appositive between commas is stepped over.
 */
export function subjectBefore(toks: Tok[], verb: number, lo: number, sentenceStart: number): SpeakerPhrase | null {
  const L = lex();
  let i = verb - 1;
  let skipped = 0;
  while (i >= lo && toks[i].word && !toks[i].cap && (L.between.has(toks[i].lower) || /ly$/.test(toks[i].lower)) && skipped < 3) {
    i--;
    skipped++;
  }
  if (i > lo && toks[i].text === ',' && toks[i - 1].text === ')') i--;
  // A parenthetical right before the verb: "Paul Ryan (R-WI) said".
  if (i >= lo && toks[i].text === ')') {
    let k = i;
    while (k >= lo && toks[k].text !== '(') k--;
    if (k >= lo && i - k <= 8) i = k - 1;
  }
  // An appositive closing right before the verb: "Ramos, 58, told"; "Bozell, founder of ..., tells".
  if (i >= lo && toks[i].text === ',') {
    // "the assailant, John McGraw, told": the name between the commas.
    let k = i - 1;
    while (k >= lo && toks[k].text !== ',' && i - k <= 40) k--;
    if (k >= lo && i - k > 1 && toks.slice(k + 1, i).every((t) => isNameWord(t) || L.connectors.has(t.lower)) && isNameWord(toks[i - 1])) {
      const inner = nameOf(toks, k + 1, i, sentenceStart);
      if (inner) return inner;
    }
    // "Harry Bond, 30, of Raleigh, N.C., who was polled, said": the first name run
    // that starts a clause, read from the left.
    for (let c = Math.max(lo, i - 60); c < i; c++) {
      if (toks[c].text !== ',') continue;
      const named = nameRunBefore(toks, c, lo, sentenceStart);
      if (named) return named;
    }
    return null;
  }
  const end = i + 1;
  while (i >= lo) {
    const t = toks[i];
    if (!t.word) break;
    if (L.pronouns.has(t.lower)) {
      if (i === end - 1) i--;
      break;
    }
    if (!t.cap) {
      if (L.determiners.has(t.lower)) {
        i--;
        break;
      }
      if (L.connectors.has(t.lower)) {
        if (i - 1 >= lo && isNameWord(toks[i - 1]) && i + 1 < end && isNameWord(toks[i + 1])) {
          i--;
          continue;
        }
        break;
      }
      if (L.breakers.has(t.lower) || L.verbs.has(t.lower)) break;
    }
    if (end - i > 10) return null;
    i--;
  }
  let a = i + 1;
  // "But Labour campaign chiefs say": the conjunction is no part of the subject.
  while (a < end - 1 && toks[a].cap && L.openers.has(toks[a].lower)) a++;
  if (a >= end) return null;
  const np = nameOf(toks, a, end, sentenceStart);
  // An appositive with no closing comma ("Smith, a spokesman for the group said").
  const first = toks[a];
  const before = toks[a - 1];
  if (np && !np.pronoun && before && before.text === ',' && !first.cap && a - 1 > lo && !toks.slice(a, end).some(isNameWord)) {
    const named = nameRunBefore(toks, a - 1, lo, sentenceStart);
    if (named) return named;
  }
  return np;
}

/** The name run that ends just before token k ("Huma Abedin" before ", vice chairwoman"). */
function nameRunBefore(toks: Tok[], k: number, lo: number, sentenceStart: number): SpeakerPhrase | null {
  const L = lex();
  let j = k - 1;
  while (j >= lo && toks[j].word && (isNameWord(toks[j]) || (L.connectors.has(toks[j].lower) && j > lo && isNameWord(toks[j - 1])))) j--;
  // "In Iowa, the vice president said": a place after a preposition is no speaker;
  // a subject starts the clause (after a comma or a word such as "after", "when").
  if (j + 1 < k && L.openers.has(toks[j + 1].lower)) return null;
  if (j + 1 < k && j >= lo && toks[j].word && L.breakers.has(toks[j].lower) && !L.subordinators.has(toks[j].lower)) return null;
  if (j + 1 >= k || !isNameWord(toks[k - 1])) {
    if (k - 1 >= lo && L.pronouns.has(toks[k - 1].lower)) return nameOf(toks, k - 1, k, sentenceStart);
    return null;
  }
  return nameOf(toks, j + 1, k, sentenceStart);
}

/**
 * The subject at the start of a clause, for cues with no subject of their own
 * ("Obama punctuated his list by saying", "The senator emailed supporters saying:").
 */
export function clauseSubject(toks: Tok[], from: number, hi: number, sentenceStart: number): SpeakerPhrase | null {
  const L = lex();
  hi = Math.min(hi, toks.length);
  let i = from;
  // A dateline ("WASHINGTON, Dec. 8 (UPI) — ...").
  for (let k = i; k < hi && k < i + 12; k++) {
    if (/^(?:\u2014|\u2013|--)$/.test(toks[k].text) && toks.slice(i, k).some((t) => t.word && t.text === t.text.toUpperCase() && /\p{L}{2}/u.test(t.text))) {
      i = k + 1;
      break;
    }
  }
  // The nearest clause: after the last "when", "while", ... before the cue.
  for (let k = hi - 1; k > i; k--) {
    if (toks[k].word && !toks[k].cap && L.subordinators.has(toks[k].lower) && toks[k].lower !== 'and' && toks[k].lower !== 'but') {
      i = k + 1;
      break;
    }
  }
  // An introductory phrase ("At the town hall in Hudson, New Hampshire, ...", "Back in 1999, ...").
  if (i < hi && toks[i].word && (L.openers.has(toks[i].lower) || L.breakers.has(toks[i].lower))) {
    let last = -1;
    for (let k = i; k < hi - 1 && k < i + 16; k++) if (toks[k].text === ',') last = k;
    if (last < 0) return null;
    i = last + 1;
  }
  // A participle opening the sentence ("Adding, ...") has its subject elsewhere.
  if (i < hi && /ing$/.test(toks[i].lower) && L.verbs.has(toks[i].lower)) return null;
  if (i < hi && L.pronouns.has(toks[i].lower)) return nameOf(toks, i, i + 1, sentenceStart);
  const a = i;
  if (i < hi && L.determiners.has(toks[i].lower)) i++;
  let lowers = 0;
  while (i < hi && toks[i].word) {
    const t = toks[i];
    if (isNameWord(t)) {
      if (lowers > 0) break;
      i++;
      continue;
    }
    if (L.connectors.has(t.lower) && i > a && isNameWord(toks[i - 1]) && i + 1 < hi && isNameWord(toks[i + 1])) {
      i++;
      continue;
    }
    if (L.breakers.has(t.lower) || L.verbs.has(t.lower) || L.irregularPast.has(t.lower) || /ed$/.test(t.lower) || (/s$/.test(t.lower) && (lowers > 0 || isNameWord(toks[i - 1] ?? t)))) break;
    if (++lowers > 2) break;
    i++;
  }
  // "protesters", "the senator": a subject without a name is still a speaker phrase.
  if (i === a || (i - a === 1 && L.determiners.has(toks[a].lower))) return null;
  return nameOf(toks, a, i, sentenceStart);
}

/** The noun phrase right after a cue ("said Pyotr Topychkanov, a ..."; "according to the Times"). */
export function objectAfter(toks: Tok[], from: number, hi: number, sentenceStart: number): SpeakerPhrase | null {
  const L = lex();
  let i = from;
  while (i < hi) {
    const t = toks[i];
    if (!t.word) break;
    if (L.pronouns.has(t.lower) && i === from) return nameOf(toks, i, i + 1, sentenceStart);
    if (!t.cap && L.connectors.has(t.lower) && i > from) {
      // "secretary of state", "Bank of America"; "and" only between names.
      if ((t.lower === 'and' || t.lower === '&') && !(isNameWord(toks[i - 1]) && toks[i + 1] && isNameWord(toks[i + 1]))) break;
      i++;
      continue;
    }
    // "a count by The Associated Press", "a memo from the ministry": the source comes after.
    if ((t.lower === 'by' || t.lower === 'from') && i > from && !toks.slice(from, i).some(isNameWord) && toks[i + 1]?.word) {
      i++;
      continue;
    }
    if (!t.cap && L.breakers.has(t.lower)) break;
    if (i - from >= 12) break;
    i++;
  }
  // Trailing connectors are not part of it.
  while (i > from && L.connectors.has(toks[i - 1].lower)) i--;
  if (i === from) return null;
  // "the former secretary of state" has no capitalized word but is a speaker phrase;
  // a phrase with a name keeps the words up to the name run's end.
  return nameOf(toks, from, i, sentenceStart);
}
