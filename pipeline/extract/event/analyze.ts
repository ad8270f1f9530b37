import type { Annotations, Doc, MentionHit, Modality, Precision, QuoteHit, SentenceSpan, Span, TimexHit } from '../../types.js';
import type { Alt, EventLexicon, TriggerEntry } from './lexicon.js';
import { W_CUE, W_FINITE_ONLY, W_OBJECT, W_PHRASAL_HEAD, W_STRONG, W_WEAK } from './lexicon.js';
import type { EventCandidate } from './merge.js';
import type { Tok } from './tokens.js';
import { tokenize } from './tokens.js';
import { overlapping, spanIndex, type SpanIndex } from '../spans.js';
import {
  QUOTE_CHARS, clauseBounds, clauseIds, isNpTok, npBackward, npForward, prepPhrases, verbForm, verbGroupStart,
  type Phrase,
} from './grammar.js';

/** What the analysis of one article needs, built once per document. */
export interface DocContext {
  doc: Doc;
  prior: Readonly<Annotations>;
  lex: EventLexicon;
  /** Mentions sorted by start (mentionIx.sorted). */
  mentions: readonly MentionHit[];
  /** Mentions, timexes and quotes indexed for overlap lookups (spans.ts). */
  mentionIx: SpanIndex<MentionHit>;
  timexIx: SpanIndex<TimexHit>;
  quoteIx: SpanIndex<QuoteHit>;
  /** Entity key -> entity type (from prior.entities, else the key's prefix). */
  typeOf: (key: string) => string;
  /** Quoted text: quote hits and quotation-mark pairs. */
  quoted: Span[];
  /** End of the quoted span covering a position (-1: none); a lookup, not a scan. */
  quoteCover: (pos: number) => number;
  /** End of the timex covering a position (-1: none). */
  timexCover: (pos: number) => number;
  /** 'm', 'f' or null for a person entity (title or first name). */
  genderOf: (key: string) => string | null;
}

interface Sent {
  s: SentenceSpan;
  toks: Tok[];
  /** Tokens inside a time expression. */
  inTimex: boolean[];
  /** The sentence holds "according to" or the like. */
  speechPhrase: boolean;
  /** Usable date timexes of the sentence. */
  dates: TimexHit[];
  clause: number[];
  headline: boolean;
}

interface Args {
  actor: MentionHit | null;
  target: MentionHit | null;
  location: MentionHit | null;
  /** Token range of the evidence (inclusive). */
  from: number;
  to: number;
}

const WEAPON_CATS = new Set(['ASSAULT', 'MOBILIZE']);
const ACTOR_TYPES = new Set(['PERSON', 'ORGANIZATION', 'COUNTRY', 'GROUP']);
const SYMMETRIC = new Set(['CONSULT', 'COOPERATE']);
const LOC_PREPS_COUNTRY = new Set(['in', 'to', 'toward', 'towards', 'into', 'inside', 'near', 'off']);

export function buildContext(doc: Doc, prior: Readonly<Annotations>, lex: EventLexicon): DocContext {
  const types = new Map<string, string>();
  for (const e of prior.entities) types.set(e.entityKey, e.type);
  const typeOf = (key: string): string => types.get(key) ?? key.split(':')[0].toUpperCase();
  const quoted: Span[] = prior.quotes.map((q) => ({ start: q.start, end: q.end }));
  // Quotation-mark pairs per paragraph (quotes may run across sentences).
  for (const p of doc.paragraphs) {
    const text = doc.text.slice(p.start, p.end);
    const re = /“[^”]*”|"[^"\n]*"/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      // A short scare quote ("diligence") is not speech.
      if (m[0].split(/\s+/).length >= 4) quoted.push({ start: p.start + m.index, end: p.start + m.index + m[0].length });
    }
  }
  const mentionIx = spanIndex(prior.mentions);
  const mentions = mentionIx.sorted;
  const names = new Map<string, string>();
  for (const e of prior.entities) names.set(e.entityKey, e.name);
  const genders = new Map<string, string | null>();
  const genderOf = (key: string): string | null => {
    if (genders.has(key)) return genders.get(key) ?? null;
    let g: string | null = null;
    // A title before any mention ("Ms Hughes") wins over the first name.
    for (const m of mentions) {
      if (m.entityKey !== key) continue;
      const before = /([A-Za-z]+)\.?\s+$/.exec(doc.text.slice(Math.max(0, m.start - 12), m.start));
      const t = before ? lex.cues.genderTitles.get(before[1].toLowerCase()) : undefined;
      if (t) {
        g = t;
        break;
      }
    }
    if (!g) {
      const words = (names.get(key) ?? '').toLowerCase().split(/\s+/);
      g = lex.cues.genderTitles.get(words[0].replace(/\.$/, '')) ?? lex.firstNames.get(words[0]) ?? null;
    }
    genders.set(key, g);
    return g;
  };
  return { doc, prior, lex, mentions, mentionIx, timexIx: spanIndex(prior.timexes), quoteIx: spanIndex(prior.quotes), typeOf, quoted, genderOf, quoteCover: coverOf(quoted), timexCover: coverOf(prior.timexes) };
}

/**
 * For spans that may overlap: a function giving the furthest end among the spans that cover
 * a position, or -1. Sorted starts plus a running maximum of ends make it a binary search.
 */
function coverOf(spans: readonly Span[]): (pos: number) => number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  let m = -1;
  for (const x of sorted) maxEnd.push((m = Math.max(m, x.end)));
  return (pos) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > pos ? maxEnd[lo - 1] : -1;
  };
}

let anaphorCache: { lex: EventLexicon; re: RegExp } | null = null;

/** One regular expression for the words that refer back to an entity ("he", "the group"). */
function anaphorRe(lex: EventLexicon): RegExp {
  if (anaphorCache?.lex !== lex) {
    const words = [...lex.cues.anaphors.keys()].filter((w) => /^[a-z]+$/.test(w));
    anaphorCache = { lex, re: new RegExp(`\\b(?:${words.join('|')})s?\\b`, 'i') };
  }
  return anaphorCache.re;
}

/**
 * Cheap test, once per document: which sentences could hold a reportable event? A
 * trigger form (or a weak form with its object word) and something to anchor the event:
 * an entity mention, a date, or a word that refers back to one (a pronoun, "the group").
 * Only these sentences are tagged, which is most of the stage's cost.
 */
export function candidateSentences(ctx: DocContext): SentenceSpan[] {
  const { lex, doc } = ctx;
  const text = doc.text;
  const mentionStarts = ctx.mentions.map((m) => m.start);
  const dateStarts = ctx.prior.timexes.filter((t) => t.dateStart !== null).map((t) => t.start).sort((x, y) => x - y);
  const inRange = (xs: number[], s: SentenceSpan): boolean => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] < s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < xs.length && xs[lo] < s.end;
  };
  const out: SentenceSpan[] = [];
  const re = /[A-Za-z][A-Za-z'-]*/g;
  const anaphor = anaphorRe(lex);
  for (const s of doc.sentences) {
    const anchor = inRange(mentionStarts, s) || inRange(dateStarts, s) || anaphor.test(text.slice(s.start, s.end));
    if (!anchor) continue;
    let strong = false;
    let weak = false;
    let object = false;
    let prevWord = '';
    // A present-tense form ("demand") counts after a cue word, an -ly adverb after one, in a
    // headline or in a conditional sentence; elsewhere it is generic or a noun of no event.
    let cued = false;
    const tail = text.slice(Math.max(s.start, s.end - 3), s.end).trimEnd();
    const lax = !/[.!?"”’')]$/.test(tail) || /\b(?:if|unless|whether)\b/i.test(text.slice(s.start, s.end));
    re.lastIndex = s.start;
    let m: RegExpExecArray | null;
    let prevFlags = 0;
    while ((m = re.exec(text)) !== null && m.index < s.end) {
      const raw = m[0];
      const c0 = raw.charCodeAt(0);
      let w = raw;
      // Triggers are lower-case words; a capital counts only where a sentence or headline starts
      // or in all-capitals text ("March 7" is no march).
      if (c0 < 97) {
        w = raw.toLowerCase();
        if (raw !== raw.toUpperCase()) {
          let q = m.index - 1;
          while (q >= 0 && (text[q] === ' ' || text[q] === '\t')) q--;
          if (q >= 0 && !/[.!?:;"“”'‘’(\n\r—–-]/.test(text[q])) {
            prevWord = w;
            prevFlags = 0;
            cued = false;
            continue;
          }
        }
      }
      const f = lex.wordFlags.get(w) ?? 0;
      if (f & W_STRONG) {
        if (lax || cued || !(f & W_FINITE_ONLY)) strong = true;
      } else if ((prevFlags & W_PHRASAL_HEAD) && lex.phrasalForms.has(`${prevWord} ${w}`)) strong = true;
      else if (f & W_WEAK) weak = true;
      if (f & W_OBJECT) object = true;
      if (strong) break;
      cued = (f & W_CUE) !== 0 || (cued && w.endsWith('ly'));
      prevWord = w;
      prevFlags = f;
    }
    if (!strong && !(weak && object)) {
      const lower = text.slice(s.start, s.end).toLowerCase();
      strong = lex.phrases.some((p) => lower.includes(p.phrase));
    }
    if (strong || (weak && object)) out.push(s);
  }
  return out;
}

export function analyzeSentence(ctx: DocContext, s: SentenceSpan, tokens?: Tok[]): EventCandidate[] {
  const toks = tokens ?? tokenize(ctx.doc.text, s.start, s.end);
  if (toks.length === 0) return [];
  const last = ctx.doc.text.slice(s.start, s.end).trimEnd().slice(-1);
  const timexes = overlapping(ctx.timexIx, s.start, s.end);
  const inTimex = toks.map((t) => timexes.some((x) => x.start < t.end && x.end > t.start));
  const lower = ctx.doc.text.slice(s.start, s.end).toLowerCase();
  const speechPhrase = ctx.lex.cues.speechPhrases.some((p) => lower.includes(p));
  const dates = timexes.filter((t) => t.dateStart !== null && (t.type === 'DATE' || t.type === 'TIME'));
  const sent: Sent = { s, toks, inTimex, speechPhrase, dates, clause: clauseIds(toks), headline: !/[.!?"”’')]/.test(last) };
  // The tagger reads "China attacks Taiwan" as a noun: a trigger noun between a name or
  // pronoun and a determiner, name or pronoun is the verb.
  for (let k = 1; k + 1 < toks.length; k++) {
    const t = toks[k];
    if (t.pos !== 'NOUN' || !ctx.lex.verbs.has(t.lemma)) continue;
    const l = toks[k - 1];
    const r = toks[k + 1];
    const pluralNoun = l.pos === 'NOUN' && l.lower !== l.lemma && l.lower.endsWith('s');
    if ((l.pos === 'PROPN' || pluralNoun || (l.pos === 'PRON' && /^(he|she|it|they|we|i|you)$/.test(l.lower))) && (r.pos === 'DET' || r.pos === 'PROPN' || (r.pos === 'PRON' && !/^(he|she|it|they|we|i|you)$/.test(r.lower)) || r.pos === 'NUM')) {
      toks[k] = { ...t, pos: 'VERB' };
    }
  }
  const out: EventCandidate[] = [];
  const consumed = new Set<number>();
  for (const t of toks) {
    if (t.pos !== 'VERB') continue;
    const ev = verbEvent(ctx, sent, t.i, consumed);
    if (ev) out.push(ev);
  }
  for (const t of toks) {
    if (t.pos !== 'NOUN' || consumed.has(t.i)) continue;
    const entry = ctx.lex.nouns.get(t.lemma);
    if (!entry || (entry.forms && !entry.forms.includes(t.lower)) || insideName(ctx, t)) continue;
    const ev = nounEvent(ctx, sent, t.i, entry);
    if (ev) out.push(ev);
  }
  out.push(...phraseEvents(ctx, sent));
  return out;
}

// ---------------------------------------------------------------- mentions

/** A name the tagger split ("The Far/ADV East Development Ministry") stays whole, with its determiner. */
function extendOverMention(ctx: DocContext, toks: Tok[], p: Phrase): Phrase {
  let a = p.a;
  while (a > 0) {
    const m = mentionsIn(ctx, toks[a - 1].start, toks[a - 1].end)[0];
    if (!m || m.end <= toks[a - 1].end || m.start > toks[a - 1].start) break;
    a--;
  }
  if (a < p.a && a > 0 && toks[a - 1].pos === 'DET') a--;
  return { a, b: p.b, head: p.head };
}

/** "On March 6 Pyongyang fired": the date before the subject is not part of it. */
function dropLeadingTimex(ctx: DocContext, toks: Tok[], p: Phrase): Phrase | null {
  let a = p.a;
  for (let end = ctx.timexCover(toks[a].start); end >= 0 && a <= p.b; end = a <= p.b ? ctx.timexCover(toks[a].start) : -1) {
    while (a <= p.b && toks[a].start < end) a++;
  }
  while (a <= p.b && toks[a].value === ',') a++;
  // "the day Pyongyang fired": a relative clause without "when"; the subject follows the time noun.
  for (let j = a; j < p.b; j++) if (ctx.lex.cues.timeNouns.has(toks[j].lower) && toks[j + 1].pos === 'PROPN') a = j + 1;
  if (a > p.b) return null;
  return { a, b: p.b, head: Math.max(a, p.head) };
}

function mentionsIn(ctx: DocContext, start: number, end: number): MentionHit[] {
  return overlapping(ctx.mentionIx, start, end);
}

function spanOf(toks: Tok[], p: Phrase): Span {
  return { start: toks[p.a].start, end: toks[p.b].end };
}

/**
 * The mention a phrase's head chunk names. A possessor ("Brown's ally") names someone
 * else, except before an agent noun ("Brown's spokesman"); a modifier right before
 * another word ("Democrat Hillary Clinton", "Florida primary winner") gives way to a
 * mention that ends a conjunct. Subjects: the mention nearest the verb; objects: the
 * first conjunct. Undefined: no mention at all; null: only a possessor that does not act.
 */
function headMention(ctx: DocContext, toks: Tok[], p: Phrase, inHead: MentionHit[], leftmost: boolean): MentionHit | null | undefined {
  if (!inHead.length) return undefined;
  const text = ctx.doc.text;
  const possessors: MentionHit[] = [];
  const modifiers: MentionHit[] = [];
  const finals: MentionHit[] = [];
  for (const m of inHead) {
    if (/^['’]s?(?![A-Za-z])/.test(text.slice(m.end, m.end + 3))) {
      possessors.push(m);
      continue;
    }
    let j = p.a;
    while (j <= p.head && toks[j].start < m.end) j++;
    const next = j <= p.head ? toks[j] : null;
    if (next && next.pos !== 'PUNCT' && next.pos !== 'CCONJ') modifiers.push(m);
    else finals.push(m);
  }
  const pick = (xs: MentionHit[]): MentionHit => (leftmost ? xs[0] : xs[xs.length - 1]);
  if (finals.length) return pick(finals);
  if (modifiers.length) return pick(modifiers);
  if (leftmost || ctx.lex.cues.possessorAgents.has(toks[p.head].lemma) || ctx.lex.cues.possessorAgents.has(toks[p.head].lower)) return pick(possessors);
  return null;
}

const MASC = new Set(['he', 'him', 'his', 'himself']);
const FEM = new Set(['she', 'her', 'hers', 'herself']);

/** The entity a phrase names: a mention on its head chunk, else any mention in it, else an anaphor's antecedent. */
function resolvePhrase(ctx: DocContext, sent: Sent, p: Phrase | null, leftmost = false): MentionHit | null {
  if (!p) return null;
  const toks = sent.toks;
  const headSpan = { start: toks[p.a].start, end: toks[p.head].end };
  const inHead = mentionsIn(ctx, headSpan.start, headSpan.end);
  const hm = headMention(ctx, toks, p, inHead, leftmost);
  if (hm !== undefined) return hm;
  const all = mentionsIn(ctx, toks[p.a].start, toks[p.b].end);
  if (all.length) return all[0];
  const head = toks[p.head];
  const types = ctx.lex.cues.anaphors.get(head.lower) ?? ctx.lex.cues.anaphors.get(head.lemma);
  if (!types) return null;
  // A description refers back only when definite: "the group", not "animal welfare groups".
  if (head.pos !== 'PRON' && !/^(the|this|that|these|those)$/.test(toks[p.a].lower)) return null;
  // Definite descriptions and pronouns: the latest earlier mention of a fitting type, within 3 sentences.
  const horizon = ctx.doc.sentences[Math.max(0, sent.s.index - 2)]?.start ?? 0;
  // He/she agree in gender with a person whose gender is known.
  const want = MASC.has(head.lower) ? 'm' : FEM.has(head.lower) ? 'f' : null;
  const before = mentionsIn(ctx, horizon, toks[p.a].start).filter((m) => m.end <= toks[p.a].start && m.start >= horizon && types.includes(ctx.typeOf(m.entityKey))
    && !(want && ctx.typeOf(m.entityKey) === 'PERSON' && (ctx.genderOf(m.entityKey) ?? want) !== want));
  // A person known to fit beats one of unknown gender.
  const sure = want ? before.filter((m) => ctx.genderOf(m.entityKey) === want) : [];
  if (sure.length) return sure[sure.length - 1];
  return before.length ? before[before.length - 1] : null;
}

/** A trigger word inside a name ("Allied Domecq", "Strike Force Ltd") is part of the name. */
function insideName(ctx: DocContext, t: Tok): boolean {
  return mentionsIn(ctx, t.start, t.end).some((m) => m.start <= t.start && m.end >= t.end && m.end - m.start > t.end - t.start);
}

function isPlace(ctx: DocContext, m: MentionHit): boolean {
  const t = ctx.typeOf(m.entityKey);
  return t === 'LOCATION' || t === 'COUNTRY';
}

// ---------------------------------------------------------------- categories

function altMatches(alt: Alt, obj: string | null, ctxWords: string[], hasTarget: boolean, patientType: string | null, hasObj: boolean, next: string, agentType: string | null): boolean {
  if (alt.agent && alt.agent !== agentType) return false;
  if (alt.next && !alt.next.includes(next)) return false;
  if (alt.obj && !(obj && alt.obj.includes(obj))) return false;
  if (alt.objNot && !(obj && !alt.objNot.includes(obj))) return false;
  if (alt.ctx && !ctxWords.some((w) => alt.ctx!.includes(w))) return false;
  if (alt.noTarget && hasTarget) return false;
  if (alt.patient && alt.patient !== patientType) return false;
  if (alt.hasObj !== undefined && alt.hasObj !== hasObj) return false;
  return true;
}

function categoryOf(entry: TriggerEntry, obj: string | null, ctxWords: string[], hasTarget: boolean, patientType: string | null, hasObj: boolean, next = '', agentType: string | null = null): string | null {
  for (const alt of entry.alt) if (altMatches(alt, obj, ctxWords, hasTarget, patientType, hasObj, next, agentType)) return alt.cat;
  return entry.category;
}

// ---------------------------------------------------------------- modality

function inQuote(ctx: DocContext, pos: number): boolean {
  return ctx.quoteCover(pos) >= 0;
}

/** Reported: inside quotes, under "according to", or in the complement of a speech verb. */
function isReported(ctx: DocContext, sent: Sent, k: number): boolean {
  const toks = sent.toks;
  if (inQuote(ctx, toks[k].start)) return true;
  if (sent.speechPhrase) return true;
  for (const t of toks) {
    if (t.i === k || t.pos !== 'VERB' || !ctx.lex.cues.speech.has(t.lemma)) continue;
    if (verbForm(t) === 'ing' && t.i > k) continue;
    if (t.i < k) return true;
    // "..., he said." / "...," said Peskov: a comma or quote between them.
    for (let j = k + 1; j < t.i; j++) if (toks[j].value === ',' || QUOTE_CHARS.has(toks[j].value)) return true;
  }
  return false;
}

/** Inside an "if" clause: the conditional word opens the trigger's clause and no comma closes it first. */
function conditionalBefore(ctx: DocContext, sent: Sent, k: number, cs: number): boolean {
  for (let j = k - 1; j >= Math.max(0, cs - 1); j--) {
    const t = sent.toks[j];
    if (t.value === ',') return false;
    if (ctx.lex.cues.conditionals.has(t.lower)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- dates

function pickDate(ctx: DocContext, sent: Sent, k: number, cs: number, ce: number, skip: Span | null): TimexHit | null {
  const toks = sent.toks;
  const anchor = toks[k].start;
  const usable = sent.dates.filter((t) => !(skip && t.start >= skip.start && t.end <= skip.end));
  // A date in another clause with a verb of its own dates that verb ("who founded it in 1979").
  const foreign = (t: TimexHit): boolean => {
    const at = toks.findIndex((x) => x.end > t.start);
    if (at < 0) return false;
    const [a, b] = clauseBounds(sent.clause, at);
    if (a === cs) return false;
    for (let j = a; j <= b; j++) if (toks[j].pos === 'VERB' && j !== k) return true;
    return false;
  };
  const nearest = (from: number, to: number, checkClause = false): TimexHit | null => {
    let best: TimexHit | null = null;
    for (const t of usable) {
      if (t.start < from || t.end > to || (checkClause && foreign(t))) continue;
      if (!best || Math.abs(t.start - anchor) < Math.abs(best.start - anchor)) best = t;
    }
    return best;
  };
  return nearest(toks[cs].start, toks[ce].end) ?? nearest(sent.s.start, sent.s.end, true);
}

// ---------------------------------------------------------------- building a hit

function actionWords(ctx: DocContext, toks: Tok[], p: Phrase | null): string[] {
  if (!p) return [];
  const words: string[] = [];
  // Named participants are fields of their own (with their titles: "Mr Blair"); named things (THAAD) stay.
  const named = mentionsIn(ctx, toks[p.a].start, toks[p.head].end).some((m) => ctx.typeOf(m.entityKey) !== 'MISC');
  for (let j = p.a; j <= p.head; j++) {
    const t = toks[j];
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN')) continue;
    if (named && t.pos === 'PROPN') continue;
    const m = mentionsIn(ctx, t.start, t.end)[0];
    if (m && ctx.typeOf(m.entityKey) !== 'MISC') continue;
    words.push(t.value);
  }
  return words.slice(-4);
}

function makeHit(
  ctx: DocContext, sent: Sent, k: number, triggerEnd: number, category: string, actionKey: string, action: string,
  args: Args, modality: Modality, dateSkip: Span | null, rule: string,
): EventCandidate {
  const toks = sent.toks;
  const [cs, ce] = clauseBounds(sent.clause, k);
  const date = pickDate(ctx, sent, k, cs, ce, dateSkip);
  let start = toks[args.from].start;
  let end = toks[args.to].end;
  // Participants inside the clause widen the evidence; an antecedent in an earlier clause does not.
  for (const m of [args.actor, args.target, args.location]) {
    if (m && m.start >= toks[cs].start && m.end <= toks[ce].end) {
      start = Math.min(start, m.start);
      end = Math.max(end, m.end);
    }
  }
  start = Math.min(start, toks[k].start);
  end = Math.max(end, toks[triggerEnd].end);
  // Evidence ends on a word, not on punctuation or an opening quote.
  while (end > start && /[\s,;:"“”'‘’(—–-]/.test(ctx.doc.text[end - 1])) end--;
  while (start < end && /[\s,;:"“”'‘’)—–-]/.test(ctx.doc.text[start])) start++;
  // A day after publication: the event is scheduled, not reported as done ("talks resume Monday").
  const published = ctx.doc.published?.slice(0, 10) ?? null;
  if (modality === 'asserted' && date && date.precision === 'day' && published && date.dateStart && date.dateStart > published) modality = 'hypothetical';
  return {
    start,
    end,
    action,
    category,
    actorKey: args.actor?.entityKey ?? null,
    targetKey: args.target?.entityKey ?? null,
    locationKey: args.location?.entityKey ?? null,
    dateStart: date?.dateStart ?? null,
    dateEnd: date?.dateEnd ?? null,
    datePrecision: (date?.precision ?? null) as Precision | null,
    modality,
    trigger: { start: toks[k].start, end: toks[triggerEnd].end },
    rule,
    actionKey,
  };
}

/** Target and location from the prepositional phrases, given what is already taken. */
function fillFromPreps(
  ctx: DocContext, sent: Sent, category: string,
  pps: Array<{ prep: string; np: Phrase }>, args: Args, targetPreps: Set<string>, victim = false,
): void {
  for (const pp of pps) {
    const ms = mentionsIn(ctx, sent.toks[pp.np.a].start, sent.toks[pp.np.b].end);
    if (!ms.length) continue;
    const m = ms[0];
    const type = ctx.typeOf(m.entityKey);
    const used = [args.actor, args.target, args.location].some((x) => x && x.entityKey === m.entityKey);
    if (used) continue;
    let took = false;
    // "fired rockets at Kabul", "the attack on Kyiv": a place under attack is the target.
    const hitPrep = pp.prep === 'against' || (!victim && (pp.prep === 'at' || pp.prep === 'on' || pp.prep === 'upon'));
    const attacked = hitPrep && (WEAPON_CATS.has(category) || category === 'ASSAULT');
    if (victim && (category === 'ASSAULT' || WEAPON_CATS.has(category)) && (pp.prep === 'at' || pp.prep === 'on' || pp.prep === 'upon')) {
      if (!args.location && isPlace(ctx, m)) {
        args.location = m;
        took = true;
      }
    } else if (attacked && !args.target && type !== 'MISC') {
      args.target = m;
      took = true;
    } else if (!args.location && (type === 'LOCATION' || (isPlace(ctx, m) && LOC_PREPS_COUNTRY.has(pp.prep) && !(pp.prep === 'to' && !WEAPON_CATS.has(category) && category !== 'CONSULT' && !args.target)))) {
      args.location = m;
      took = true;
    } else if (!args.target && targetPreps.has(pp.prep) && !(type === 'MISC' && WEAPON_CATS.has(category))) {
      args.target = m;
      took = true;
    } else if (!args.target && pp.prep === 'to' && type !== 'MISC') {
      args.target = m;
      took = true;
    }
    if (took) args.to = Math.max(args.to, pp.np.b);
  }
}

function findLocationInClause(ctx: DocContext, sent: Sent, k: number, args: Args): void {
  if (args.location) return;
  const [cs, ce] = clauseBounds(sent.clause, k);
  const ms = mentionsIn(ctx, sent.toks[cs].start, sent.toks[ce].end).filter(
    (m) => ctx.typeOf(m.entityKey) === 'LOCATION' && m.entityKey !== args.actor?.entityKey && m.entityKey !== args.target?.entityKey,
  );
  if (!ms.length) return;
  ms.sort((a, b) => Math.abs(a.start - sent.toks[k].start) - Math.abs(b.start - sent.toks[k].start));
  args.location = ms[0];
}

// ---------------------------------------------------------------- verbs

function verbEvent(ctx: DocContext, sent: Sent, k: number, consumed: Set<number>): EventCandidate | null {
  const { lex } = ctx;
  const toks = sent.toks;
  const t = toks[k];
  // Trigger entry: "verb particle" first, then the verb alone.
  let entry: TriggerEntry | undefined;
  let trigEnd = k;
  const nxt = toks[k + 1];
  if (nxt) {
    entry = lex.phrasal.get(`${t.lemma} ${nxt.lower}`);
    if (entry) trigEnd = k + 1;
  }
  if (!entry) entry = lex.verbs.get(t.lemma) ?? lex.verbs.get(t.lower);
  if (!entry || (entry.forms && !entry.forms.includes(t.lower))) return null;
  if (entry.category === null && entry.alt.length === 0 && !entry.light) return null; // a listed non-event ("plead guilty")
  if (insideName(ctx, t)) return null;
  const [cs, ce] = clauseBounds(sent.clause, k);

  const form = verbForm(t);
  const g = verbGroupStart(toks, k, cs);
  const group = toks.slice(g, k);
  const auxLemmas = group.filter((x) => x.pos === 'AUX' || x.lemma === 'get').map((x) => x.lemma);
  const prev = toks[k - 1];
  if (prev && prev.pos === 'DET') return null; // "the deployed troops": adjectival
  // "10,000 newly created shares": a participle between a modifier and its noun.
  const pp2 = toks[k - 2];
  if (form === 'past' && nxt && nxt.pos === 'NOUN' && prev && prev.pos === 'ADV' && pp2 && (pp2.pos === 'DET' || pp2.pos === 'NUM' || pp2.pos === 'ADJ')) return null;
  // "two opposed ideologies", "a coordinated, well-planned attack": an adjective in a noun phrase.
  if (form === 'past' && auxLemmas.length === 0 && prev && (prev.pos === 'NUM' || prev.pos === 'ADJ') && nxt && (nxt.pos === 'NOUN' || (nxt.value === ',' && toks[k + 2]?.pos === 'ADV'))) return null;
  if (group.some((x) => lex.cues.generic.has(x.lower))) return null; // habitual: "has always stood"
  const hasModal = group.some((x) => lex.cues.modals.has(x.lower));
  const negated = group.some((x) => lex.cues.negations.has(x.lower));
  const toInf = group.some((x) => x.lower === 'to' && x.pos === 'PART');
  const passiveAux = auxLemmas.includes('be') || auxLemmas.includes('get');
  // "has been set up": verbs whose participle is the base form.
  const passive = passiveAux && (form === 'past' || (form === 'base' && lex.cues.sameFormPast.has(t.lemma) && auxLemmas[auxLemmas.length - 1] === 'be'));

  // Object and prepositional phrases.
  let p = trigEnd + 1;
  while (p <= ce && toks[p].pos === 'ADV') p++;
  let obj: Phrase | null = null;
  if (!passive && p <= ce && isNpTok(toks[p])) obj = npForward(toks, p, ce, sent.inTimex, lex.cues.quantifiers);
  // A timex is no object ("deployed on March 7" is a PP; "met Monday" has no object).
  if (obj && sent.inTimex[obj.a] && sent.inTimex[obj.head]) obj = null;
  const pps = prepPhrases(toks, obj ? obj.b + 1 : p, ce, 4, sent.inTimex, lex.cues.quantifiers);
  // Nouns of the object region that this verb speaks of ("sign the agreement"): not events of their own.
  const claimNouns = (): void => {
    for (const ph of [obj, ...pps.map((x) => x.np)]) if (ph && lex.nouns.has(toks[ph.head].lemma)) consumed.add(ph.head);
  };

  // Reduced relative: "The ministry, created in 2012, ..." / "missiles fired by X".
  const noAux = auxLemmas.length === 0 && !toInf && !hasModal;
  const closingComma = toks.slice(k + 1, ce + 1).some((x) => x.value === ',');
  // Headlines drop the auxiliary: "Japanese mogul arrested" is passive.
  const reducedRel = noAux && form === 'past' && !obj && prev && (
    (prev.value === ',' && closingComma) || (nxt?.lower === 'by' && prev.pos === 'NOUN') || (sent.headline && isNpTok(prev))
  );

  // Finite clause check: present simple is generic, bare -ing forms are participles.
  let modality: Modality = 'asserted';
  let rule = 'verb';
  let gi = -1;
  if (toInf) {
    // Governor of the infinitive: the verb or adjective just before "to".
    gi = g - 1;
    while (gi >= cs && toks[gi].pos === 'ADV') gi--;
    const gov = toks[gi];
    // "refusal to accept": an event noun governs as its verb would.
    const govLemma = gov ? (gov.pos === 'NOUN' ? lex.nouns.get(gov.lemma)?.verb ?? gov.lemma : gov.lemma) : '';
    // "refused to sign": the REJECT event of the governor covers it.
    if (gov && (gov.pos === 'VERB' || gov.pos === 'NOUN') && lex.verbs.get(govLemma)?.category === 'REJECT') {
      claimNouns();
      return null;
    }
    if (gov && lex.cues.negating.has(govLemma)) modality = 'negated';
    // "had to lend": a past obligation was met.
    else if ((gov && lex.cues.implicative.has(govLemma)) || group.some((x, j) => x.lower === 'had' && group[j + 1]?.lower === 'to')) modality = 'asserted';
    else modality = 'hypothetical';
    rule = 'verb.infinitive';
  } else if (reducedRel) {
    rule = 'verb.participle';
  } else if (auxLemmas.length === 0 && !hasModal) {
    if (form === 'ing') return null;
    const conditional = conditionalBefore(ctx, sent, k, cs);
    if ((form === 'base' || form === 'pres3') && !sent.headline && !conditional && !(form === 'base' && lex.cues.sameFormPast.has(t.lemma))) return null;
  } else if (form === 'ing' && !auxLemmas.includes('be')) {
    return null;
  }
  if (negated) modality = 'negated';
  else if (modality !== 'negated' && (hasModal || conditionalBefore(ctx, sent, k, cs))) modality = 'hypothetical';
  else if (modality === 'asserted' && isReported(ctx, sent, k)) modality = 'reported';
  if (modality === 'asserted' && sent.headline && (form === 'base' || form === 'pres3')) rule = 'verb.headline';

  // Subject: the phrase before the verb group, skipping a ", ... ," parenthetical.
  let sj = g - 1;
  let skipped: Span | null = null;
  if (!reducedRel && sj >= cs && toks[sj].value === ',') {
    let c = sj - 1;
    while (c > cs && toks[c].value !== ',') c--;
    if (c > cs) {
      skipped = { start: toks[c].start, end: toks[sj].end };
      sj = c - 1;
    } else sj = -1;
  }
  while (sj >= cs && QUOTE_CHARS.has(toks[sj].value)) sj--;
  let subj: Phrase | null = null;
  if (reducedRel) {
    let c = prev.value === ',' ? k - 2 : k - 1;
    subj = c >= 0 ? npBackward(toks, c, 0) : null;
  } else if (sj >= cs) subj = npBackward(toks, sj, cs);
  // "Ms Hughes was forced to resign": the governor's subject is the infinitive's.
  if (!subj && toInf && gi >= cs && toks[gi].pos === 'VERB' && sj === gi) {
    let s2 = verbGroupStart(toks, gi, cs) - 1;
    while (s2 >= cs && QUOTE_CHARS.has(toks[s2].value)) s2--;
    if (s2 >= cs) subj = npBackward(toks, s2, cs);
  }
  // "Michael Howard, who accused ...": the relative pronoun stands for the phrase before it.
  if (subj && subj.a === subj.b && /^(who|which|that)$/.test(toks[subj.a].lower)) {
    let r = subj.a - 1;
    if (r >= 0 && toks[r].value === ',') r--;
    const ante = r >= 0 ? npBackward(toks, r, 0) : null;
    subj = ante && toks[ante.b].pos !== 'PRON' ? ante : null;
  }
  if (subj) subj = dropLeadingTimex(ctx, toks, extendOverMention(ctx, toks, subj));
  let subjM = resolvePhrase(ctx, sent, subj);
  // "Clinton's opponent, Vermont Sen. Bernie Sanders, praised": the appositive names the subject.
  if (subj && skipped && toks[subj.head].pos === 'NOUN' && (!subjM || subjM.end <= toks[subj.head].start)) {
    const appo = mentionsIn(ctx, skipped.start, skipped.end).filter((m) => ctx.typeOf(m.entityKey) === 'PERSON');
    if (appo.length) subjM = appo[appo.length - 1];
  }
  // A share of poll respondents is no actor of an event: "27 percent would vote for Trump".
  if (subj && lex.cues.pollHeads.has(toks[subj.head].lower)) return null;
  const objM = resolvePhrase(ctx, sent, obj, true);

  // Light verbs and event-noun objects: "held talks", "summoned for an emergency meeting".
  let nounEntry: TriggerEntry | undefined;
  let nounAt = -1;
  const region = [obj, ...pps.map((x) => x.np)].filter((x): x is Phrase => !!x);
  for (const ph of region) {
    const h = toks[ph.head];
    const ne = h.pos === 'NOUN' ? lex.nouns.get(h.lemma) : undefined;
    if (ne) {
      nounEntry = ne;
      nounAt = ph.head;
      break;
    }
  }

  const args: Args = { actor: null, target: null, location: null, from: subj ? subj.a : k, to: trigEnd };
  if (passive || reducedRel) {
    const by = pps.find((x) => x.prep === 'by');
    const agent = by ? resolvePhrase(ctx, sent, by.np) : null;
    if (agent && by) {
      args.actor = agent;
      args.to = Math.max(args.to, by.np.b);
    }
    if (subjM) args.target = subjM;
  } else {
    args.actor = subjM;
    if (objM && obj) {
      args.target = objM;
      args.to = Math.max(args.to, obj.b);
    } else if (obj) args.to = Math.max(args.to, obj.b);
  }
  // In the passive the subject is the patient: "a deal was struck" is about the deal.
  const patientPh = passive || reducedRel ? subj : obj;
  const objHead = patientPh ? toks[patientPh.head].lemma : null;
  const hasObj = !!patientPh;
  const patientType = (passive || reducedRel ? subjM : objM) ? ctx.typeOf((passive || reducedRel ? subjM : objM)!.entityKey) : null;
  const ctxWords = toks.slice(Math.max(0, k - 3), k).map((x) => x.lower);

  let category: string | null;
  let actionKey = entry.key;
  let action: string;
  const objWords = actionWords(ctx, toks, obj);
  if (entry.light && nounEntry && nounAt >= 0 && obj && nounAt === obj.head) {
    const nctx = toks.slice(Math.max(0, nounAt - 3), nounAt).map((x) => x.lower);
    category = categoryOf(nounEntry, null, nctx, !!args.target, patientType, true);
    actionKey = nounEntry.verb;
    action = [t.lemma, ...(entry.key.includes(' ') ? [entry.key.split(' ')[1]] : []), ...objWords].join(' ');
    consumed.add(nounAt);
    args.to = Math.max(args.to, obj.b);
    rule = `${rule}.light`;
  } else {
    if (entry.light && entry.category === null) return null;
    category = categoryOf(entry, objHead, ctxWords, !!args.target, patientType, hasObj, toks[trigEnd + 1]?.lower ?? '');
    action = [entry.key, ...objWords].join(' ');
    if (nounEntry && nounAt >= 0) {
      const nctx = toks.slice(Math.max(0, nounAt - 3), nounAt).map((x) => x.lower);
      const ncat = categoryOf(nounEntry, null, nctx, false, null, true);
      if (ncat === category) {
        consumed.add(nounAt);
        const nph = region.find((r) => r.head === nounAt);
        if (nph) args.to = Math.max(args.to, nph.b);
        if (!obj) action = [entry.key, ...actionWords(ctx, toks, region.find((r) => r.head === nounAt) ?? null)].join(' ');
      }
    }
  }
  if (!category) return null;
  // Scoring in sport: "struck 158", "fired a nine", "hit a century", "shot a round of 68".
  if ((WEAPON_CATS.has(category) || category === 'ASSAULT') && patientPh) {
    const h = toks[patientPh.head];
    const scoring = lex.cues.sportsVerbs.has(t.lemma) && (h.pos === 'NUM' || toks[patientPh.b].pos === 'NUM');
    if (scoring || lex.cues.sports.has(h.lemma) || lex.cues.sports.has(h.lower)) return null;
  }
  if (args.target && WEAPON_CATS.has(category) && ctx.typeOf(args.target.entityKey) === 'MISC') args.target = null;
  if (args.target && ctx.typeOf(args.target.entityKey) === 'LOCATION') {
    args.location = args.target;
    args.target = null;
  }
  // "Libyan troops were deployed": the country named on the forces moved them.
  if ((passive || reducedRel) && !args.actor && category === 'MOBILIZE' && args.target && ['COUNTRY', 'GROUP', 'ORGANIZATION'].includes(ctx.typeOf(args.target.entityKey))) {
    args.actor = args.target;
    args.target = null;
  }
  // A symmetric meeting summoned or held without a named agent: the subject takes part.
  if ((passive || reducedRel) && !args.actor && SYMMETRIC.has(category) && args.target) {
    args.actor = args.target;
    args.target = null;
  }
  // "a child killed at Sandy Hook": with a victim named, "at"/"on" gives the place, not the target.
  const victim = !!patientPh && !lex.cues.weapons.has(toks[patientPh.head].lemma) && !lex.cues.weapons.has(toks[patientPh.head].lower);
  fillFromPreps(ctx, sent, category, pps, args, lex.cues.targetPreps, victim);
  // Re-check weapon firing once the places are known (fire at a target vs. into the sea).
  if (!entry.light || !nounEntry) {
    const agentType = args.actor ? ctx.typeOf(args.actor.entityKey) : null;
    const recat = categoryOf(entry, objHead, ctxWords, !!args.target, patientType, hasObj, toks[trigEnd + 1]?.lower ?? '', agentType);
    if (recat && recat !== category && !(nounEntry && consumed.has(nounAt))) category = recat;
  }
  findLocationInClause(ctx, sent, k, args);
  if (args.actor && args.target && args.actor.entityKey === args.target.entityKey) args.target = null;
  // Places do not act: "Wales councils visited ..." names where the actor is from.
  if (args.actor && ctx.typeOf(args.actor.entityKey) === 'LOCATION') {
    if (!args.location) args.location = args.actor;
    args.actor = null;
  }
  for (const pp of pps) if (pp.np.b > args.to && sent.inTimex[pp.np.b]) args.to = pp.np.b;
  const hit = makeHit(ctx, sent, k, trigEnd, category, actionKey, action, args, modality, skipped, rule);
  // Nothing named, nothing dated, and no subject or only a hypothetical or dependent form: too weak to report.
  const bare = !hit.actorKey && !hit.targetKey && !hit.locationKey && !hit.dateStart;
  // OTHER is the weakest category; a passive stance or agreement without agent names nobody.
  const speechLike = lex.cues.nounNeedsActor.has(category) || category === 'AGREE';
  if (bare && (!subj || modality === 'hypothetical' || category === 'OTHER' || (passive && !args.actor && speechLike) || rule.startsWith('verb.infinitive') || rule.startsWith('verb.participle'))) return null;
  return hit;
}

// ---------------------------------------------------------------- nouns

function nounEvent(ctx: DocContext, sent: Sent, k: number, entry: TriggerEntry): EventCandidate | null {
  const { lex } = ctx;
  const toks = sent.toks;
  const [cs, ce] = clauseBounds(sent.clause, k);
  // Only the head of its phrase: "election campaign" and "attack helicopters" are about something else.
  const after = toks[k + 1];
  if (after && (after.pos === 'NOUN' || after.pos === 'PROPN')) return null;
  // The noun phrase around the trigger: premodifiers to the left.
  let a = k;
  // A determiner opens the phrase: "voters support a ban" is not "voters' ban".
  while (a - 1 >= cs && isNpTok(toks[a - 1]) && toks[a - 1].pos !== 'PRON' && toks[a].pos !== 'DET') a--;
  if (a - 1 >= cs && toks[a - 1].pos === 'PRON' && /^(its|their|his|her|our)$/.test(toks[a - 1].lower)) a--;
  const ctxWords = toks.slice(Math.max(0, Math.min(a, k - 3)), k).map((x) => x.lower);
  const pps = prepPhrases(toks, k + 1, ce, 3, sent.inTimex, lex.cues.quantifiers);

  const args: Args = { actor: null, target: null, location: null, from: k, to: k };
  // Possessive or modifier actor: "Obama's warning", "U.S. sanctions", "its deployment".
  const pre = mentionsIn(ctx, toks[a].start, toks[k].start).filter((m) => m.end <= toks[k].start);
  const agentive = pre.filter((m) => ACTOR_TYPES.has(ctx.typeOf(m.entityKey)));
  const placeMod = pre.find((m) => ctx.typeOf(m.entityKey) === 'LOCATION');
  if (placeMod) {
    args.location = placeMod;
    args.from = a;
  }
  if (agentive.length) {
    args.actor = agentive[agentive.length - 1];
    args.from = a;
  } else if (a < k && toks[a].pos === 'PRON') {
    args.actor = resolvePhrase(ctx, sent, { a, b: a, head: a });
    if (args.actor) args.from = a;
  }
  let category: string | null = null;
  let patientType: string | null = null;
  const ofPp = pps.find((x) => x.prep === 'of');
  const ofM = ofPp ? resolvePhrase(ctx, sent, ofPp.np) : null;
  if (ofM) patientType = ctx.typeOf(ofM.entityKey);
  for (const pp of pps) {
    const m = resolvePhrase(ctx, sent, pp.np);
    if (!m) continue;
    const type = ctx.typeOf(m.entityKey);
    if (pp.prep === 'by' && !args.actor) {
      args.actor = m;
      args.to = Math.max(args.to, pp.np.b);
    } else if (pp.prep === 'from' && !args.actor && type !== 'LOCATION') {
      args.actor = m;
      args.to = Math.max(args.to, pp.np.b);
    }
  }
  category = categoryOf(entry, ofPp ? toks[ofPp.np.head].lemma : null, ctxWords, false, patientType, !!ofPp, '', args.actor ? ctx.typeOf(args.actor.entityKey) : null);
  if (!category) return null;
  const rest = pps.filter((x) => x.prep !== 'by' && x.prep !== 'from');
  const targetPreps = new Set([...lex.cues.targetPreps, 'of', 'between', 'for']);
  fillFromPreps(ctx, sent, category, rest, args, targetPreps);
  if (ofPp) args.to = Math.max(args.to, ofPp.np.b);
  for (const pp of rest) if (sent.inTimex[pp.np.b]) args.to = Math.max(args.to, pp.np.b);
  const ownDate = sent.dates.some((x) => x.start >= toks[a].start && x.end <= toks[args.to].end);

  // Actor inherited from the clause: "the U.S. made its option clear with the deployment of ...".
  let modality: Modality = 'asserted';
  let rule = 'noun';
  let gov = -1;
  for (let j = a - 1; j >= cs; j--) {
    // Skip participles inside noun phrases ("its chosen option").
    const before = toks[j - 1];
    if (toks[j].pos === 'VERB' && !(before && (before.pos === 'DET' || before.pos === 'ADJ' || /^(its|their|his|her|our)$/.test(before.lower)))) {
      gov = j;
      break;
    }
  }
  if (gov >= 0) {
    const gt = toks[gov];
    const govEntry = lex.verbs.get(gt.lemma);
    const g = verbGroupStart(toks, gov, cs);
    const group = toks.slice(g, gov);
    // The governor's modality passes only to its direct object ("would launch an attack"),
    // not to a noun further on ("failed to respond to the ultimatum").
    let direct = true;
    for (let j = gov + 1; j < a; j++) if (toks[j].pos !== 'ADV' && toks[j].pos !== 'PART') direct = false;
    // The object of a present-simple verb shares its generic reading: "voters support a ban".
    const gf = verbForm(gt);
    if (direct && !sent.headline && group.every((x) => x.pos === 'ADV') && !conditionalBefore(ctx, sent, gov, cs) && (gf === 'base' || gf === 'pres3') && !(gf === 'base' && lex.cues.sameFormPast.has(gt.lemma))) return null;
    if (!direct) { /* the noun's own cues decide below */ }
    else if (group.some((x) => lex.cues.negations.has(x.lower))) modality = 'negated';
    else if (group.some((x) => lex.cues.modals.has(x.lower) || (x.lower === 'to' && x.pos === 'PART'))) modality = 'hypothetical';
    // Only light verbs lend their subject ("made clear with the deployment", "held talks").
    // A passive participle lends nothing: "the reshuffle forced by the resignation".
    const lends = ((govEntry?.light ?? false) || lex.cues.implicative.has(gt.lemma) || gt.lemma === 'make') && toks[gov + 1]?.lower !== 'by';
    const finite = verbForm(gt) !== 'ing' && !group.some((x) => x.lower === 'to');
    if (!args.actor && lends && finite) {
      const auxes = group.filter((x) => x.pos === 'AUX').map((x) => x.lemma);
      if (!(auxes.includes('be') && verbForm(gt) === 'past')) {
        let sj = g - 1;
        while (sj >= cs && QUOTE_CHARS.has(toks[sj].value)) sj--;
        const subj = sj >= cs ? npBackward(toks, sj, cs) : null;
        const m = resolvePhrase(ctx, sent, subj);
        if (m && subj) {
          args.actor = m;
          args.from = subj.a;
          rule = 'noun.clause-subject';
        }
      }
    }
  }
  if (args.actor && args.target && args.actor.entityKey === args.target.entityKey) args.target = null;
  // An event noun with no participant, place or date of its own is a mere reference ("the launches").
  if (!args.actor && !args.target && !args.location && !ownDate) return null;
  // A stance or a word with nobody saying it is an issue, not an event ("support for Israel").
  if (!args.actor && lex.cues.nounNeedsActor.has(category)) return null;
  findLocationInClause(ctx, sent, k, args);
  if (modality === 'asserted') {
    if (toks.slice(a, k).some((x) => lex.cues.hypoAdj.has(x.lower)) || conditionalBefore(ctx, sent, k, cs)) modality = 'hypothetical';
    else if (toks.slice(a, k).some((x) => x.lower === 'no')) modality = 'negated';
    else if (isReported(ctx, sent, k)) modality = 'reported';
  }
  const objWords = ofPp ? actionWords(ctx, toks, ofPp.np) : [];
  const action = [entry.verb, ...objWords].join(' ');
  return makeHit(ctx, sent, k, k, category, entry.verb, action, args, modality, null, rule);
}

// ---------------------------------------------------------------- speech acts

/** "Washington and Seoul 'will bear the consequences,' Xinhua stated": a threat by the speaker. */
function phraseEvents(ctx: DocContext, sent: Sent): EventCandidate[] {
  const out: EventCandidate[] = [];
  const toks = sent.toks;
  const lower = ctx.doc.text.slice(sent.s.start, sent.s.end).toLowerCase();
  for (const ph of ctx.lex.phrases) {
    const at = lower.indexOf(ph.phrase);
    if (at < 0) continue;
    const pStart = sent.s.start + at;
    const pEnd = pStart + ph.phrase.length;
    const first = toks.findIndex((x) => x.start >= pStart);
    const lastTok = toks.findIndex((x) => x.end >= pEnd);
    if (first < 0 || lastTok < 0) continue;
    // The speaker: a quote hit's speaker, else the subject of a speech verb in the sentence.
    let speaker: MentionHit | null = null;
    let speakerPh: Phrase | null = null;
    const q = overlapping(ctx.quoteIx, pStart, pEnd).find((x) => x.start <= pStart && pEnd <= x.end && x.speakerKey);
    if (q && q.speakerKey) speaker = mentionsIn(ctx, sent.s.start, sent.s.end).find((m) => m.entityKey === q.speakerKey && m.start >= sent.s.start && m.end <= sent.s.end) ?? null;
    if (!speaker) {
      const sv = toks.find((x) => x.pos === 'VERB' && ctx.lex.cues.speech.has(x.lemma) && (x.i < first || x.i > lastTok));
      if (!sv) continue;
      const g = verbGroupStart(toks, sv.i, 0);
      speakerPh = g - 1 >= 0 ? npBackward(toks, g - 1, 0) : null;
      if (speakerPh && speakerPh.a <= lastTok && sv.i > lastTok) speakerPh = null;
      if (!speakerPh || !resolvePhrase(ctx, sent, speakerPh)) speakerPh = npForward(toks, sv.i + 1, toks.length - 1);
      speaker = resolvePhrase(ctx, sent, speakerPh);
    }
    if (!speaker) continue;
    // The threatened party: the subject before the phrase ("Washington and Seoul will ...").
    let j = first - 1;
    while (j >= 0 && (toks[j].pos === 'AUX' || toks[j].pos === 'PART' || toks[j].pos === 'ADV' || QUOTE_CHARS.has(toks[j].value))) j--;
    const tph = j >= 0 ? npBackward(toks, j, 0) : null;
    const target = tph ? resolvePhrase(ctx, sent, tph, true) : null;
    const from = Math.min(tph && target ? tph.a : first, speakerPh ? speakerPh.a : first);
    const sv = toks.find((x) => x.pos === 'VERB' && ctx.lex.cues.speech.has(x.lemma) && x.i > lastTok);
    const to = Math.max(lastTok, speakerPh ? speakerPh.b : lastTok, sv ? sv.i : lastTok);
    const args: Args = { actor: speaker, target: target && target.entityKey !== speaker.entityKey ? target : null, location: null, from, to };
    out.push(makeHit(ctx, sent, first, lastTok, ph.category, ph.action, ph.action, args, 'asserted', null, 'speech-act.phrase'));
  }
  return out;
}
