import { wordSet } from '../../lexicon.js';

/** A token of a sentence: [start, end) UTF-16 indices into the text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
}

// Order matters: dotted acronyms and initials before plain words; the possessive
// "'s" is its own token so that names never swallow it ("Putin's" → "Putin" "'s").
const TOKEN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}(?:-\p{L}+)*`, // U.S., N.J., U.S.-led
    String.raw`\p{Lu}\.(?=\s|$)`, // initial "J."
    String.raw`['’][sS](?![\p{L}\p{N}])`, // possessive
    // An apostrophe joins only before a capital (O'Neill, D'Souza), never in "I've" or "don't".
    String.raw`[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:(?:[-&]|['’](?=\p{Lu}))[\p{L}\p{M}\p{N}]+)*`,
    String.raw`\p{N}+\p{L}[\p{L}\p{N}]*`, // 3G, 60GB, MP3-style codes stay whole
    String.raw`\p{N}+(?:[.,:/]\p{N}+)*`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

let abbrevs: Set<string> | null = null;

/** Tokens of text[start, end). Abbreviations keep their period ("Corp.", "Calif."). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  abbrevs ??= wordSet('abbreviations.txt');
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice)) !== null) {
    let s = m[0];
    const a = start + m.index;
    // "Corp." / "St." but not a sentence-final period.
    if (
      slice.charCodeAt(m.index + s.length) === 46 &&
      m.index + s.length + 1 < slice.length &&
      s.length <= 5 &&
      abbrevs.has(s.toLowerCase())
    ) {
      s += '.';
      TOKEN.lastIndex++;
    }
    out.push({ start: a, end: a + s.length, text: s, lower: s.toLowerCase() });
  }
  return out;
}

/** The gazetteer key of a phrase: its tokens, lower-cased, joined by spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.lower)
    .join(' ');
}
