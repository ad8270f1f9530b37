// `make report`: OUT/report.html, one static page for the corpus, read from news.duckdb (read-only).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDbPath, ReadOnlyDb } from './query.js';
import { DEFAULT_LIMITS, loadReport, type ReportLimits } from './report/load.js';
import { renderReport } from './report/render.js';

/** Renders the report of the database at dbPath; the same database always gives the same bytes. */
export async function reportHtml(dbPath: string, limits: ReportLimits = DEFAULT_LIMITS): Promise<string> {
  const db = await ReadOnlyDb.open(dbPath);
  try {
    return renderReport(await loadReport(db, limits));
  } finally {
    db.close();
  }
}

/** Writes the report next to the database (through a temporary file, so a reader never sees half a page). */
export async function writeReport(dbPath: string, outPath: string, limits?: ReportLimits): Promise<number> {
  const html = await reportHtml(dbPath, limits);
  mkdirSync(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.tmp-${process.pid}`;
  writeFileSync(tmp, html);
  renameSync(tmp, outPath);
  return Buffer.byteLength(html);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const db = arg('db') ?? defaultDbPath();
  const out = arg('out') ?? resolve(dirname(db), 'report.html');
  try {
    const bytes = await writeReport(db, out);
    process.stderr.write(`report: wrote ${out} (${(bytes / 1024).toFixed(0)} KB)\n`);
  } catch (e) {
    process.stderr.write(`report failed: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
