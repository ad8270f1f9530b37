// What a figure counts: the short noun phrase after it, read with wink-nlp's POS
// tagger. Only a short fragment (the figure and the words after it, up to the
// next clause break) is tagged, which keeps the cost per figure small.
import { wink as tagger } from '../../nlp.js';
import { figureLexicon } from './lexicon.js';

const NOUNISH = new Set(['NOUN', 'PROPN']);
const MAX_TOKENS = 5;
const FRAGMENT = 70;
let never: Set<string> | null = null;

export interface NounPhrase {
  start: number;
  end: number;
  text: string;
}

export interface ObjectOptions {
  /** Accept "of" + noun phrase ("half of their income"). */
  allowOf: boolean;
  /** Accept a noun phrase right after the figure ("four ballistic missiles"). */
  allowDirect: boolean;
}

/**
 * The noun phrase after position `from` (UTF-16 index into `text`), within
 * [ctxStart, limit). `ctxStart` is where the figure begins: the tagger sees the
 * number too, which helps it read what follows as a noun phrase.
 */
export function nounPhraseAfter(text: string, ctxStart: number, from: number, limit: number, opts: ObjectOptions): NounPhrase | null {
  let end = Math.min(limit, from + FRAGMENT);
  // Stop at a clause break: the object never crosses one.
  const tail = text.slice(from, end);
  const brk = tail.search(/[;:()\[\]"“”]|,\s|\s[–—]\s|\.(?:\s|$)/);
  if (brk >= 0) end = from + brk;
  if (!/\p{L}/u.test(text.slice(from, end))) return null;
  // Cheap test first: a closed-class word cannot open the phrase.
  const first = /^[ \u00a0]*([\p{L}']+)/u.exec(text.slice(from, Math.min(end, from + 30)));
  if (!first) return null;
  never ??= new Set(figureLexicon().ctx.objectNever);
  const fw = first[1].toLowerCase();
  if (fw === 'of' ? !opts.allowOf : never.has(fw) || !opts.allowDirect) return null;
  const frag = text.slice(ctxStart, end);
  const doc = tagger().readDoc(frag);
  const words: string[] = doc.tokens().out();
  const pos: string[] = doc.tokens().out(tagger().its.pos) as string[];
  // Token offsets: wink keeps the surface text, so find each token in order.
  const offs: number[] = [];
  let cur = 0;
  for (const w of words) {
    const at = frag.indexOf(w, cur);
    if (at < 0) return null;
    offs.push(at);
    cur = at + w.length;
  }
  const rel = from - ctxStart;
  let i = offs.findIndex((o) => o >= rel);
  if (i < 0) return null;
  let requireDet = false;
  if (words[i].toLowerCase() === 'of') {
    if (!opts.allowOf) return null;
    i++;
    requireDet = true;
  } else if (!opts.allowDirect) {
    return null;
  }
  if (i >= words.length) return null;
  const head = i;
  // After "of": determiners and possessives open the phrase ("of their income").
  if (requireDet && (pos[i] === 'DET' || pos[i] === 'PRON') && /^(the|a|an|their|its|his|her|our|your|my|this|that|these|those|all)$/i.test(words[i])) i++;
  let last = -1;
  let sawNoun = false;
  let count = 0;
  let afterHyphen = false;
  for (; i < words.length && count < MAX_TOKENS; i++, count++) {
    const p = pos[i];
    const w = words[i];
    // The word glued after a hyphen belongs to the compound ("state-run banks").
    if (afterHyphen) {
      afterHyphen = false;
      if (offs[i] === offs[i - 1] + 1 && /^[\p{L}\p{N}]/u.test(w)) { if (NOUNISH.has(p)) { sawNoun = true; last = i; } continue; }
      break;
    }
    if (NOUNISH.has(p)) {
      sawNoun = true;
      last = i;
      // "'s" after a noun continues the phrase ("the country's debt").
      continue;
    }
    if (p === 'ADJ' || (p === 'NUM' && !sawNoun)) {
      if (sawNoun) break;
      last = i;
      continue;
    }
    // "the UK's private housing": a possessive opens a new phrase.
    if (p === 'PART' && /^['’]s$/.test(w) && sawNoun) { sawNoun = false; continue; }
    if (p === 'PUNCT' && w === '-' && i + 1 < words.length && offs[i] === offs[i - 1] + words[i - 1].length) { afterHyphen = true; continue; }
    // A participle before the head noun ("four armed men").
    if (p === 'VERB' && !sawNoun && i + 1 < words.length && NOUNISH.has(pos[i + 1]) && /(ed|ing|en)$/i.test(w)) {
      last = i;
      continue;
    }
    break;
  }
  if (!sawNoun || last < head) return null;
  // The phrase must open with a word ("-size file" is the tail of a compound).
  if (!/^[\p{L}\p{N}]/u.test(words[head])) return null;
  // Trim trailing adjectives: the head is the last noun.
  while (last >= head && !NOUNISH.has(pos[last])) last--;
  if (last < head) return null;
  const s = ctxStart + offs[head];
  const e = ctxStart + offs[last] + words[last].length;
  let phrase = text.slice(s, e);
  // "47,000 North Koreans were working in Russia": what they are doing and
  // where belongs to what is counted ("North Koreans working in Russia").
  let j = last + 1;
  if (j < words.length && pos[j] === 'AUX' && /^(are|were|is|was|been|being)$/i.test(words[j])) j++;
  if (j + 2 < words.length && pos[j] === 'VERB' && /ing$/i.test(words[j]) && pos[j + 1] === 'ADP' && /^(in|at|inside|outside|across|near|abroad)$/i.test(words[j + 1])) {
    let k = j + 2;
    if (k < words.length && pos[k] === 'DET') k++;
    let tail = -1;
    for (let n = 0; k < words.length && n < 4 && (NOUNISH.has(pos[k]) || pos[k] === 'ADJ'); k++, n++) if (NOUNISH.has(pos[k])) tail = k;
    if (tail > 0) phrase = `${phrase} ${text.slice(ctxStart + offs[j], ctxStart + offs[tail] + words[tail].length)}`;
  }
  return { start: s, end: e, text: phrase };
}
