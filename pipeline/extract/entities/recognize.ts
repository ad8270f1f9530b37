import type { Doc } from '../../types.js';
import { wordSet } from '../../lexicon.js';
import { HYPHEN_SUFFIX, gazetteer } from './gazetteer.js';
import { phraseKey, tokenize, type Token } from './tokenize.js';
import { CONNECTORS, TAGS, docContext, isCapsSentence, modelWeights, tagSentence, type DocContext, type Sentence, type Weights } from './model.js';
import { firstStartingAt } from '../spans.js';

/** A typed name span found by the tagger, before resolution. */
export interface RawSpan {
  start: number;
  end: number;
  text: string;
  /** CoNLL type from the tagger: PER, ORG, LOC, MISC. */
  label: string;
  sentence: number;
  /** Token range [t0, t1) inside the sentence's tokens. */
  t0: number;
  t1: number;
  rule: string;
  /** Found by the tagger in a section heading: kept only when the body names it too. */
  heading?: boolean;
  /** The tagger's lead of its label over the runner-up on the span's first token. */
  margin?: number;
}

export interface Recognized {
  sentences: Sentence[];
  spans: RawSpan[];
}

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.)$/;
const TRAILING = /^(?:of|the|and|&|for|de|-|,)$/i;

/** Runs the tagger over every sentence and cleans the spans it finds. */
export function recognize(doc: Doc): Recognized {
  const g = gazetteer();
  const w = modelWeights();
  const sentences: Sentence[] = doc.sentences.map((s) => {
    const tokens = tokenize(doc.text, s.start, s.end);
    return { tokens, caps: isCapsSentence(tokens) };
  });
  const dc = docContext(sentences);
  const spans: RawSpan[] = [];
  const headings = doc.sections.map((x) => x.headingSpan).filter((x): x is NonNullable<typeof x> => x !== null);
  sentences.forEach((s, si) => {
    const sent = doc.sentences[si];
    // Headings are in document order and do not overlap: only the last one starting at or before the sentence can hold it.
    const h = firstStartingAt(headings, sent.start + 1) - 1;
    const inHeading = h >= 0 && sent.end <= headings[h].end;
    if (inHeading && !s.caps && /\p{Ll}/u.test(doc.text.slice(sent.start, sent.end)) && isTitleCase(s.tokens)) {
      spans.push(...headingSpans(doc, s, si, g, dc, w));
      return;
    }
    const margins: number[] = [];
    const tags = tagSentence(g, s, dc, w, undefined, margins);
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i++) {
      const tag = TAGS[tags[i]];
      if (tag === 'O') {
        // "UK-based" left untagged: a known country or place used as a modifier.
        const hy = /-/.test(toks[i].text) ? HYPHEN_SUFFIX.exec(toks[i].text) : null;
        if (hy && g.known.has(phraseKey(hy[1]))) {
          spans.push({ start: toks[i].start, end: toks[i].end, text: toks[i].text, label: 'MISC', sentence: si, t0: i, t1: i + 1, rule: 'hyphen-modifier' });
        }
        continue;
      }
      if (!tag.startsWith('B-')) continue;
      let j = i + 1;
      while (j < toks.length && TAGS[tags[j]] === 'I-' + tag.slice(2)) j++;
      let a = i;
      let b = j;
      // No trailing connector, and no plural acronym ("Tory MPs" → "Tory").
      while (b > a && (TRAILING.test(toks[b - 1].text) || (b - a > 1 && /^\p{Lu}{2,}s$/u.test(toks[b - 1].text)))) b--;
      while (a < b && CONNECTORS.has(toks[a].text)) a++;
      // Honorifics are not part of the name, and make it a person's ("Ms Hewitt" → "Hewitt").
      let label = tag.slice(2);
      while (b - a > 1 && HONORIFIC.test(toks[a].text)) {
        a++;
        label = 'PER';
      }
      // A capitalized article opening a sentence is not part of the name ("The National Union of ...").
      if (b - a > 2 && toks[a].text === 'The' && !s.caps) a++;
      const push = (x: number, y: number, label: string, rule: string) => {
        if (x < y && keep(toks, x, y, s, g) && !ordinaryOpener(toks, x, y, s, g, dc)) {
          spans.push({ start: toks[x].start, end: toks[y - 1].end, text: doc.text.slice(toks[x].start, toks[y - 1].end), label, sentence: si, t0: x, t1: y, rule, margin: margins[x] ?? 0 });
        }
      };
      // "Florida Gov. Jeb Bush": a title inside the run splits a place from a person.
      const titles = wordSet('name_titles.txt');
      const isTitleAt = (x: number) => !s.caps && titles.has(toks[x].lower) && /^\p{Lu}/u.test(toks[x].text);
      const segment = (x0: number, y: number, lab: string, rule: string) => {
        let k = -1;
        for (let x = x0; x < y - 1 && k < 0; x++) if (isTitleAt(x)) k = x;
        // The part after the title must look like a person's name ("Justice Department" is no person).
        if (k >= 0 && !personAfterTitle(toks, k + 1, y, g)) k = -1;
        if (k < 0) return push(x0, y, lab, rule);
        const left = toks.slice(x0, k).map((t) => t.lower).join(' ');
        const known = g.known.get(left) ?? g.capital.get(left);
        if (known) push(x0, k, known.type === 'ORGANIZATION' ? 'ORG' : 'LOC', 'tagger+title-split');
        else if (g.demonym.has(left)) push(x0, k, 'MISC', 'tagger+title-split');
        else if (k > x0 && ['city', 'place', 'country'].some((t) => g.tags.get(left)?.has(t))) push(x0, k, 'LOC', 'tagger+title-split');
        push(k + 1, y, 'PER', 'tagger+title-split');
      };
      // "African-Americans and Hispanics", "Leader Mitch McConnell and Speaker Paul Ryan": two names.
      let and = -1;
      for (let x = a + 1; x < b - 1 && and < 0; x++) if (toks[x].lower === 'and') and = x;
      if (and > 0) {
        const lk = toks.slice(a, and).map((t) => t.lower).join(' ');
        const rk = toks.slice(and + 1, b).map((t) => t.lower).join(' ');
        const knownAs = (key: string) => g.known.get(key) ?? g.people.get(key) ?? g.demonym.get(key);
        let titled = false;
        for (let x = a; x < b; x++) titled ||= isTitleAt(x);
        if (knownAs(lk) || knownAs(rk) || titled) {
          segment(a, and, label, 'tagger+and-split');
          segment(and + 1, b, label, 'tagger+and-split');
          i = j - 1;
          continue;
        }
      }
      segment(a, b, label, 'tagger');
      i = j - 1;
    }
  });
  return { sentences, spans: joinConjoined(doc, sentences, spans, g) };
}

/**
 * "Scottish Exhibition and Conference Centre": two spans joined by "and" are one name when
 * the words either side of it are ordinary nouns and the right one ends in an institution
 * or building noun ("Britain and France", "Microsoft and Sony Corp" stay two).
 */
const NOUN_ENDING = /(?:tion|sion|ment|ence|ance|try|ery|ity|ure|ism|ship|ness|ogy|ics|ing)$/;

function joinConjoined(doc: Doc, sentences: Sentence[], spans: RawSpan[], g: ReturnType<typeof gazetteer>): RawSpan[] {
  const heads = wordSet('org_heads.txt');
  const places = wordSet('place_heads.txt');
  const out: RawSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    if (b && b.sentence === a.sentence && b.t0 === a.t1 + 1 && a.label !== 'PER' && b.label !== 'PER') {
      const toks = sentences[a.sentence].tokens;
      const conj = toks[a.t1].lower;
      const last = toks[b.t1 - 1].lower;
      // An ordinary noun: a common word, or one with an abstract-noun ending ("Exhibition", "Industry").
      const ordinary = (w: string) => !g.tags.has(w) && !g.first.has(w) && !g.last.has(w) && (g.common.has(w) || NOUN_ENDING.test(w));
      const key = (x: RawSpan) => toks.slice(x.t0, x.t1).map((t) => t.lower).join(' ');
      if ((conj === 'and' || conj === '&') && ordinary(toks[a.t1 - 1].lower) && ordinary(toks[b.t0].lower) &&
          (heads.has(last) || places.has(last) || g.orgSuffix.has(last)) && !g.known.has(key(a)) && !g.demonym.has(key(a))) {
        const label = places.has(last) ? 'LOC' : 'ORG';
        out.push({ ...a, end: b.end, text: doc.text.slice(a.start, b.end), label, t1: b.t1, rule: a.rule + '+joined' });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * Headings are title-cased, so capitals say little there ("Managing the Status
 * Quo"): known names are taken from the gazetteer, and the tagger's other spans
 * are kept only if the body names them too (checked in resolution).
 */
function headingSpans(doc: Doc, s: Sentence, si: number, g: ReturnType<typeof gazetteer>, dc: DocContext, w: Weights): RawSpan[] {
  const toks = s.tokens;
  const out: RawSpan[] = [];
  const covered = new Array<boolean>(toks.length).fill(false);
  for (let i = 0; i < toks.length; i++) {
    const max = g.maxLen.get(toks[i].lower) ?? 0;
    for (let n = Math.min(max, toks.length - i); n >= 1; n--) {
      const key = toks.slice(i, i + n).map((t) => t.lower).join(' ');
      const hit = g.known.get(key) ?? g.demonym.get(key) ?? g.people.get(key);
      if (!hit || !/\p{Lu}/u.test(toks[i].text)) continue;
      const label = hit.type === 'PERSON' ? 'PER' : hit.type === 'ORGANIZATION' ? 'ORG' : hit.type === 'MISC' || g.demonym.has(key) ? 'MISC' : 'LOC';
      out.push({ start: toks[i].start, end: toks[i + n - 1].end, text: doc.text.slice(toks[i].start, toks[i + n - 1].end), label, sentence: si, t0: i, t1: i + n, rule: 'heading-lexicon' });
      for (let k = i; k < i + n; k++) covered[k] = true;
      i += n - 1;
      break;
    }
  }
  const tags = tagSentence(g, s, dc, w);
  for (let i = 0; i < toks.length; i++) {
    const tag = TAGS[tags[i]];
    if (!tag.startsWith('B-')) continue;
    let j = i + 1;
    while (j < toks.length && TAGS[tags[j]] === 'I-' + tag.slice(2)) j++;
    let overlaps = false;
    for (let k = i; k < j; k++) overlaps ||= covered[k];
    if (!overlaps && keep(toks, i, j, s, g)) {
      out.push({ start: toks[i].start, end: toks[j - 1].end, text: doc.text.slice(toks[i].start, toks[j - 1].end), label: tag.slice(2), sentence: si, t0: i, t1: j, rule: 'heading-tagger', heading: true });
    }
    i = j - 1;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Tokens [x, y) read as a person's name: a known given name, or two or more words none of which names a body or place. */
function personAfterTitle(toks: Token[], x: number, y: number, g: ReturnType<typeof gazetteer>): boolean {
  if (x >= y || !/^\p{Lu}/u.test(toks[x].text)) return false;
  if (g.first.has(toks[x].lower)) return true;
  if (y - x < 2) return false;
  for (let i = x; i < y; i++) if (g.orgSuffix.has(toks[i].lower) || g.locKeyword.has(toks[i].lower)) return false;
  return true;
}

/** Every longer word capitalized, as in "Managing the Status Quo": capitals carry no signal. */
function isTitleCase(toks: Token[]): boolean {
  let n = 0;
  for (const t of toks) {
    if (/\p{N}/u.test(t.text) || t.text === ',') return false; // score lines, lists and tables are not headings
    if (t.text.length < 4 || !/^\p{L}/u.test(t.text)) continue;
    if (!/^\p{Lu}/u.test(t.text)) return false;
    n++;
  }
  return n >= 2 && toks.filter((t) => /^\p{L}/u.test(t.text)).length >= 3;
}

// Plural agent nouns that open sentences ("Protesters gathered", "Officials said").
const AGENT_PLURAL = /(?:ers|ors|ists|ants|ents|ians|ees|ials|ives)$/;

/** A lone capitalized ordinary word at the start of a sentence, never capitalized elsewhere. */
function ordinaryOpener(toks: Token[], a: number, b: number, s: Sentence, g: ReturnType<typeof gazetteer>, dc: DocContext): boolean {
  if (b - a !== 1 || s.caps) return false;
  let f = 0;
  while (f < toks.length && /^["'“‘(\[«-]$/.test(toks[f].text)) f++;
  if (a !== f) return false;
  const w = toks[a].lower;
  if (g.tags.has(w) || dc.capMid.has(w)) return false;
  return AGENT_PLURAL.test(w) || g.common.has(w);
}

/** Rejects what is capitalized but not a name: months, days, discourse words. */
function keep(toks: Token[], a: number, b: number, s: Sentence, g: ReturnType<typeof gazetteer>): boolean {
  // "@IanHanchett", "#MakeAmericaGreat": handles and hashtags are no names in the text.
  if (a > 0 && (toks[a - 1].text === '@' || toks[a - 1].text === '#') && toks[a - 1].end === toks[a].start) return false;
  if (b - a === 1) {
    // A common word in capitals for emphasis ("refugees COULD be") outside a capitalized headline.
    if (!s.caps && /^\p{Lu}{3,}$/u.test(toks[a].text) && wordSet('emphasis_words.txt').has(toks[a].lower)) return false;
    const w = toks[a].lower;
    // Plural acronyms are common nouns ("PCs", "DVDs"); a lone letter is a label, not a name.
    if (/^\p{Lu}{2,}s$/u.test(toks[a].text) || toks[a].text.length === 1) return false;
    if (g.notName.has(w)) return false;
    const tags = g.tags.get(w);
    if (tags?.has('date') && !tags.has('country') && !tags.has('city')) return false;
    if (!/\p{L}/u.test(w)) return false;
  }
  return true;
}
