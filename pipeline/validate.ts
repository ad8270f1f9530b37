// Validation at the boundary: every row is checked against its Zod schema and
// the contract's invariants before it is published; what fails becomes a reject.
import { z } from 'zod';
import { TABLES, type Reject, type TableDef } from '../schemas/tables.js';
import type { ArticleRows } from './rows.js';
import { stableId } from './ids.js';

type AnyRow = Record<string, unknown>;

export function rejectRow(sourceFile: string, stage: string, reason: string, record: unknown = null): Reject {
  const rec = record === null ? null : JSON.stringify(record);
  return {
    reject_id: stableId('rej', sourceFile, stage, reason, rec),
    source_file: sourceFile,
    stage,
    reason,
    record: rec,
  };
}

/** A one-line readable Zod error: "field: message; field: message". */
export function zodReason(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
}

const ARTICLE_TABLES = TABLES.filter((t) => t.name !== 'entities' && t.name !== 'rejects') as unknown as TableDef[];

/**
 * Checks one article's rows: schema, spans that slice to their text, and keys
 * that resolve inside the article (entity keys against the article's entities).
 * Returns the accepted rows and a reject per refused row.
 */
export function validateArticle(
  rows: ArticleRows,
  entityKeys: ReadonlySet<string>,
  sourceFile: string,
): { rows: ArticleRows; rejects: Reject[] } {
  const rejects: Reject[] = [];
  const text = rows.articles[0]?.text ?? '';
  const astral = /[\uD800-\uDBFF]/.test(text);
  const cps = astral ? Array.from(text) : null;
  const slice = (s: number, e: number) => (cps ? cps.slice(s, e).join('') : text.slice(s, e));
  const length = cps ? cps.length : text.length;
  const out = {} as Record<string, AnyRow[]>;
  const keys: Record<string, Set<unknown>> = { entities: entityKeys as Set<unknown> };

  for (const t of ARTICLE_TABLES) {
    const accepted: AnyRow[] = [];
    const ids = new Set<unknown>();
    for (const row of (rows as unknown as Record<string, AnyRow[]>)[t.name]) {
      const parsed = t.schema.safeParse(row);
      if (!parsed.success) {
        rejects.push(rejectRow(sourceFile, 'validate', `${t.name}: ${zodReason(parsed.error)}`, row));
        continue;
      }
      const problem = invariantProblem(t, row, keys, slice, length);
      if (problem) {
        rejects.push(rejectRow(sourceFile, 'invariants', `${t.name}: ${problem}`, row));
        continue;
      }
      // Ids derive from the article id, so uniqueness inside the article is uniqueness overall.
      if (ids.has(row[t.primaryKey])) {
        rejects.push(rejectRow(sourceFile, 'invariants', `${t.name}: duplicate ${t.primaryKey} ${String(row[t.primaryKey])}`, row));
        continue;
      }
      ids.add(row[t.primaryKey]);
      // Zod's output: exactly the schema's columns, in schema order (pack.ts relies on it).
      accepted.push(parsed.data as AnyRow);
    }
    out[t.name] = accepted;
    keys[t.name] = ids;
  }
  return { rows: out as unknown as ArticleRows, rejects };
}

function invariantProblem(
  t: TableDef,
  row: AnyRow,
  keys: Record<string, Set<unknown>>,
  slice: (s: number, e: number) => string,
  length: number,
): string | null {
  if (t.spans && row.char_start !== null && row.char_start !== undefined) {
    const s = row.char_start as number;
    const e = row.char_end as number;
    if (!(s >= 0 && e >= s && e <= length)) return `span [${s}, ${e}) outside the text (length ${length})`;
    if (typeof row.text === 'string' && slice(s, e) !== row.text) return `span [${s}, ${e}) does not slice to its text`;
  }
  for (const fk of t.foreignKeys) {
    const v = row[fk.column];
    if (v === null || v === undefined) continue;
    const target = keys[fk.references];
    if (target && !target.has(v)) return `${fk.column} "${String(v)}" does not resolve in ${fk.references}`;
  }
  return null;
}
