// Trains the entity tagger (averaged perceptron) on a CoNLL-2003-style folder and
// writes data/ner_model.json. Usage: npx tsx scripts/train-ner.ts <train-dir> [--epochs N] [--limit N] [--skip N]
// (10 epochs was best on a held-out fifth of the training split).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText } from '../pipeline/doc.js';
import { DATA_DIR } from '../pipeline/lexicon.js';
import { gazetteer } from '../pipeline/extract/entities/gazetteer.js';
import { tokenize } from '../pipeline/extract/entities/tokenize.js';
import { TAGS, docContext, isCapsSentence, tagSentence, type Sentence } from '../pipeline/extract/entities/model.js';
import { argValue, loadGold } from './ner-data.js';

const dir = process.argv[2];
const epochs = Number(argValue('--epochs', '10'));
const limit = Number(argValue('--limit', 'Infinity'));
const skip = Number(argValue('--skip', '0'));
const NT = TAGS.length;
const g = gazetteer();

interface Item {
  sents: Sentence[];
  gold: number[][];
}

const items: Item[] = [];
let unreachable = 0;
let misaligned = 0;
for (const d of loadGold(dir, limit, skip)) {
  const doc = docFromText(d.text);
  const sents: Sentence[] = doc.sentences.map((s) => {
    const tokens = tokenize(doc.text, s.start, s.end);
    return { tokens, caps: isCapsSentence(tokens) };
  });
  const byStart = new Map<number, { end: number; type: string }>();
  for (const e of d.entities) byStart.set(e.start, { end: e.end, type: e.type });
  const gold = sents.map((s) => {
    const tags = new Array<number>(s.tokens.length).fill(0);
    for (let i = 0; i < s.tokens.length; i++) {
      const e = byStart.get(s.tokens[i].start);
      if (!e) continue;
      let j = i;
      while (j < s.tokens.length && s.tokens[j].end <= e.end) j++;
      if (j === i || s.tokens[j - 1].end !== e.end) {
        misaligned++;
        continue;
      }
      for (let k = i; k < j; k++) tags[k] = TAGS.indexOf(((k === i ? 'B-' : 'I-') + e.type) as (typeof TAGS)[number]);
    }
    return tags;
  });
  items.push({ sents, gold });
}

// Averaged perceptron: w holds current weights, u the time-weighted sum of updates.
const w = new Map<string, Float64Array>();
const u = new Map<string, Float64Array>();
let c = 1;
const view = { get: (f: string) => w.get(f) };
function update(feats: string[], tag: number, delta: number): void {
  for (const f of feats) {
    let a = w.get(f);
    let b = u.get(f);
    if (!a) {
      w.set(f, (a = new Float64Array(NT)));
      u.set(f, (b = new Float64Array(NT)));
    }
    a[tag] += delta;
    b![tag] += c * delta;
  }
}

for (let ep = 0; ep < epochs; ep++) {
  let errors = 0;
  let seen = 0;
  // Deterministic shuffle: a fixed stride through the documents.
  const order = items.map((_, i) => (i * 7919 + ep * 104729) % items.length);
  const done = new Set<number>();
  for (const idx of order) {
    if (done.has(idx)) continue;
    done.add(idx);
    const it = items[idx];
    const dc = docContext(it.sents);
    it.sents.forEach((s, si) => {
      const gold = it.gold[si];
      tagSentence(g, s, dc, view, (i, feats, pred) => {
        seen++;
        if (pred !== gold[i]) {
          errors++;
          update(feats, gold[i], 1);
          update(feats, pred, -1);
        }
        c++;
        return gold[i];
      });
      // Gold entity tokens the tagger never looks at.
      if (ep === 0) for (let i = 0; i < gold.length; i++) if (gold[i] && !/\p{Lu}/u.test(s.tokens[i].text) && !s.caps) unreachable++;
    });
  }
  console.error(`epoch ${ep + 1}: ${errors}/${seen} errors`);
}

const scale = 100;
const features: string[] = [];
const values: number[] = [];
for (const [f, a] of [...w.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
  const b = u.get(f)!;
  const avg = Array.from(a, (x, k) => Math.round((x - b[k] / c) * scale));
  if (avg.every((x) => Math.abs(x) < 5)) continue;
  features.push(f);
  values.push(...avg);
}
const kept = features.length;
writeFileSync(
  join(DATA_DIR, 'ner_model.json'),
  JSON.stringify({
    _comment:
      'Averaged-perceptron weights of the entity tagger, trained by scripts/train-ner.ts on the CoNLL-2003 English training split (Reuters news, Tjong Kim Sang & De Meulder 2003). Features are word, shape, context and gazetteer cues; see pipeline/extract/entities/model.ts.',
    tags: TAGS,
    scale,
    features,
    values,
  }),
);
console.error(`kept ${kept}/${w.size} features; misaligned gold ${misaligned}; unreachable tokens ${unreachable}`);
