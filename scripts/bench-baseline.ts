// The NLP package alone on a folder of texts (wink-nlp: tokens, POS, entities), one core:
// the baseline `make bench` compares the pipeline with. Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const dir = process.argv[2];
const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const nlp = winkNLP(model);
const t0 = performance.now();
for (const t of texts) nlp.readDoc(t).entities().out();
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
