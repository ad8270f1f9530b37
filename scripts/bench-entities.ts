// Throughput of the entity stage on a folder of plain-text articles (MB of text per second, one core).
// Usage: npx tsx scripts/bench-entities.ts <dir> [<dir> ...] [--limit N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../pipeline/structure.js';
import { toDoc } from '../pipeline/doc.js';
import { entityStage } from '../pipeline/extract/entities.js';
const emptyAnnotations = () => ({ entities: [], mentions: [], roles: [], timexes: [], figures: [], quotes: [], events: [] });
import { argValue } from './ner-data.js';

const limit = Number(argValue('--limit', 'Infinity'));
const dirs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--limit');
const docs = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, limit)
    .map((f, i) => toDoc(`${i}`, parseArticle(readFileSync(join(d, f), 'utf8')))),
);
const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0);
// The first pass includes loading data files and the model and JIT warm-up; the later ones are
// steady state. CPU time is reported beside wall time: on a shared machine it is the fair measure.
for (const pass of ['cold', 'warm 1', 'warm 2', 'warm 3']) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let mentions = 0;
  for (const d of docs) mentions += entityStage.run(d, emptyAnnotations()).mentions.length;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const mb = bytes / 1e6;
  console.log(
    `${pass}: ${docs.length} docs, ${mb.toFixed(2)} MB, ${mentions} mentions; wall ${secs.toFixed(2)} s = ${(mb / secs).toFixed(2)} MB/s; cpu ${cpu.toFixed(2)} s = ${(mb / cpu).toFixed(2)} MB/s`,
  );
}
