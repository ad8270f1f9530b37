// make build-data → this. Exit codes: 0 built; 1 build failed (previous OUT kept);
// 3 built, but STRICT was set and some input or record was rejected.
import { tuneV8 } from './v8flags.js';
import { build } from './build.js';

tuneV8();

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const flag = (name: string, env: string) => process.argv.includes(`--${name}`) || ['1', 'true', 'yes'].includes((process.env[env] ?? '').toLowerCase());

const raw = arg('raw', process.env.RAW || 'raw');
const out = arg('out', process.env.OUT || 'out');
const threads = Number(arg('threads', process.env.THREADS ?? '')) || undefined;
const maxArticleMb = Number(arg('max-article-mb', process.env.MAX_ARTICLE_MB ?? '')) || undefined;
const incremental = !process.argv.includes('--full');
const arrow = flag('arrow', 'ARROW');
const strict = flag('strict', 'STRICT');
const recursive = flag('recursive', 'RECURSIVE');

try {
  const s = await build({ raw, out, threads, incremental, arrow, maxArticleMb, recursive });
  const err = (m: string) => process.stderr.write(m + '\n');
  const byStage = Object.entries(s.rejectsByStage ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
  err(`summary: ${s.inputs} inputs → ${s.articles} articles, ${s.rejects} rejects${byStage ? ` (${byStage})` : ''}, in ${s.seconds.toFixed(2)} s (${(s.megabytes / s.seconds).toFixed(2)} MB/s)`);
  err('  rows: ' + Object.entries(s.rows).map(([t, n]) => `${t}=${n}`).join(' '));
  if (!s.upToDate) err('  stage ms: ' + Object.entries(s.stageMs).map(([t, n]) => `${t}=${n.toFixed(0)}`).join(' '));
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const mem = process.memoryUsage();
  err(`  peak RSS ${rssMb.toFixed(0)} MB (now: JS heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} of ${(mem.heapTotal / 2 ** 20).toFixed(0)} MB, external ${(mem.external / 2 ** 20).toFixed(0)} MB)`);
  // CPU of the whole process (every thread), so make bench can tell work from waiting.
  const cpu = process.cpuUsage();
  if (process.argv.includes('--json')) err('SUMMARY ' + JSON.stringify({ ...s, peakRssMb: rssMb, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
  if (s.upToDate) err(`  ${out} is up to date: nothing was written`);
  else {
    err(`  wrote ${out}/csv, ${out}/parquet, ${arrow ? `${out}/arrow, ` : ''}${out}/news.duckdb, ${out}/datapackage.json, ${out}/README.md`);
    if (s.database === 'patched') err('  news.duckdb: the previous one, patched with the changed articles');
  }
  if (strict && s.rejects > 0) {
    err(`STRICT: ${s.rejects} rejects (see ${out}/csv/rejects.csv); failing`);
    process.exitCode = 3;
  }
} catch (e) {
  process.stderr.write(`build failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
