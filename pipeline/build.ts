// The build: every input file → rows → CSV, DuckDB, Parquet, datapackage.json and
// the data dictionary, written to a temporary folder and swapped in at the end.
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, openSync, closeSync, readFileSync } from 'node:fs';
import { dirname, basename, join, resolve, sep } from 'node:path';
import { TABLES, type Reject, type TableDef, type TableName } from '../schemas/tables.js';
import { columnsOf } from '../schemas/columns.js';
import { CsvWriter } from './export/csv.js';
import { DuckDbWriter } from './export/duckdb.js';
import { dataDictionary, dataPackage } from './export/docs.js';
import { EntityMerger } from './merge.js';
import { emptyResult, listInputs, readInput, unreadResult, type RawInput } from './input.js';
import { pack, type PackedResult } from './pack.js';
import { sha256Hex } from './ids.js';
import { ResultCache } from './cache.js';
import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import vm from 'node:vm';
import { rejectRow, zodReason } from './validate.js';

export interface BuildOptions {
  raw: string;
  out: string;
  log?: (msg: string) => void;
  /** Worker threads for extraction (default: the machine's cores; 1 = in this thread). */
  threads?: number;
  /** Reuse results of unchanged files (default true). */
  incremental?: boolean;
  /** Also write Arrow IPC files (out/arrow/); off by default, Parquet serves the same readers. */
  arrow?: boolean;
  /** Files bigger than this many MB are rejected unread (default DEFAULT_MAX_ARTICLE_MB). */
  maxArticleMb?: number;
  /** Also read RAW's subfolders; source_file is then the path inside RAW (default: RAW itself only). */
  recursive?: boolean;
}

// Default worker count on big machines; THREADS=N asks for more.
const MAX_DEFAULT_THREADS = 4;
// Below this many files, starting workers costs more than it saves.
const MIN_FILES_FOR_WORKERS = 16;

export interface BuildSummary {
  inputs: number;
  articles: number;
  rejects: number;
  rows: Record<string, number>;
  seconds: number;
  megabytes: number;
  stageMs: Record<string, number>;
  /** True when OUT was already built from these inputs and was left as it was. */
  upToDate?: boolean;
  /** How news.duckdb was made: loaded whole, or the previous one patched with the changed articles. */
  database?: 'loaded' | 'patched';
  /** Reject rows per stage that refused them (read, decode, meta, dedupe, validate, invariants, extract). */
  rejectsByStage?: Record<string, number>;
}

const tables = TABLES as readonly TableDef[];

// V8 grows the heap lazily: garbage from thousands of articles would pile up to gigabytes of
// RSS before a collection. A full collection when the heap passes a budget keeps memory
// flat whatever the corpus size, without a hard cap that would kill a build on one huge article.
const HEAP_BUDGET = 384 * 2 ** 20;
let collect: (() => void) | null = null;
function boundMemory(force = false): void {
  if (!force && process.memoryUsage().heapUsed < HEAP_BUDGET) return;
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

/** A lock file next to OUT, so two builds never write the same folder. */
function takeLock(out: string): () => void {
  const lock = `${out}.lock`;
  try {
    const fd = openSync(lock, 'wx');
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid !== process.pid && alive(pid)) throw new Error(`another build (pid ${pid}) is writing ${out}; wait for it or remove ${lock}`);
    writeFileSync(lock, String(process.pid)); // stale lock of a killed build
  }
  return () => rmSync(lock, { force: true });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Leftovers of builds that were killed: their temporary and old folders. */
function removeStale(out: string): void {
  const prefix = `.${basename(out)}.`;
  for (const f of readdirSync(dirname(out))) {
    const m = f.startsWith(prefix) ? /^(?:tmp|old)-(\d+)$/.exec(f.slice(prefix.length)) : null;
    if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) rmSync(join(dirname(out), f), { recursive: true, force: true });
  }
}

/** The first few names of a list, for a message. */
const someOf = (names: string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');

// What a build writes into OUT (and `make report` beside it); a query may leave DuckDB's .wal and spill folder.
const OWN_ENTRIES = new Set(['csv', 'parquet', 'arrow', 'datapackage.json', 'README.md', 'report.html', 'news.duckdb', 'news.duckdb.wal', 'news.duckdb.tmp']);

/** Entries of an existing OUT that no build wrote: replacing OUT would delete them (OUT=~ or OUT=. by mistake). Hidden files (.DS_Store) are not counted; an OUT that is a file is an error. */
function foreignEntries(out: string): string[] {
  if (!existsSync(out)) return [];
  if (!statSync(out).isDirectory()) throw new Error(`the output folder ${out} is a file`);
  return readdirSync(out).filter((f) => !f.startsWith('.') && !OWN_ENTRIES.has(f)).sort();
}

// What OUT was built from, written last into OUT: a build with the same digest has nothing to do.
const MANIFEST = '.build-manifest.json';

function buildDigest(inputs: string[], keys: string[], opts: BuildOptions): string {
  const h = createHash('sha256').update(`arrow=${Boolean(opts.arrow)}\0`);
  inputs.forEach((name, i) => h.update(name).update('\0').update(keys[i]).update('\0'));
  return h.digest('hex');
}

interface Manifest {
  digest: string;
  arrow: boolean;
  summary: Omit<BuildSummary, 'seconds' | 'stageMs'>;
  /** Cache key of every input (duplicates aside) → the id of the article it gave, or null: what the database holds. */
  inputs: Record<string, string | null>;
  /** Articles added or removed by patches since news.duckdb was last loaded whole. */
  patched: number;
}

/** The manifest of the build that wrote OUT, when OUT is whole. */
function previousBuild(out: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
    const files = ['news.duckdb', 'datapackage.json', 'README.md', ...tables.flatMap((t) => [`csv/${t.name}.csv`, `parquet/${t.name}.parquet`, ...(m.arrow ? [`arrow/${t.name}.arrow`] : [])])];
    return files.every((f) => existsSync(join(out, f))) ? m : null;
  } catch {
    return null;
  }
}

// Patching news.duckdb beats loading it whole while few articles change. Deleted rows keep
// their space in the file, so after this share of the articles has changed, it is loaded whole.
const PATCH_SHARE = 0.2;

export async function build(opts: BuildOptions): Promise<BuildSummary> {
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const started = performance.now();
  const raw = resolve(opts.raw);
  const out = resolve(opts.out);
  if (!existsSync(raw) || !statSync(raw).isDirectory()) throw new Error(`raw folder not found: ${opts.raw}`);
  // OUT is replaced whole at the end of a build: articles inside it would be deleted with it.
  const realRaw = realpathSync(raw);
  const realOut = existsSync(out) ? realpathSync(out) : out;
  if (realRaw === realOut || realRaw.startsWith(realOut + sep)) {
    throw new Error(`the raw folder ${opts.raw} is ${realRaw === realOut ? 'the' : 'inside the'} output folder ${opts.out}, which each build replaces whole: choose another OUT`);
  }
  const foreign = foreignEntries(out);
  if (foreign.length > 0) {
    throw new Error(`the output folder ${opts.out} holds files a build did not write (${someOf(foreign)}); each build replaces it whole, so it is left alone: choose a new or empty OUT`);
  }
  let release: () => void;
  try {
    mkdirSync(dirname(out), { recursive: true });
    release = takeLock(out);
  } catch (e) {
    throw new Error(`cannot write to ${opts.out}: ${(e as Error).message}`);
  }
  removeStale(out);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  try {
    const { files, folders } = listInputs(raw, { skip: [out], recursive: opts.recursive });
    const inputs = files.map((f) => f.name);
    log(`read: ${inputs.length} input files in ${opts.raw}${opts.recursive ? ' and its subfolders' : ''}`);
    if (folders.length > 0) log(`read: subfolders are not read (RECURSIVE=1 or --recursive reads them): ${someOf(folders)}`);
    const cache = opts.incremental === false ? null : new ResultCache(join(dirname(out), `.${basename(out)}.cache`));
    // First pass (reads and hashes only): duplicates, and which files must be extracted again.
    const firstBySha = new Map<string, string>();
    const plan = files.map(({ name, problem }) => {
      const input = problem === null ? readInput(raw, name, opts.maxArticleMb) : { rejected: unreadResult(name, problem) };
      // Why it could not be read is part of what the build saw (a new size, a new limit).
      if ('rejected' in input) return { key: null, duplicateOf: null, unread: input.rejected.rejects[0]?.reason ?? '' };
      const sha = sha256Hex(input.bytes);
      const duplicateOf = input.bytes.length > 0 ? (firstBySha.get(sha) ?? null) : null;
      if (!duplicateOf) firstBySha.set(sha, name);
      return { key: cache ? cache.key(name, sha, input.metaText, input.metaProblem) : null, duplicateOf, sha, unread: null };
    });

    // Nothing changed since the build that wrote OUT (same files, same bytes, same pipeline,
    // same options) and OUT is whole: it stays as it is.
    const digest = cache ? buildDigest(inputs, plan.map((p) => p.key ?? `unreadable: ${p.unread}`), opts) : null;
    const previous = digest ? previousBuild(out) : null;
    if (previous && previous.digest === digest) {
      log(`up to date: ${inputs.length} input files unchanged since the build that wrote ${opts.out}`);
      return { ...previous.summary, seconds: (performance.now() - started) / 1000, stageMs: {}, upToDate: true };
    }
    const keys = plan.map((p) => (p.duplicateOf ? 'duplicate' : p.key));

    // A few articles changed since the previous build: patch its news.duckdb (same pipeline, so
    // same tables; the cache keys include the pipeline's version) rather than load every row again.
    const kept = new Set(keys.filter((k): k is string => k !== null && previous?.inputs?.[k] !== undefined));
    const removedArticleIds = previous?.inputs
      ? Object.entries(previous.inputs).filter(([k, id]) => id !== null && !kept.has(k)).map(([, id]) => id as string)
      : [];
    const changes = removedArticleIds.length + keys.filter((k) => k !== 'duplicate' && !kept.has(k as string)).length;
    const patch =
      previous?.inputs && !opts.arrow && !previous.arrow && previous.patched + changes <= PATCH_SHARE * Math.max(kept.size, 1)
        ? { base: join(out, 'news.duckdb'), removedArticleIds }
        : null;

    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(join(tmp, 'csv'), { recursive: true });
    mkdirSync(join(tmp, 'parquet'), { recursive: true });
    const csv = new Map<string, CsvWriter>(tables.map((t) => [t.name, new CsvWriter(join(tmp, 'csv', `${t.name}.csv`), columnsOf(t))]));
    const db = await DuckDbWriter.open(join(tmp, 'news.duckdb'), join(tmp, '.stage'), patch);
    const inputKeys: Record<string, string | null> = {};
    const merger = new EntityMerger();
    const rejects: Reject[] = [];
    const counts: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, 0]));
    const stageMs: Record<string, number> = {};
    let bytes = 0;

    // Rows the build makes itself (entities, rejects), once all articles are in.
    const emit = (name: TableName, rows: Record<string, unknown>[]) => {
      const t = tables.find((x) => x.name === name)!;
      csv.get(name)!.write(rows);
      db.append(t, rows);
      counts[name] += rows.length;
    };

    // An article's rows arrive serialized (pack.ts): the main thread appends text and merges entities.
    // Article rows were checked for unique ids by validateArticle (ids derive from the article id).
    const accept = ([r, i]: [PackedResult, number]) => {
      const t0 = performance.now();
      const key = keys[i];
      if (key && key !== 'duplicate') inputKeys[key] = r.articleId;
      const added = !kept.has(key as string);
      bytes += r.bytes;
      for (const [k, v] of Object.entries(r.timings)) stageMs[k] = (stageMs[k] ?? 0) + v;
      rejects.push(...r.rejects);
      for (const t of tables) {
        const s = r.tables[t.name];
        if (!s || s.count === 0) continue;
        csv.get(t.name)!.writeText(s.csv);
        db.appendSerialized(t, s, added);
        counts[t.name] += s.count;
      }
      if (r.tables.articles) merger.add(r.entities, new Map(r.mentionTexts));
      stageMs.write = (stageMs.write ?? 0) + performance.now() - t0;
    };

    // Default: a worker per core, at most MAX_DEFAULT_THREADS (each worker holds its own copy of the
    // models and lexicons, so memory grows with the thread count). The main thread only appends
    // serialized rows (under a tenth of a core); on 2 cores two workers beat one thread (make bench).
    const threads = Math.max(1, opts.threads ?? (Number(process.env.THREADS) || Math.min(MAX_DEFAULT_THREADS, availableParallelism())));
    const misses = keys.filter((k) => k !== 'duplicate' && (!k || !cache!.has(k))).length;
    // Workers only pay off with enough work; the stage code is loaded only where it runs.
    // Two tasks per worker: the next article already waits in the worker's port when one ends, so
    // a worker does not idle for the round trip through the main thread (about 0.6 ms a task, 7%
    // of a worker's time on the BBC articles; measured with --cpu-prof). Tasks are synchronous, so
    // a worker still runs one at a time.
    const pool =
      threads > 1 && misses >= MIN_FILES_FOR_WORKERS
        ? new Piscina({ filename: new URL('./worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: 2 })
        : null;
    let local: Promise<typeof import('./process.js')> | null = null;
    let hits = 0;
    // In a worker, the worker also writes the cache entry: serializing is work the main thread need not do.
    const extractOne = async (input: RawInput, key: string | null): Promise<PackedResult> => {
      if (pool) return (await pool.run({ ...input, cacheFile: key ? cache!.path(key) : null })) as PackedResult;
      // Loaded on first use: a build of cached articles never loads the models.
      const r = pack((await (local ??= import('./process.js'))).processBytes(input.name, input.bytes, input.metaText, input.metaProblem));
      if (key) cache!.put(key, r);
      return r;
    };
    const submit = async (name: string, i: number): Promise<[PackedResult, number]> => [await result(name, i), i];
    const result = async (name: string, i: number): Promise<PackedResult> => {
      const { duplicateOf, sha, unread } = plan[i];
      // Not read in the first pass: the same reason now, even if the file has changed since.
      if (unread !== null) return pack(unreadResult(name, unread));
      if (duplicateOf) {
        return pack({ ...emptyResult(name), sha256: sha ?? null, rejects: [rejectRow(name, 'dedupe', `same content as ${duplicateOf} (sha256 ${sha}); kept once`)] });
      }
      const key = keys[i];
      const hit = key ? cache!.get(key) : null;
      if (hit) {
        hits++;
        return { ...hit, timings: {} }; // no extraction time spent this build
      }
      const input = readInput(raw, name, opts.maxArticleMb);
      if ('rejected' in input) return pack(input.rejected);
      return extractOne(input, key);
    };
    // Results are taken in input order, so the output does not depend on thread timing.
    const window: Promise<[PackedResult, number]>[] = [];
    let done = 0;
    const tLoop = performance.now();
    try {
      for (let i = 0; i < inputs.length; i++) {
        window.push(submit(inputs[i], i));
        if (window.length >= threads * 4) {
          accept(await window.shift()!);
          if (done % 50 === 0) boundMemory();
          if (++done % 500 === 0) log(`extract: ${done}/${inputs.length} files`);
        }
      }
      while (window.length) {
        accept(await window.shift()!);
        done++;
      }
    } finally {
      await pool?.destroy();
    }
    stageMs.extract_wall = performance.now() - tLoop;
    // DuckDB's memory comes on top of this thread's heap: extraction's garbage goes first. With
    // 10,000 articles on one thread this took the build's peak from 1,031 MB to 857 MB.
    boundMemory(true);
    cache?.prune();
    log(`extract: RSS now ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    log(`extract: ${done} files (${hits} unchanged, reused), ${counts.articles} articles, ${rejects.length} rejects so far; ${pool ? threads : 1} thread(s)`);

    const entities = merger.finish();
    const entitySchema = tables.find((t) => t.name === 'entities')!.schema;
    const goodEntities = entities.filter((e) => {
      const p = entitySchema.safeParse(e);
      if (!p.success) rejects.push(rejectRow('(all articles)', 'validate', `entities: ${zodReason(p.error)}`, e));
      return p.success;
    });
    emit('entities', goodEntities);
    // The same refusal twice (same file, stage, reason, record) is one row.
    const uniqueRejects = [...new Map(rejects.map((r) => [r.reject_id, r])).values()];
    emit('rejects', uniqueRejects);
    const tExtract = performance.now();
    log(`export: csv done; building news.duckdb and parquet`);

    if (opts.arrow) mkdirSync(join(tmp, 'arrow'));
    const dbCounts = await db.finish(join(tmp, 'parquet'), opts.arrow ? join(tmp, 'arrow') : null, counts);
    log(db.mode === 'patched' ? `export: news.duckdb patched (${changes} changed files)` : 'export: news.duckdb loaded whole');
    rmSync(join(tmp, '.stage'), { recursive: true, force: true });
    stageMs.export_duckdb = performance.now() - tExtract;
    Object.assign(stageMs, db.timings);
    db.close();
    for (const w of csv.values()) w.close();
    for (const t of tables) {
      if (dbCounts[t.name] !== counts[t.name]) throw new Error(`row count mismatch in ${t.name}: csv ${counts[t.name]}, duckdb ${dbCounts[t.name]}`);
    }
    writeFileSync(join(tmp, 'datapackage.json'), JSON.stringify(dataPackage(), null, 2) + '\n');
    writeFileSync(join(tmp, 'README.md'), dataDictionary());
    const rejectsByStage: Record<string, number> = {};
    for (const r of uniqueRejects) rejectsByStage[r.stage] = (rejectsByStage[r.stage] ?? 0) + 1;
    const summary = { inputs: inputs.length, articles: counts.articles, rejects: counts.rejects, rejectsByStage, rows: counts, megabytes: bytes / 1e6, database: db.mode };
    if (digest) {
      const manifest: Manifest = { digest, arrow: Boolean(opts.arrow), summary, inputs: inputKeys, patched: db.mode === 'patched' ? previous!.patched + changes : 0 };
      writeFileSync(join(tmp, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    }

    // Swap in: the previous OUT stays whole until the new one is complete.
    const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });

    const seconds = (performance.now() - started) / 1000;
    return { ...summary, seconds, stageMs };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    release();
  }
}
