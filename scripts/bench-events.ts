// Speed of the events stage: `npx tsx scripts/bench-events.ts <dir|file>... [--limit N] [--reps N] [--empty] [--show]`.
// The earlier stages run first, untimed, for every file (the events stage reads their
// mentions and dates); then the events stage alone is timed over all files, after one
// untimed warm-up pass. --empty gives it an empty prior instead.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText } from '../pipeline/doc.js';
import { EXTRACT_STAGES, emptyAnnotations } from '../pipeline/extract/index.js';
import { eventStage } from '../pipeline/extract/events.js';
import type { Annotations, EventHit } from '../pipeline/types.js';

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 1;
const full = !args.includes('--empty');
const show = args.includes('--show');
const paths = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit' && args[i - 1] !== '--reps');

function txtFiles(p: string): string[] {
  if (statSync(p).isFile()) return [p];
  return readdirSync(p).sort().flatMap((n) => {
    const q = join(p, n);
    return statSync(q).isDirectory() ? txtFiles(q) : n.endsWith('.txt') ? [q] : [];
  });
}

const files = paths.flatMap(txtFiles).slice(0, limit);
let bytes = 0;
let events = 0;
const byCat = new Map<string, number>();
const inputs = files.map((f) => {
  const text = readFileSync(f, 'utf8');
  const doc = docFromText(text, null, f);
  let prior: Annotations = emptyAnnotations();
  if (full) for (const st of EXTRACT_STAGES) if (st.name !== 'events') prior = { ...prior, ...st.run(doc, prior) };
  bytes += Buffer.byteLength(text);
  return { doc, prior };
});
// Warm-up: load the tagger and the lexicon, let the JIT settle, outside the timed region.
for (const { doc, prior } of inputs.slice(0, 50)) eventStage.run(doc, prior);
// The best of several passes: the machine is shared, and the slowest pass measures the neighbours.
let ms = Infinity;
let cpuUs = Infinity;
let outs: Array<{ events: EventHit[] }> = [];
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  outs = inputs.map(({ doc, prior }) => eventStage.run(doc, prior));
  const c1 = process.cpuUsage(c0);
  ms = Math.min(ms, performance.now() - t0);
  cpuUs = Math.min(cpuUs, c1.user + c1.system);
}
outs.forEach((out, k) => {
  const doc = inputs[k].doc;
  events += out.events.length;
  for (const e of out.events) {
    byCat.set(e.category, (byCat.get(e.category) ?? 0) + 1);
    if (show) process.stdout.write(`${e.category}\t${e.modality}\t${e.actorKey}\t${e.targetKey}\t${e.locationKey}\t${e.action}\t${e.dateStart}\t${doc.text.slice(e.start, e.end)}\n`);
  }
});
// CPU time is the fairer figure on a shared machine; wall time is printed too.
const mbps = bytes / 1e6 / (ms / 1000);
const cpuMbps = bytes / 1e6 / (cpuUs / 1e6);
process.stdout.write(`files=${files.length} bytes=${bytes} events=${events} wall_ms=${ms.toFixed(0)} wall_MB/s=${mbps.toFixed(2)} cpu_ms=${(cpuUs / 1000).toFixed(0)} cpu_MB/s=${cpuMbps.toFixed(2)}\n`);
process.stdout.write(`${[...byCat].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}:${n}`).join(' ')}\n`);
