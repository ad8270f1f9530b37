import { wink } from '../../nlp.js';

// POS tags and lemmas from wink-nlp, with UTF-16 offsets into the document.

export interface Tok {
  i: number;
  start: number;
  end: number;
  value: string;
  lower: string;
  lemma: string;
  pos: string;
}

const engine = wink;

/** Lower case with typographic apostrophes straightened ("n’t" is "n't"). */
function lowerOf(v: string): string {
  const l = v.toLowerCase();
  return l.includes('’') ? l.replace(/’/g, "'") : l;
}

/** Tokens of text.slice(start, end), offsets relative to the whole text. */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const nlpx = engine();
  const its = nlpx.its;
  const slice = text.slice(start, end);
  const doc = nlpx.readDoc(slice);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // its.lemma is typed for addon models; the lite model provides it at run time.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const out: Tok[] = [];
  let cursor = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    let at = slice.indexOf(v, cursor);
    // wink may normalise a token (e.g. expanded contractions); keep it unplaced-but-ordered.
    if (at < 0) at = cursor;
    const tokEnd = Math.min(slice.length, at + v.length);
    out.push({
      i: out.length,
      start: start + at,
      end: start + tokEnd,
      value: v,
      lower: lowerOf(v),
      lemma: (lemmas[k] ?? v).toLowerCase(),
      pos: pos[k] ?? 'X',
    });
    cursor = tokEnd;
  }
  return out;
}

/**
 * Tokens of several spans of `text`, tagged in one pass (one wink document is
 * much cheaper than one per sentence). Spans are joined with blank lines so
 * that no token crosses from one span into the next.
 */
export function tokenizeSpans(text: string, spans: Array<{ start: number; end: number }>): Tok[][] {
  if (spans.length === 0) return [];
  const nlpx = engine();
  const its = nlpx.its;
  const SEP = '\n\n';
  const parts: string[] = [];
  const offsets: number[] = [];
  let len = 0;
  for (const s of spans) {
    offsets.push(len);
    const part = text.slice(s.start, s.end);
    parts.push(part);
    len += part.length + SEP.length;
  }
  const joined = parts.join(SEP);
  const doc = nlpx.readDoc(joined);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const out: Tok[][] = spans.map(() => []);
  let cursor = 0;
  let si = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    let at = joined.indexOf(v, cursor);
    if (at < 0) at = cursor;
    while (si + 1 < spans.length && at >= offsets[si + 1]) si++;
    const span = spans[si];
    // A token wink normalised (not found verbatim) keeps its place but never leaves its span.
    const local = Math.min(at - offsets[si], span.end - span.start);
    const end = Math.min(span.end, span.start + local + v.length);
    const list = out[si];
    list.push({
      i: list.length,
      start: span.start + local,
      end,
      value: v,
      lower: lowerOf(v),
      lemma: (lemmas[k] ?? v).toLowerCase(),
      pos: pos[k] ?? 'X',
    });
    cursor = at + v.length;
  }
  return out;
}
