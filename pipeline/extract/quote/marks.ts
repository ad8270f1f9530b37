import type { Span } from '../../types.js';

/**
 * A quoted stretch of text: from its opening mark to its closing mark (both
 * included). A quote that runs over several paragraphs (each continued
 * paragraph opens with a mark and has no closing one, the newswire convention)
 * is one unit whose span covers all its paragraphs.
 */
export interface QuoteUnit extends Span {
  /** Content without the outer marks. */
  innerStart: number;
  innerEnd: number;
  /** False when the last piece never closed (runs to its paragraph end). */
  closed: boolean;
  /** Number of paragraphs it spans. */
  paragraphs: number;
  /** Marked with single quotes (‘...’): taken only with a cue right next to it. */
  single: boolean;
}

interface Mark {
  at: number;
  len: number;
  role: 'open' | 'close' | 'either';
}

const SPACE = /\s/;
// What may stand before an opening straight quote.
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:;,]/;
// What may follow a closing straight quote.
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\-'’…]/;

/** The double quotation marks of one paragraph, each tagged open / close / either. */
function marksOf(text: string, start: number, end: number): Mark[] {
  const out: Mark[] = [];
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '\u201C' || c === '\u201E' || c === '\u00AB') {
      // A left mark typed where a closing one belongs ('here,“ said').
      const prev = i > start ? text[i - 1] : ' ';
      const next = i + 1 < end ? text[i + 1] : ' ';
      const misTyped = !SPACE.test(prev) && !/[(\[{\u2014\u2013\-/]/.test(prev) && (SPACE.test(next) || /[.,;:!?)]/.test(next));
      out.push({ at: i, len: 1, role: misTyped ? 'close' : 'open' });
    }
    else if (c === '\u201D' || c === '\u00BB') {
      // A right mark typed where an opening one belongs (after a space, before a word).
      const prev = i > start ? text[i - 1] : ' ';
      const next = i + 1 < end ? text[i + 1] : ' ';
      const misTyped = SPACE.test(prev) && !SPACE.test(next) && /[\p{L}\p{N}]/u.test(next);
      out.push({ at: i, len: 1, role: misTyped ? 'either' : 'close' });
    } else if (c === '`' && text[i + 1] === '`') {
      out.push({ at: i, len: 2, role: 'open' });
      i++;
    } else if (c === '"' || (c === "'" && text[i + 1] === "'")) {
      // Straight marks, and '' (some newswire writes it for both ends): the side is read from the context.
      const len = c === '"' ? 1 : 2;
      const prev = i > start ? text[i - 1] : '';
      const next = i + len < end ? text[i + len] : '';
      const openLike = (prev === '' || BEFORE_OPEN.test(prev)) && next !== '' && !SPACE.test(next);
      const closeLike = prev !== '' && !SPACE.test(prev) && (next === '' || AFTER_CLOSE.test(next));
      out.push({ at: i, len, role: openLike && !closeLike ? 'open' : closeLike && !openLike ? 'close' : 'either' });
      i += len - 1;
    }
  }
  return out;
}

interface Piece extends Span {
  openLen: number;
  closeLen: number;
  closed: boolean;
  paragraph: number;
  single?: boolean;
}

/**
 * Curly single quotes (‘...’) as the outer marks, the British convention, in a
 * line with no double marks. ’ is also the apostrophe, so a closing mark must be
 * followed by a space or punctuation and the quote must hold two words or more.
 */
function singlePieces(text: string, p: Span, pi: number): Piece[] {
  const out: Piece[] = [];
  let open = -1;
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if (c === '\u2018') {
      const prev = i > p.start ? text[i - 1] : ' ';
      if (/[\s([{\u2014\u2013]/.test(prev) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) open = i;
    } else if (c === '\u2019' && open >= 0) {
      const next = i + 1 < p.end ? text[i + 1] : ' ';
      const prev = text[i - 1];
      if (/[\s.,;:!?)\u2014]/.test(next) && /[\p{L}\p{N}.,!?]/u.test(prev) && !/s$/.test(text.slice(open, i)) && /\S\s+\S/.test(text.slice(open + 1, i))) {
        out.push({ start: open, end: i + 1, openLen: 1, closeLen: 1, closed: true, paragraph: pi, single: true });
        open = -1;
      }
    }
  }
  return out;
}

/**
 * Finds the quoted stretches of a document paragraph by paragraph. Curly and
 * straight double marks, `` '' and guillemets are read; single marks are left
 * alone (apostrophes, or quotes nested inside a double-quoted one).
 */
export function findQuoteUnits(text: string, paras: ReadonlyArray<Span>): QuoteUnit[] {
  // Each line is a block of its own: a quote does not run over a line break
  // unless the next line opens with a mark (continuation).
  const paragraphs: Span[] = [];
  for (const p of paras) {
    let s = p.start;
    for (let i = p.start; i <= p.end; i++) {
      if (i === p.end || text[i] === '\n') {
        if (text.slice(s, i).trim() !== '') paragraphs.push({ start: s, end: i });
        s = i + 1;
      }
    }
  }
  const pieces: Piece[] = [];
  // Index of the pieces left open at the end of each paragraph.
  const openAtEnd = new Map<number, number>();
  paragraphs.forEach((p, pi) => {
    let open: Mark | null = null;
    // A straight-quoted stretch nested inside a curly quote (“He said "no" twice”).
    let nested = false;
    for (const m of marksOf(text, p.start, p.end)) {
      if (open === null) {
        // A stray closing mark (an inch sign, a typo) opens nothing.
        if (m.role !== 'close') open = m;
        continue;
      }
      const straight = text[m.at] === '"';
      if (nested) {
        if (straight) nested = false;
        continue;
      }
      if (straight && m.role === 'open' && text[open.at] !== '"') {
        nested = true;
        continue;
      }
      if (m.role === 'open') {
        // Two openings in a row: the first never closed; start again here.
        open = m;
        continue;
      }
      pieces.push({ start: open.at, end: m.at + m.len, openLen: open.len, closeLen: m.len, closed: true, paragraph: pi });
      open = null;
    }
    if (open !== null) {
      openAtEnd.set(pi, pieces.length);
      pieces.push({ start: open.at, end: p.end, openLen: open.len, closeLen: 0, closed: false, paragraph: pi });
    }
    // Pieces are pushed paragraph by paragraph: this one has some if the last one is its.
    if (pieces.length === 0 || pieces[pieces.length - 1].paragraph !== pi) for (const x of singlePieces(text, p, pi)) pieces.push(x);
  });
  // Chain an unclosed piece with the next paragraph's first piece when that
  // paragraph opens with the mark (a quote continued over paragraphs).
  const units: QuoteUnit[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const first = pieces[i];
    let last = first;
    let n = 1;
    while (!last.closed && openAtEnd.has(last.paragraph)) {
      const next = pieces[i + 1];
      const para = paragraphs[last.paragraph + 1];
      if (!next || !para || next.paragraph !== last.paragraph + 1) break;
      if (text.slice(para.start, next.start).trim() !== '') break;
      last = next;
      i++;
      n++;
    }
    units.push({
      start: first.start,
      end: last.end,
      innerStart: first.start + first.openLen,
      innerEnd: last.end - last.closeLen,
      closed: last.closed,
      paragraphs: n,
      single: first.single === true,
    });
  }
  return units;
}
