// make bench: end-to-end speed, scaling over threads, incremental rebuilds and
// memory, on the BBC development articles when present, else a generated corpus.
// Prints figures; asserts nothing (targets are checked by reading them).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.cache', 'bench');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.env[name.toUpperCase()] ?? dflt;
};
const corpusDir = resolve(arg('corpus', join(ROOT, '..', 'shared', 'dev-data', 'bbc')));
const scale = Number(arg('scale', '0'));
// Runs of each timed build (the fastest counts); one at 10,000 articles, where a run takes minutes.
const REPEAT = Math.max(1, Number(arg('repeat', scale >= 5000 ? '1' : '2')) || 1);
// The flags make build-data runs the CLI with (the Makefile's NODE_FLAGS).
const NODE_FLAGS = (process.env.NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);

function collect(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    if (f.isDirectory()) collect(join(dir, f.name), out);
    else if (/\.txt$/.test(f.name)) out.push(join(dir, f.name));
  }
  return out.sort();
}

/** A corpus the project makes by itself: the seed and fixtures with paragraphs rotated. */
function generated(n: number): Array<[string, string]> {
  const sources = [join(ROOT, 'raw'), join(ROOT, 'test', 'fixtures', 'plain')].flatMap((d) => collect(d)).map((f) => readFileSync(f, 'utf8'));
  const out: Array<[string, string]> = [];
  for (let i = 0; i < n; i++) {
    const paras = sources[i % sources.length].split(/\n\s*\n/);
    const k = 1 + (i % Math.max(1, paras.length - 1));
    out.push([`gen-${String(i).padStart(5, '0')}.txt`, [paras[0], ...paras.slice(k), ...paras.slice(1, k), `Item ${i}.`].join('\n\n')]);
  }
  return out;
}

function prepare(raw: string): { files: number; bytes: number; words: number; texts: string[] } {
  rmSync(raw, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  let docs: Array<[string, string]> = collect(corpusDir).map((f) => [f.slice(corpusDir.length + 1).replace(/\//g, '_'), readFileSync(f, 'utf8')]);
  if (docs.length === 0) docs = generated(1000);
  if (scale > docs.length) {
    const base = docs;
    docs = Array.from({ length: scale }, (_, i) => [`x${String(i).padStart(6, '0')}_${base[i % base.length][0]}`, `${base[i % base.length][1]}\n\nCopy ${i}.`]);
  }
  for (const [name, text] of docs) writeFileSync(join(raw, name), text);
  const texts = docs.map((d) => d[1]);
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const words = texts.reduce((a, t) => a + (t.match(/\S+/g)?.length ?? 0), 0);
  return { files: docs.length, bytes, words, texts };
}

interface Summary { seconds: number; buildSeconds?: number; articles: number; rejects: number; peakRssMb: number; cpuSeconds: number; stageMs: Record<string, number>; megabytes: number }

// One build in a process of its own. `seconds` is the whole command's wall time (start-up
// included); the build's own figure is `buildSeconds`.
function run(raw: string, out: string, extra: string[]): Promise<Summary> {
  const t0 = performance.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist', 'cli.mjs'), '--raw', raw, '--out', out, '--json', ...extra], { cwd: ROOT });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const line = err.split('\n').find((l) => l.startsWith('SUMMARY '));
      if (code !== 0 || !line) return reject(new Error(`build failed (${code}): ${err.slice(-2000)}`));
      const summary = JSON.parse(line.slice(8)) as Summary;
      resolveRun({ ...summary, buildSeconds: summary.seconds, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

const fmt = (n: number, d = 2) => n.toFixed(d);
function report(label: string, s: Summary, c: { files: number; bytes: number; words: number }) {
  const mb = c.bytes / 1e6;
  console.log(`${label.padEnd(26)} ${fmt(s.seconds).padStart(7)} s  ${fmt(c.files / s.seconds, 1).padStart(8)} articles/s  ${fmt(mb / s.seconds).padStart(6)} MB/s  ${fmt(c.words / s.seconds, 0).padStart(8)} words/s  peak RSS ${fmt(s.peakRssMb, 0)} MB`);
}

const raw = join(WORK, 'raw');
const corpus = prepare(raw);
console.log(`(times are whole-command wall times, start-up included; each timed build is the fastest of ${REPEAT} run${REPEAT > 1 ? 's' : ''}, REPEAT=N sets how many)`);
console.log(`corpus: ${corpus.files} articles, ${fmt(corpus.bytes / 1e6)} MB, ${corpus.words} words (${existsSync(corpusDir) ? corpusDir.replace(ROOT + '/', '') : 'generated'})`);
console.log('');

// Baseline: the NLP package alone (wink-nlp tokenize + POS + entities) on the same texts, one core,
// in a process of its own (so its peak memory is its own).
const baseRun = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench-baseline.ts'), raw], { cwd: ROOT, encoding: 'utf8' });
if (baseRun.status !== 0) throw new Error(`baseline failed: ${baseRun.stderr}`);
const base = JSON.parse(baseRun.stdout.trim().split('\n').pop()!) as { seconds: number; peakRssMb: number };
const baseSec = base.seconds;
report('baseline wink-nlp alone', { seconds: baseSec, peakRssMb: base.peakRssMb } as Summary, corpus);

// Each timed build runs REPEAT times (1 and 2 threads taking turns) and the fastest counts: one
// run of the same build varied by up to 15% here, which moved the verdicts from run to run.
const fastest = (xs: Summary[]) => xs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const ones: Summary[] = [];
const twos: Summary[] = [];
for (let i = 0; i < REPEAT; i++) {
  ones.push(await run(raw, join(WORK, 'out1'), ['--full', '--threads', '1']));
  twos.push(await run(raw, join(WORK, 'out2'), ['--full', '--threads', '2']));
}
const one = fastest(ones);
const two = fastest(twos);
report('pipeline, 1 thread', one, corpus);
report('pipeline, 2 threads', two, corpus);
console.log('');
console.log('per stage, 1 thread (time in the stage, and the rate the stage alone would run at):');
const mb = corpus.bytes / 1e6;
for (const [k, v] of Object.entries(one.stageMs)) {
  const sec = v / 1000;
  // extract_wall and export_duckdb are sums of other lines; they get no rate of their own.
  const rates = /_wall|export_duckdb/.test(k) ? '' : `${fmt(corpus.files / sec, 0).padStart(9)} articles/s  ${fmt(mb / sec).padStart(7)} MB/s  ${fmt(corpus.words / sec, 0).padStart(9)} words/s`;
  console.log(`  ${k.padEnd(16)} ${fmt(v, 0).padStart(7)} ms  ${rates}`);
}
console.log('');
console.log(`speed-up 2 threads / 1 thread: ${fmt(one.seconds / two.seconds)}x   (target ≥ 1.7x; extraction alone ${fmt(one.stageMs.extract_wall / two.stageMs.extract_wall)}x)`);

// What bounds the speed-up: the CPU each build spends (every thread of the process). On two
// cores a build cannot finish before half its CPU time, so 2·T1/CPU2 caps the speed-up; the
// CPU the second thread adds (its own copy of the models and of the compiled code, messages
// between threads) is what keeps the cap under 2x.
const cap = (2 * one.seconds) / two.cpuSeconds;
console.log(`CPU time: 1 thread ${fmt(one.cpuSeconds)} s (${fmt(one.cpuSeconds / one.seconds)} cores busy), 2 threads ${fmt(two.cpuSeconds)} s (${fmt(two.cpuSeconds / two.seconds)} cores busy); 2 threads spend ${fmt(two.cpuSeconds / one.cpuSeconds)}x the CPU of 1, which caps the speed-up on 2 cores at ${fmt(cap)}x`);
// The extraction alone in one thread, a first (cold) pass and a second (warm) one: what a thread
// pays once, and the rate the extractors themselves run at once warm.
const warmRun = spawnSync(process.execPath, [...NODE_FLAGS, '--import', 'tsx', join(ROOT, 'scripts', 'bench-warm.ts'), raw], { cwd: ROOT, encoding: 'utf8' });
if (warmRun.status !== 0) throw new Error(`warm run failed: ${warmRun.stderr}`);
const passes = JSON.parse(warmRun.stdout.trim().split('\n').pop()!) as Record<'cold' | 'warm', { seconds: number; cpuSeconds: number }>;
console.log(
  `extraction alone, 1 thread: first pass ${fmt(passes.cold.seconds)} s (${fmt(mb / passes.cold.seconds)} MB/s, CPU ${fmt(passes.cold.cpuSeconds)} s), second pass ${fmt(passes.warm.seconds)} s (${fmt(mb / passes.warm.seconds)} MB/s, CPU ${fmt(passes.warm.cpuSeconds)} s): the first pass took ${fmt(passes.cold.cpuSeconds - passes.warm.cpuSeconds)} s more CPU: what a fresh thread pays (loading the code, setting up the models, compiling hot functions, growing its heap)`,
);
console.log(`end-to-end MB/s, 2 threads:    ${fmt(mb / two.seconds)}     (target ≥ 1)`);
console.log(`pipeline time / baseline time: ${fmt(Math.min(one.seconds, two.seconds) / baseSec)}x (faster of 1 and 2 threads; peak RSS ${fmt(Math.min(one.peakRssMb, two.peakRssMb), 0)} MB vs ${fmt(base.peakRssMb, 0)} MB)`);

// Incremental: warm the cache, then touch one article (same bytes), then edit one.
const incOut = join(WORK, 'out-inc');
await run(raw, incOut, []);
const victim = readdirSync(raw).sort()[Math.floor(corpus.files / 2)];
const touches: Summary[] = [];
const edits: Summary[] = [];
for (let i = 0; i < REPEAT; i++) {
  utimesSync(join(raw, victim), new Date(), new Date());
  touches.push(await run(raw, incOut, []));
  appendFileSync(join(raw, victim), `\n\nA late correction (${i + 1}) was added on Friday.\n`);
  edits.push(await run(raw, incOut, []));
}
const touched = fastest(touches);
const inc = fastest(edits);
report('incremental, 1 touched', touched, corpus);
report('incremental, 1 edited', inc, corpus);
const full = Math.min(one.seconds, two.seconds);
console.log(`incremental / full (faster of 1 and 2 threads): touched ${fmt((100 * touched.seconds) / full, 1)}%, edited ${fmt((100 * inc.seconds) / full, 1)}%   (target < 10%)`);

// The seed alone.
const seedRaw = join(WORK, 'seed-raw');
rmSync(seedRaw, { recursive: true, force: true });
cpSync(join(ROOT, 'raw'), seedRaw, { recursive: true });
const seed = await run(seedRaw, join(WORK, 'out-seed'), ['--full']);
console.log(`seed alone, whole command: ${fmt(seed.seconds)} s   (target < 3 s)`);

// One 20 MB article (the corpus's texts run together): it must build, in bounded time.
const hugeRaw = join(WORK, 'huge-raw');
rmSync(hugeRaw, { recursive: true, force: true });
mkdirSync(hugeRaw, { recursive: true });
const parts: string[] = ['One very long article'];
for (let size = 0, i = 0; size < 20e6; i++) {
  const t = corpus.texts[i % corpus.texts.length];
  parts.push(t);
  size += Buffer.byteLength(t) + 2;
}
writeFileSync(join(hugeRaw, 'huge.txt'), parts.join('\n\n'));
const huge = await run(hugeRaw, join(WORK, 'out-huge'), ['--full']);
console.log(`one 20 MB article:         ${fmt(huge.seconds)} s  ${fmt(huge.megabytes / huge.seconds)} MB/s  peak RSS ${fmt(huge.peakRssMb, 0)} MB`);

// Hostile texts, about 1 MB each, made from the corpus's own words: steps that grow with the
// square of a sentence's length, or rescan the text once per sentence, show up here as minutes.
const words = corpus.texts.join(' ').replace(/[^A-Za-z ]+/g, ' ').split(/ +/).filter((w) => w.length > 1);
const pick = (i: number) => words[(i * 7919) % words.length];
const hostile: Record<string, string> = {
  'no sentence end': Array.from({ length: 180_000 }, (_, i) => pick(i)).join(' '),
  'one word a line': Array.from({ length: 180_000 }, (_, i) => pick(i)).join('\n'),
  'quotes, no numbers': Array.from({ length: 25_000 }, (_, i) => `\u201c${pick(i)} ${pick(i + 1)},\u201d said ${pick(i + 2)}.`).join(' '),
};
const hostileRaw = join(WORK, 'hostile-raw');
const hostileTimes: string[] = [];
for (const [i, [label, body]] of Object.entries(hostile).entries()) {
  rmSync(hostileRaw, { recursive: true, force: true });
  mkdirSync(hostileRaw, { recursive: true });
  writeFileSync(join(hostileRaw, `hostile-${i}.txt`), `Hostile\n\n${body}`);
  const h = await run(hostileRaw, join(WORK, 'out-hostile'), ['--full']);
  hostileTimes.push(`${label} ${fmt(h.seconds)} s (${fmt(h.megabytes / h.seconds)} MB/s)`);
}
console.log(`hostile texts, about 1 MB each: ${hostileTimes.join(', ')}`);

// The issue's targets, side by side with what was measured.
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const peak = Math.max(one.peakRssMb, two.peakRssMb);
console.log('');
console.log('targets:');
console.log(`  end-to-end ≥ 1 MB/s on 2 threads:      ${fmt(mb / two.seconds)} MB/s  ${verdict(mb / two.seconds >= 1)}`);
console.log(`  2 threads ≥ 1.7x over 1:               ${fmt(one.seconds / two.seconds)}x  ${verdict(one.seconds / two.seconds >= 1.7)} (cap from CPU time: ${fmt(cap)}x)`);
console.log(`  peak memory (10,000 articles ≤ 1 GiB): ${fmt(peak, 0)} MB for ${corpus.files} articles${corpus.files >= 10000 ? `  ${verdict(peak <= 1024)}` : ' (make bench SCALE=10000 checks the target)'}`);
console.log(`  one article changed < 10% of full:     touched ${fmt((100 * touched.seconds) / full, 1)}% ${verdict(touched.seconds < 0.1 * full)}, edited ${fmt((100 * inc.seconds) / full, 1)}% ${verdict(inc.seconds < 0.1 * full)}`);
console.log(`  seed alone < 3 s:                      ${fmt(seed.seconds)} s  ${verdict(seed.seconds < 3)}`);
