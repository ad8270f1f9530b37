import type { ParagraphSpan, SentenceSpan } from './types.js';
import { wordSet } from './lexicon.js';

// A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
const BOUNDARY = /([.!?…]+)(["'”’»)\]]*)(\s+)/g;
// What may open the next sentence: a capital, a digit or an opening quote/bracket.
const NEXT_START = /^["'“‘«(\[]*[\p{Lu}\p{N}]/u;

/** True when the period at `dot` belongs to an abbreviation or initial, not a sentence end. */
function isAbbreviation(text: string, dot: number, next: string): boolean {
  // The token before the period, back to whitespace or an opening bracket/quote.
  let s = dot;
  while (s > 0 && !/[\s("“'‘\[]/.test(text[s - 1])) s--;
  const token = text.slice(s, dot);
  if (token.length === 0) return false;
  const lower = token.toLowerCase();
  const abbrevs = wordSet('abbreviations.txt');
  const nextWord = (next.match(/^["'“‘«(\[]*([\p{L}]+)/u)?.[1] ?? '').toLowerCase();
  const startsSentence = wordSet('sentence_starters.txt').has(nextWord);
  // Dotted acronyms (U.S., U.N.) end a sentence only when a sentence-starting word follows.
  if (/^(\p{L}\.)+\p{L}$/u.test(token)) return !startsSentence;
  if (abbrevs.has(lower)) {
    // "Inc." or "Jan." may still close a sentence: trust an obvious starter word.
    return !startsSentence || /^(mr|mrs|ms|dr|prof|gen|gov|sen|rep|st|no)$/.test(lower);
  }
  // Single capital initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(token)) return true;
  return false;
}

// Longer than any sentence of prose: a list, a table or an unpunctuated transcript. Such a run is
// cut into pieces, so the per-sentence work of the extractors stays bounded (a 1.2 MB text with
// no sentence end took 340 s to build as one sentence).
export const MAX_SENTENCE_CHARS = 1000;

const SPACE = /\s/;

// Marks after which a long sentence's clause ends: a cut there keeps names and figures whole.
const CLAUSE_END = new Set([';', ':', ',']);

/** The space after the last clause mark in (from, to], or -1. */
function clauseCut(text: string, from: number, to: number): number {
  for (let i = to; i > from; i--) if (CLAUSE_END.has(text[i - 1]) && SPACE.test(text[i])) return i;
  return -1;
}

/** Cuts a span longer than MAX_SENTENCE_CHARS at line breaks, else after clause marks, else at spaces, into pieces no longer (a single longer word stays whole). */
function cutLong(text: string, span: { start: number; end: number }, out: Array<{ start: number; end: number }>): void {
  let { start } = span;
  const { end } = span;
  while (end - start > MAX_SENTENCE_CHARS) {
    const limit = start + MAX_SENTENCE_CHARS;
    const half = start + MAX_SENTENCE_CHARS / 2;
    let cut = text.lastIndexOf('\n', limit);
    if (cut < half) cut = clauseCut(text, half, limit);
    if (cut < half) {
      cut = limit;
      while (cut > start && !SPACE.test(text[cut])) cut--;
      if (cut === start) {
        cut = limit;
        while (cut < end && !SPACE.test(text[cut])) cut++;
      }
    }
    let pieceEnd = cut;
    while (pieceEnd > start && SPACE.test(text[pieceEnd - 1])) pieceEnd--;
    let next = cut;
    while (next < end && SPACE.test(text[next])) next++;
    if (pieceEnd > start) out.push({ start, end: pieceEnd });
    start = next;
  }
  if (end > start) out.push({ start, end });
}

/** Splits one paragraph [start, end) of `text` into sentence spans (UTF-16 indices). */
export function splitParagraph(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const para = text.slice(start, end);
  let sentStart = 0;
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(para)) !== null) {
    const punctEnd = m.index + m[1].length + m[2].length;
    const nextStart = punctEnd + m[3].length;
    const next = para.slice(nextStart, nextStart + 40);
    if (!NEXT_START.test(next)) continue;
    if (m[1] === '.' && isAbbreviation(para, m.index, next)) continue;
    cutLong(text, { start: start + sentStart, end: start + punctEnd }, out);
    sentStart = nextStart;
  }
  if (sentStart < para.length) {
    const tail = para.slice(sentStart).replace(/\s+$/, '');
    if (tail.length > 0) cutLong(text, { start: start + sentStart, end: start + sentStart + tail.length }, out);
  }
  return out;
}

// List bullets ("- ", "-Name", "* ", "• ") open a line but are not part of the sentence. Leaving
// them out also means no sentence starts with a character a spreadsheet would read as a formula.
const BULLET = /^[-*•+=@]+\s*(?=[\p{L}\p{N}"“'‘(])/u;

function trimBullet(text: string, s: { start: number; end: number }): { start: number; end: number } {
  const m = BULLET.exec(text.slice(s.start, Math.min(s.end, s.start + 12)));
  return m && s.start + m[0].length < s.end ? { start: s.start + m[0].length, end: s.end } : s;
}

/** Sentence spans for every paragraph, numbered through the article. */
export function splitSentences(text: string, paragraphs: ParagraphSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const p of paragraphs) {
    for (const s of splitParagraph(text, p.start, p.end)) {
      // A line of rules or dashes ("- - - -") holds no words: no sentence.
      if (!/[\p{L}\p{N}]/u.test(text.slice(s.start, s.end))) continue;
      out.push({ ...trimBullet(text, s), index: out.length, paragraph: p.index });
    }
  }
  return out;
}
