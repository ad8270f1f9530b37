import type { Annotations, Doc, EntityHit, ExtractStage, MentionHit, QuoteHit, QuoteKind, SentenceSpan, Span } from '../types.js';
import { findQuoteUnits, type QuoteUnit } from './quote/marks.js';
import { wordList } from '../lexicon.js';
import { clauseSubject, cueAt, lex, objectAfter, subjectBefore, tokenize, type Cue, type SpeakerPhrase, type Tok } from './quote/cues.js';

// Quote spans: a direct or partial quote's span is its content WITH the outer
// quotation marks (“...”), from the opening to the closing mark; a quote that
// runs over several paragraphs spans all of them. An indirect quote's span is the
// reported content clause, "that" included when present, final period excluded.

interface Found {
  cue: Cue;
  cueSpan: Span;
  speaker: SpeakerPhrase | null;
}

interface Speaker {
  key: string | null;
  text: string | null;
  span: Span | null;
}

interface Known extends Speaker {
  at: number;
  paragraph: number;
  person: boolean | null;
}

const NO_SPEAKER: Speaker = { key: null, text: null, span: null };
// "A poll by the Tribune found", "a spokesman for the Interior Ministry said": the named source.
const SOURCE_OF = new Set(['by', 'of', 'from', 'for', 'at']);
const WORD = /[\p{L}\p{N}]+/gu;
const countWords = (s: string) => (s.match(WORD) ?? []).length;

/** Index of the last span starting at or before pos (spans sorted by start). */
function lastAtOrBefore<T extends Span>(spans: ReadonlyArray<T>, pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The cue right after a quote: ", Peskov said", ", said X, an analyst", ", according to X". */
function cueAfter(toks: Tok[], sentenceStart: number): Found | null {
  let k = 0;
  while (k < toks.length && k < 2 && /^[,\u2014\u2013-]$/.test(toks[k].text)) k++;
  if (k >= toks.length) return null;
  const first = cueAt(toks, k);
  if (first) {
    // ", saying ..." — a participle's subject is the clause's, found by the caller.
    const speaker = /ing$/.test(toks[k].lower) ? null : objectAfter(toks, first.to, toks.length, sentenceStart);
    return { cue: first, cueSpan: span(toks, first), speaker };
  }
  for (let j = k + 1; j < toks.length && j <= k + 30; j++) {
    const t = toks[j];
    if (!t.word && t.text !== ',' && t.text !== '.') return null;
    const c = cueAt(toks, j);
    if (!c || c.phrase) continue;
    const sp = subjectBefore(toks, j, k, sentenceStart);
    if (!sp || sp.phrase.start !== toks[k].start) return null;
    return { cue: c, cueSpan: span(toks, c), speaker: sp };
  }
  return null;
}

/** The cue that introduces a quote: "Brafman said, “", "he says: “", "according to X, “", "Kerry: “". */
function cueBefore(toks: Tok[], sentenceStart: number): Found | null {
  const L = lex();
  let n = toks.length;
  if (n === 0) return null;
  const endPunct = /^[,:\u2014]$/.test(toks[n - 1].text) ? toks[n - 1].text : null;
  if (endPunct) n--;
  for (let j = n - 1; j >= 0 && j >= n - 8; j--) {
    const c = cueAt(toks, j);
    if (!c) continue;
    if (c.to > n) continue;
    // Words between the cue and the mark: "told reporters", "said in a statement".
    const gap = toks.slice(c.to, n);
    if (gap.some((t) => !t.word && t.text !== '.')) continue;
    if (c.phrase) {
      const sp = objectAfter(toks, c.to, n, sentenceStart);
      if (sp) return { cue: c, cueSpan: span(toks, c), speaker: sp };
      continue;
    }
    const participle = /ing$/.test(toks[j].lower);
    let sp = participle ? null : subjectBefore(toks, j, 0, sentenceStart);
    // "said Smith: “..." — an inverted speaker needs the colon or comma after it.
    if (!sp && (j === 0 || !toks[j - 1].word) && !participle && endPunct) sp = objectAfter(toks, c.to, n, sentenceStart);
    // "..., adding:", "by saying" — the participle's subject is the clause's.
    if (!sp && toks[0].start === sentenceStart) sp = clauseSubject(toks, 0, j, sentenceStart);
    return { cue: c, cueSpan: span(toks, c), speaker: sp };
  }
  // "Kerry: “..." — a short name and a colon.
  if (endPunct === ':' && n > 0 && n <= 6 && toks.slice(0, n).some((t) => t.cap) && toks.slice(0, n).every((t) => t.word)) {
    const colon = toks[toks.length - 1];
    const sp = subjectBefore(toks, n, 0, sentenceStart);
    if (sp && !L.pronouns.has(toks[n - 1].lower)) return { cue: { from: n, to: n + 1, base: ':', phrase: true }, cueSpan: { start: colon.start, end: colon.end }, speaker: sp };
  }
  // "Kaine has adopted the stance of many Catholics: “..." — the subject of the introducing clause.
  if (endPunct === ':' && toks[0].start === sentenceStart) {
    const colon = toks[toks.length - 1];
    const sp = clauseSubject(toks, 0, n, sentenceStart);
    const named = sp && (sp.pronoun || toks.some((t) => t.cap && t.start >= sp.name.start && t.end <= sp.name.end && !L.notNames.has(t.lower)));
    if (sp && named) return { cue: { from: n, to: n + 1, base: ':', phrase: true }, cueSpan: { start: colon.start, end: colon.end }, speaker: sp };
  }
  return null;
}

let thatForms: Map<string, string> | null = null;
/** Inflected form → base of the verbs that attribute only with a that-clause. */
function thatVerbForms(): Map<string, string> {
  if (!thatForms) {
    thatForms = new Map();
    for (const line of wordList('that_verbs.txt')) {
      const forms = line.split(/\s+/);
      for (const f of forms) thatForms.set(f.toLowerCase(), forms[0]);
    }
  }
  return thatForms;
}

/** Every speech cue in the tokens, by token index. */
function cuesIn(toks: Tok[]): Array<{ j: number; cue: Cue }> {
  const out: Array<{ j: number; cue: Cue }> = [];
  for (let j = 0; j < toks.length; j++) {
    const c = cueAt(toks, j);
    if (c) out.push({ j, cue: c });
  }
  return out;
}

/** The speaker phrase of the cue at token j, wherever it sits in the sentence. */
function speakerOf(toks: Tok[], j: number, c: Cue, sentenceStart: number): SpeakerPhrase | null {
  if (c.phrase) return objectAfter(toks, c.to, toks.length, sentenceStart);
  const participle = /ing$/.test(toks[j].lower);
  let sp = participle ? null : subjectBefore(toks, j, 0, sentenceStart);
  if (!sp && (j === 0 || !toks[j - 1].word) && !participle) sp = objectAfter(toks, c.to, toks.length, sentenceStart);
  if (!sp && toks[0]?.start === sentenceStart) sp = clauseSubject(toks, 0, j, sentenceStart);
  return sp;
}

/** The speech cue nearest to position `near` (quoted text already left out of the tokens). */
function cueAnywhere(toks: Tok[], near: number, sentenceStart: number, cues = cuesIn(toks)): Found | null {
  let best: { j: number; cue: Cue } | null = null;
  let bestDist = Infinity;
  for (const x of cues) {
    const d = Math.abs(toks[x.j].start - near);
    if (d < bestDist) {
      best = x;
      bestDist = d;
    }
  }
  if (!best) return null;
  return { cue: best.cue, cueSpan: span(toks, best.cue), speaker: speakerOf(toks, best.j, best.cue, sentenceStart) };
}

function span(toks: Tok[], c: Cue): Span {
  return { start: toks[c.from].start, end: toks[c.to - 1].end };
}

/** Is the quoted text a title or a name ("Stealing America", “Meet the Press.”, “New Day,”)? */
function looksLikeTitle(inner: string): boolean {
  const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length === 0 || words.length > 7 || /[!?]\W*$/.test(inner.trim())) return false;
  const L = lex();
  const minor = (w: string) => w.length <= 3 || L.notNames.has(w) || L.connectors.has(w);
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || minor(w)) && words.some((w) => w.length > 3 && /^\p{Lu}/u.test(w));
}

/** Quoted text that is no speech at all: empty, a handle, a hashtag, a link. */
function isNoise(inner: string): boolean {
  const t = inner.trim();
  return !/\p{L}/u.test(t) || (/^[@#]/.test(t) && !/\s/.test(t)) || /^(?:https?:|www\.)/.test(t) || (!/\s/.test(t) && /^[a-z]+[A-Z]\w*$/.test(t));
}

class QuoteFinder {
  private readonly text: string;
  private readonly sentences: SentenceSpan[];
  private readonly mentions: MentionHit[];
  private readonly entities: Map<string, EntityHit>;
  private readonly known: Known[] = [];
  readonly out: QuoteHit[] = [];

  constructor(private readonly doc: Doc, prior: Readonly<Annotations>) {
    this.text = doc.text;
    this.sentences = [...doc.sentences].sort((a, b) => a.start - b.start);
    this.mentions = [...(prior.mentions ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
    this.entities = new Map((prior.entities ?? []).map((e) => [e.entityKey, e]));
  }

  run(): QuoteHit[] {
    const units = findQuoteUnits(this.text, this.doc.paragraphs);
    let u = 0;
    for (let si = 0; si < this.sentences.length; si++) {
      const sent = this.sentences[si];
      const inSentence: QuoteUnit[] = [];
      while (u < units.length && units[u].start < sent.end) {
        if (units[u].start >= sent.start || inSentence.length === 0) inSentence.push(units[u]);
        u++;
      }
      // Reported speech is read before the first quote of the sentence, and only when
      // that quote is a whole statement (a partial quote is already the report).
      let first: { kind: QuoteKind; unit: QuoteUnit } | null = null;
      for (const unit of inSentence) {
        const k = this.quote(unit, units, units.indexOf(unit, Math.max(0, u - inSentence.length - 1)));
        if (k && !first) first = { kind: k, unit };
      }
      if (first === null || first.kind === 'direct') {
        const regionEnd = first ? Math.max(sent.start, first.unit.start) : sent.end;
        // A sentence starting inside an earlier quote has no reported clause of its own.
        const prevUnit = units[lastAtOrBefore(units, sent.start - 1)];
        const coveredStart = prevUnit !== undefined && prevUnit.end > sent.start;
        if (!coveredStart) this.indirect(sent, regionEnd);
      }
    }
    return this.out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private outsideCache: { key: string; toks: Tok[]; cues: Array<{ j: number; cue: Cue }> } | null = null;

  /** Tokens of a sentence outside its quotes, and the cues among them (kept for the sentence's next quote). */
  private outsideQuotes(sent: SentenceSpan, sEnd: number, units: QuoteUnit[], idx: number): { toks: Tok[]; cues: Array<{ j: number; cue: Cue }> } {
    const key = `${sent.start}:${sEnd}`;
    if (this.outsideCache?.key === key) return this.outsideCache;
    let q = idx;
    while (q > 0 && units[q - 1].end > sent.start) q--;
    const toks: Tok[] = [];
    for (const t of tokenize(this.text, sent.start, sEnd)) {
      while (q < units.length && units[q].end <= t.start) q++;
      if (q < units.length && t.start >= units[q].start && t.end <= units[q].end) continue;
      toks.push(t);
    }
    this.outsideCache = { key, toks, cues: cuesIn(toks) };
    return this.outsideCache;
  }

  private sentenceAt(pos: number): SentenceSpan | null {
    const i = lastAtOrBefore(this.sentences, pos);
    return i >= 0 ? this.sentences[i] : null;
  }

  private paragraphAt(pos: number): number {
    const i = lastAtOrBefore(this.doc.paragraphs, pos);
    return i >= 0 ? i : 0;
  }

  /** Reads one quoted stretch; returns its kind, or null when it is not a quote. */
  private quote(unit: QuoteUnit, units: QuoteUnit[], idx: number): QuoteKind | null {
    const text = this.text;
    const prev = idx > 0 ? units[idx - 1] : null;
    const next = idx + 1 < units.length ? units[idx + 1] : null;
    const sent = this.sentenceAt(unit.start);
    const sentE = this.sentenceAt(Math.max(unit.start, unit.end - 1));
    const para = this.doc.paragraphs[this.paragraphAt(unit.start)];
    const paraE = this.doc.paragraphs[this.paragraphAt(Math.max(unit.start, unit.end - 1))];
    const sentStart = sent ? sent.start : para.start;
    let lo = Math.max(sentStart, para.start);
    if (prev && prev.end > lo && prev.end <= unit.start) lo = prev.end;
    let hi = Math.min(sentE ? Math.max(sentE.end, unit.end) : paraE.end, paraE.end);
    // "“...!” Trump said." — the splitter may end the sentence at the mark.
    if (hi <= unit.end + 1 && sentE) {
      const following = this.sentences[lastAtOrBefore(this.sentences, sentE.start) + 1];
      if (following && following.start - unit.end <= 2 && following.end <= paraE.end && following.end - following.start < 80) hi = following.end;
    }
    if (next && next.start < hi && next.start >= unit.end) hi = next.start;

    const inner = text.slice(unit.innerStart, unit.innerEnd);
    // Markup attributes (author="..."), links, handles; a stray mark running to the line end.
    if (isNoise(inner) || text[unit.start - 1] === '=' || (!unit.closed && unit.paragraphs === 1 && /^\s/.test(inner))) return null;
    const nWords = countWords(inner);
    const beforeToks = tokenize(text, lo, unit.start);
    const afterToks = tokenize(text, unit.end, Math.max(unit.end, hi));
    const after = cueAfter(afterToks, sentStart);
    const before = cueBefore(beforeToks, sentStart);

    const beforeText = text.slice(lo, unit.start).trim();
    const afterText = text.slice(unit.end, Math.max(unit.end, hi)).trim();
    const cueAdjacent = before !== null && before.cue.to === beforeToks.length;
    const startOK =
      beforeText === '' ||
      /:$/.test(beforeText) ||
      (/[,\u2014]$/.test(beforeText) && (before !== null || beforeToks.length <= 3)) ||
      (cueAdjacent && !before.cue.phrase);
    const endOK = afterText === '' || /^[.!?…)\]]+$/.test(afterText) || after !== null;
    // A lower-case start run into the sentence ('said that “it becomes harder ...”') is a fragment.
    const runIn = /^[\s….]*\p{Ll}/u.test(inner) && !/[,:\u2014]$/.test(beforeText) && beforeText !== '' && !cueAdjacent;
    const wholeStatement = startOK && endOK && !runIn;

    let found: Found | null = after ?? before;
    let rule = found === after ? 'cue-after' : 'cue-before';
    if (!found && sent) {
      // The cue elsewhere in the sentence, with quoted text left out.
      const { toks: outside, cues } = this.outsideQuotes(sent, Math.max(sent.end, unit.end), units, idx);
      found = cueAnywhere(outside, unit.start, sentStart, cues);
      rule = 'cue-sentence';
    }
    // A word or two in marks inside a sentence needs a verb of saying proper
    // ("called it “a disaster”"), not any verb that can report ("praised their “discipline”").
    const adjacent = found !== null && (found === after || (found === before && cueAdjacent));
    if (found && !adjacent && !wholeStatement && nWords <= 3 && !found.cue.phrase && !lex().indirect.has(found.cue.base) && !lex().naming.has(found.cue.base)) found = null;
    // One or two words away from the cue are a term more often than a quote, unless said or named ("called it “a hoax”").
    if (found && !adjacent && !wholeStatement && nWords <= 2 && !lex().naming.has(found.cue.base) && found.cue.base !== 'say') found = null;

    // Single marks double as apostrophes: only a quote with its cue right next to it counts.
    if (unit.single && !(adjacent || (found !== null && found === before && /[,:]$/.test(beforeText)))) return null;
    let kind: QuoteKind;
    let speaker: Speaker = NO_SPEAKER;
    let cue: string | null = null;
    if (found) {
      kind = wholeStatement ? 'direct' : 'partial';
      // A title after its cue ('told “Meet the Press.”', 'on “Fox News Sunday”') is no quote either;
      // a title-cased statement introduced with a comma or colon is.
      if (looksLikeTitle(inner) && !(wholeStatement && /[,:]$/.test(beforeText)) && !(wholeStatement && after !== null && /[,!?]$/.test(inner.trim()))) return null;
      cue = found.cue.base === ':' ? ':' : text.slice(found.cueSpan.start, found.cueSpan.end);
      let sp = found.speaker;
      if (!sp && sent && sent.start < unit.start) sp = clauseSubject(tokenize(text, sent.start, unit.start), 0, Infinity, sent.start);
      speaker = sp ? this.resolve(sp, unit.start) : this.contextSpeaker(unit, sent);
    } else {
      // No cue: a whole quoted statement takes the speaker of its context; a
      // fragment with no cue (scare quote, term, title) is no quote.
      if (!wholeStatement || nWords < 4 || looksLikeTitle(inner)) return null;
      kind = 'direct';
      rule = 'context';
      speaker = this.contextSpeaker(unit, sent);
      if (!speaker.text && nWords < 8 && unit.paragraphs === 1) return null;
    }
    this.emit(unit, kind, speaker, cue, `${kind}-${rule}`);
    return kind;
  }

  /** Speaker of a quote with no cue of its own: a cue ending the previous sentence with a colon, or the last speaker nearby. */
  private contextSpeaker(unit: QuoteUnit, sent: SentenceSpan | null): Speaker {
    const p = this.paragraphAt(unit.start);
    if (sent && sent.index > 0) {
      const prevSent = this.sentences[sent.index - 1];
      if (prevSent && /:\s*$/.test(this.text.slice(prevSent.start, prevSent.end))) {
        const toks = tokenize(this.text, prevSent.start, prevSent.end);
        const found = cueAnywhere(toks, prevSent.end, prevSent.start);
        const sp = found?.speaker ?? clauseSubject(toks, 0, toks.length, prevSent.start);
        if (sp) return this.resolve(sp, unit.start);
      }
    }
    const last = this.known[this.known.length - 1];
    if (last && p - last.paragraph <= 1) return last;
    // A person who is the subject of the sentence before, in the same paragraph
    // ("Ruiz spoke to reporters on Monday. “We are ready.”").
    if (sent && sent.index > 0) {
      const prevSent = this.sentences[sent.index - 1];
      if (prevSent && prevSent.paragraph === sent.paragraph) {
        const toks = tokenize(this.text, prevSent.start, prevSent.end);
        const sp = clauseSubject(toks, 0, toks.length, prevSent.start);
        const m = sp && !sp.pronoun ? this.mentionIn(sp.name) : null;
        if (sp && m && this.entities.get(m.entityKey)?.type === 'PERSON') return this.resolve(sp, unit.start);
      }
    }
    return NO_SPEAKER;
  }

  /** Indirect speech in text[sent.start, regionEnd): "X said (that) ...", "..., says X", "According to X, ...". */
  private indirect(sent: SentenceSpan, regionEnd: number): void {
    const L = lex();
    const end = regionEnd < sent.end ? regionEnd : sent.end;
    const toks = tokenize(this.text, sent.start, end);
    // Far longer than any sentence: a list or a table, not reported speech (and keeps this linear).
    if (toks.length < 6 || toks.length > 300) return;
    let n = toks.length;
    while (n > 0 && !toks[n - 1].word && !/[”"’)]/.test(toks[n - 1].text)) n--;
    const emit = (a: number, b: number, found: Found, rule: string) => {
      if (b - a < 4 || toks.slice(a, b).filter((t) => t.word).length < 4) return;
      const s = toks[a].start;
      const e = toks[b - 1].end;
      const speaker = found.speaker ? this.resolve(found.speaker, s) : NO_SPEAKER;
      if (!speaker.text) return;
      this.out.push({ start: s, end: e, kind: 'indirect', speakerKey: speaker.key, speakerText: speaker.text, speakerSpan: speaker.span, cue: this.text.slice(found.cueSpan.start, found.cueSpan.end), rule: `indirect-${rule}` });
    };

    // "According to X, ..."
    for (let j = 0; j <= 2 && j < n; j++) {
      const c = cueAt(toks, j);
      if (!c || !c.phrase) continue;
      const sp = objectAfter(toks, c.to, n, sent.start);
      if (!sp) return;
      let k = c.to;
      while (k < n && toks[k].end <= sp.phrase.end) k++;
      while (k < n && toks[k].text !== ',' && k - c.to < 12) k++;
      if (toks[k]?.text !== ',') return;
      emit(k + 1, n, { cue: c, cueSpan: span(toks, c), speaker: sp }, 'according');
      return;
    }

    // "..., says X" / "..., X said" / "..., according to X"
    for (let c = 3; c < n - 1; c++) {
      if (toks[c].text !== ',') continue;
      const k = c + 1;
      const first = cueAt(toks, k);
      let found: Found | null = null;
      let tail = k;
      // Inverted only for verbs without a hearer: "..., says X", not "..., told CNN".
      if (first && (first.phrase || (L.indirect.has(first.base) && first.base !== 'tell' && !/ing$/.test(toks[k].lower)))) {
        const sp = objectAfter(toks, first.to, n, sent.start);
        if (sp) {
          found = { cue: first, cueSpan: span(toks, first), speaker: sp };
          tail = first.to;
          while (tail < n && toks[tail].start < sp.phrase.end) tail++;
        }
      } else {
        for (let j = k + 1; j < n && j <= k + 6; j++) {
          const cj = cueAt(toks, j);
          if (!cj || cj.phrase || !L.indirect.has(cj.base) || /ing$/.test(toks[j].lower)) continue;
          const sp = subjectBefore(toks, j, k, sent.start);
          if (sp && sp.phrase.start === toks[k].start) {
            found = { cue: cj, cueSpan: span(toks, cj), speaker: sp };
            tail = cj.to;
          }
          break;
        }
      }
      if (!found) continue;
      // After the cue: the end, an appositive, a colon, or a few words ("told reporters").
      const rest = toks.slice(tail, n);
      // "In the three years since, Barden says, far too many lives have been lost": the
      // report runs on both sides of a parenthetical cue.
      if (!found.cue.phrase && toks[tail - 1] === toks[found.cue.to - 1] && rest[0]?.text === ',' && rest.slice(1).filter((t) => t.word).length >= 4) {
        emit(0, n, found, 'cue-parenthetical');
        return;
      }
      // ("..., according to early results of exit polls conducted for ...": all of it is the source.)
      const restOK = found.cue.phrase || rest.length === 0 || rest[0].text === ',' || rest[0].text === ':' || (rest.length <= 5 && rest.every((t) => t.word));
      if (!restOK) continue;
      // "On Mrs Howard's role, Dr Fox said: ..." — a phrase, not a reported clause.
      if (L.openers.has(toks[0].lower) && !toks.slice(1, c).some((t) => t.text === ',')) continue;
      emit(0, c, found, 'cue-after');
      return;
    }

    // "X said (that) ..."
    for (let j = 1; j < n - 3; j++) {
      const c = cueAt(toks, j);
      if (!c || c.phrase || !L.indirect.has(c.base) || /ing$/.test(toks[j].lower)) continue;
      // A bare infinitive is no report ("wants to say", "would not say").
      if (toks[j - 1].lower === 'to') continue;
      let sp = subjectBefore(toks, j, 0, sent.start);
      // "... and said ...": the subject of the first verb.
      if (!sp && (toks[j - 1].lower === 'and' || toks[j - 1].lower === 'but')) sp = clauseSubject(toks, 0, j, sent.start);
      if (!sp) continue;
      const a = toks.findIndex((t) => t.start === sp!.phrase.start);
      if (a > 0 && toks[a - 1].text !== ',' && !L.subordinators.has(toks[a - 1].lower) && !SOURCE_OF.has(toks[a - 1].lower) && toks[j - 1].lower !== 'and' && toks[j - 1].lower !== 'but') continue;
      let k = c.to;
      // "told reporters", "told CNN": the hearer comes first.
      if (c.base === 'tell') {
        const obj = objectAfter(toks, k, n, sent.start);
        if (!obj) continue;
        while (k < n && toks[k].start < obj.phrase.end) k++;
      }
      const found: Found = { cue: c, cueSpan: span(toks, c), speaker: sp };
      // "that" right away or after a short phrase ("said in a statement that").
      let that = -1;
      for (let m = k; m < n && m < k + 8; m++) {
        if (toks[m].lower === 'that') { that = m; break; }
        if (!toks[m].word && toks[m].text !== ',') break;
      }
      if (that === k || (that > k && L.leadIns.has(toks[k].lower))) {
        emit(that, n, found, 'cue-that');
        return;
      }
      // A bare clause after verbs that take one ("said he would", "says the plan").
      const next = toks[k];
      if (L.clauseVerbs.has(c.base) && next && next.word && !L.notClauseStart.has(next.lower) && toks[k + 1]?.text !== ',') {
        emit(k, n, found, 'cue-clause');
        return;
      }
    }
    this.thatClause(sent, toks, n);
  }

  /** "A poll found that ...", "She believes that ...": a that-clause after a verb of finding or believing. */
  private thatClause(sent: SentenceSpan, toks: Tok[], n: number): boolean {
    const forms = thatVerbForms();
    for (let j = 1; j < n - 4; j++) {
      const base = forms.get(toks[j].lower);
      if (!base || toks[j + 1]?.lower !== 'that' || /ing$/.test(toks[j].lower) || toks[j - 1].lower === 'to') continue;
      const sp = subjectBefore(toks, j, 0, sent.start);
      if (!sp) continue;
      const a = toks.findIndex((t) => t.start === sp.phrase.start);
      if (a > 0 && toks[a - 1].text !== ',' && !lex().subordinators.has(toks[a - 1].lower) && !SOURCE_OF.has(toks[a - 1].lower)) continue;
      const speaker = this.resolve(sp, toks[j + 1].start);
      if (!speaker.text || toks.slice(j + 1, n).filter((t) => t.word).length < 5) continue;
      const cue = { start: toks[j].start, end: toks[j].end };
      this.out.push({ start: toks[j + 1].start, end: toks[n - 1].end, kind: 'indirect', speakerKey: speaker.key, speakerText: speaker.text, speakerSpan: speaker.span, cue: this.text.slice(cue.start, cue.end), rule: 'indirect-that-clause' });
      return true;
    }
    return false;
  }

  /** Entity behind a speaker phrase (a mention overlapping its name words), pronouns to the last named speaker. */
  private resolve(sp: SpeakerPhrase, at: number): Speaker {
    const L = lex();
    const para = this.paragraphAt(at);
    if (sp.pronoun) {
      const m = this.mentionIn(sp.name);
      if (L.personPronouns.has(sp.pronoun)) {
        const ante = this.antecedent(sp.name.start, para, m?.entityKey ?? null);
        if (ante) return this.remember({ key: ante.key, text: ante.text, span: ante.span }, at, true);
      }
      // Unresolved: the pronoun as written, kept as the speaker of the quotes that follow.
      return this.remember({ key: m?.entityKey ?? null, text: this.text.slice(sp.name.start, sp.name.end), span: sp.name }, at, L.personPronouns.has(sp.pronoun) ? true : null);
    }
    const m = this.mentionIn(sp.name) ?? this.mentionIn(sp.phrase);
    let name = sp.name;
    if (m && (m.end <= sp.name.start || m.start >= sp.name.end)) name = { start: m.start, end: m.end };
    const ent = m ? this.entities.get(m.entityKey) : undefined;
    // Without an entity, a phrase with a capitalized word after its first may be a person ("The bill" is not).
    const written = this.text.slice(name.start, name.end);
    const words = written.split(/\s+/);
    const named = words.some((w, k) => /^\p{Lu}/u.test(w) && !(k === 0 && L.notNames.has(w.toLowerCase())));
    const person = ent ? ent.type === 'PERSON' : named ? null : false;
    return this.remember({ key: m?.entityKey ?? null, text: this.text.slice(name.start, name.end), span: name }, at, person);
  }

  private remember(s: Speaker, at: number, person: boolean | null): Speaker {
    this.known.push({ ...s, at, paragraph: this.paragraphAt(at), person });
    return s;
  }

  /** The person a he/she refers to: the last named speaker nearby, else the last person mention. */
  private antecedent(pos: number, para: number, key: string | null): Speaker | null {
    if (key) {
      const ent = this.entities.get(key);
      if (ent) {
        const i = lastAtOrBefore(this.mentions, pos);
        for (let k = i; k >= 0; k--) {
          const m = this.mentions[k];
          if (m.entityKey === key && m.form !== 'pronoun' && m.end <= pos) return { key, text: this.text.slice(m.start, m.end), span: { start: m.start, end: m.end } };
        }
        return { key, text: ent.name, span: null };
      }
    }
    let known: Known | null = null;
    for (let k = this.known.length - 1; k >= 0; k--) {
      const s = this.known[k];
      if (para - s.paragraph > 3) break;
      if (s.person !== false && s.text && /^\p{Lu}/u.test(s.text) && !lex().pronouns.has(s.text.toLowerCase())) {
        known = s;
        break;
      }
    }
    // A person who is the subject of the sentence before, when named after that speaker
    // ("Biden rubbished the claim. “...,” he said.").
    const subject = this.personSubjectBefore(pos);
    if (subject && (!known || (known.span && subject.span && subject.span.start > known.span.end))) return subject;
    if (known) return known;
    const i = lastAtOrBefore(this.mentions, pos);
    for (let k = i; k >= 0; k--) {
      const m = this.mentions[k];
      if (m.end > pos || m.form === 'pronoun') continue;
      if (this.entities.get(m.entityKey)?.type === 'PERSON') return { key: m.entityKey, text: this.text.slice(m.start, m.end), span: { start: m.start, end: m.end } };
    }
    return null;
  }

  /** The subject of the sentence before pos (same or previous paragraph) when it is a person mention. */
  private personSubjectBefore(pos: number): Speaker | null {
    if (this.mentions.length === 0) return null;
    const cur = this.sentenceAt(pos);
    if (!cur) return null;
    const i = lastAtOrBefore(this.sentences, cur.start);
    const prev = this.sentences[i - 1];
    if (!prev || cur.paragraph - prev.paragraph > 1) return null;
    const toks = tokenize(this.text, prev.start, prev.end);
    const sp = clauseSubject(toks, 0, toks.length, prev.start);
    if (!sp || sp.pronoun) return null;
    const m = this.mentionIn(sp.name);
    if (!m || this.entities.get(m.entityKey)?.type !== 'PERSON') return null;
    return { key: m.entityKey, text: this.text.slice(m.start, m.end), span: { start: m.start, end: m.end } };
  }

  /** The last mention overlapping the span that is not a possessive owner, else any overlapping one. */
  private mentionIn(s: Span): MentionHit | null {
    const i = lastAtOrBefore(this.mentions, s.end - 1);
    let fallback: MentionHit | null = null;
    for (let k = i; k >= 0; k--) {
      const m = this.mentions[k];
      if (m.end <= s.start) {
        if (s.start - m.start > 200) break;
        continue;
      }
      if (m.start >= s.end) continue;
      if (/^['’]s?\b/.test(this.text.slice(m.end, m.end + 2)) && m.end < s.end) {
        fallback ??= m;
        continue;
      }
      return m;
    }
    return fallback;
  }

  private emit(unit: QuoteUnit, kind: QuoteKind, sp: Speaker, cue: string | null, rule: string): void {
    this.out.push({ start: unit.start, end: unit.end, kind, speakerKey: sp.key, speakerText: sp.text, speakerSpan: sp.span, cue, rule });
  }
}

// Words that open a clause about the quote rather than a description of the speaker.
const NOT_DESCRIPTION = /^(?:adding|saying|noting|explaining|according|asked|when|while|as|but|and|although|because|if|in|on|at|after|before|during|later|earlier|then|told|said|says|who (?:said|says|added|told))\b/i;

/** The sentence holding position `at` (binary search: documents can hold 100,000 sentences). */
function sentenceAt(doc: Doc, at: number): Doc['sentences'][number] | undefined {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = doc.sentences[mid];
    if (at < x.start) hi = mid - 1;
    else if (at >= x.end) lo = mid + 1;
    else return x;
  }
  return undefined;
}

/**
 * Speaker as written: the name and, when one follows it, its appositive description
 * ("Lael Brainard, a Fed governor"; "Dino Spencer, who now runs the gym"), up to the next
 * comma or the end of the sentence. speaker_id holds the resolved name; the description
 * says who the speaker is, the way news attribution writes it.
 */
function describeSpeaker(doc: Doc, q: QuoteHit): QuoteHit {
  if (!q.speakerSpan || !q.speakerText) return q;
  const text = doc.text;
  const from = q.speakerSpan.end;
  if (!/^,\s/.test(text.slice(from, from + 2))) return q;
  const sentence = sentenceAt(doc, from);
  let limit = sentence ? sentence.end : Math.min(text.length, from + 200);
  // The description never reaches into the quote itself.
  if (q.start > from) limit = Math.min(limit, q.start);
  const rest = text.slice(from + 2, limit);
  const stop = rest.search(/[,;:"“”‘()\[\]—–]|\.\s*$/);
  const desc = (stop < 0 ? rest : rest.slice(0, stop)).trimEnd();
  const words = desc.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 25 || NOT_DESCRIPTION.test(desc)) return q;
  // A description starts with a lower-case word, an article, or an owner ("Twitter’s director").
  if (!/^(?:\p{Ll}|(?:A|An|The)\s|\p{Lu}[\p{L}.&-]*['’]s?\s)/u.test(desc)) return q;
  return { ...q, speakerText: q.speakerText + text.slice(from, from + 2 + desc.length) };
}

/** Quotes of one document, in text order. */
export function findQuotes(doc: Doc, prior: Readonly<Annotations>): QuoteHit[] {
  return new QuoteFinder(doc, prior).run().map((q) => describeSpeaker(doc, q));
}

export const quoteStage: ExtractStage<'quotes'> = {
  name: 'quotes',
  fills: ['quotes'],
  run: (doc, prior) => ({ quotes: findQuotes(doc, prior) }),
};
