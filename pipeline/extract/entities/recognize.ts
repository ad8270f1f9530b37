import type { Doc } from '../../types.js';
import { gazetteer } from './gazetteer.js';
import { tokenize, type Token } from './tokenize.js';
import { CONNECTORS, TAGS, docContext, isCapsSentence, modelWeights, tagSentence, type Sentence } from './model.js';

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
}

export interface Recognized {
  sentences: Sentence[];
  spans: RawSpan[];
}

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
  sentences.forEach((s, si) => {
    const tags = tagSentence(g, s, dc, w);
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i++) {
      const tag = TAGS[tags[i]];
      if (!tag.startsWith('B-')) continue;
      let j = i + 1;
      while (j < toks.length && TAGS[tags[j]] === 'I-' + tag.slice(2)) j++;
      let a = i;
      let b = j;
      while (b > a && TRAILING.test(toks[b - 1].text)) b--;
      while (a < b && CONNECTORS.has(toks[a].text)) a++;
      if (a < b && keep(toks, a, b, s, g)) {
        spans.push({
          start: toks[a].start,
          end: toks[b - 1].end,
          text: doc.text.slice(toks[a].start, toks[b - 1].end),
          label: tag.slice(2),
          sentence: si,
          t0: a,
          t1: b,
          rule: 'tagger',
        });
      }
      i = j - 1;
    }
  });
  return { sentences, spans };
}

/** Rejects what is capitalized but not a name: months, days, discourse words. */
function keep(toks: Token[], a: number, b: number, s: Sentence, g: ReturnType<typeof gazetteer>): boolean {
  if (b - a === 1) {
    const w = toks[a].lower;
    if (g.notName.has(w)) return false;
    const tags = g.tags.get(w);
    if (tags?.has('date') && !tags.has('country') && !tags.has('city')) return false;
    if (!/\p{L}/u.test(w)) return false;
  }
  return true;
}
