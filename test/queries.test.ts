// Every ready-made question in queries/*.sql runs on a fresh build of the seed and returns
// the columns an analyst expects; the ones the seed must answer return rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../pipeline/build.js';
import { ReadOnlyDb } from '../pipeline/query.js';
import { SEED, tempDir } from './helpers.js';

const QUERIES = join(import.meta.dirname, '..', 'queries');

/** file → expected columns, in order. A new .sql file must be listed here. */
const EXPECTED: Record<string, string[]> = {
  'articles.sql': ['published', 'title', 'publisher', 'word_count', 'sentences', 'entities', 'mentions', 'events', 'quotes', 'figures', 'dates', 'source_file', 'article_id'],
  'top_entities.sql': ['name', 'type', 'mentions', 'articles', 'written_as', 'entity_id'],
  'people_and_roles.sql': ['name', 'mentions', 'articles', 'roles', 'organizations', 'entity_id'],
  'event_timeline.sql': ['date_start', 'date_end', 'date_precision', 'category', 'actor', 'action', 'target', 'location', 'modality', 'sentence', 'article_title', 'event_id'],
  'events_by_category.sql': ['category', 'events', 'asserted', 'reported', 'hypothetical', 'negated', 'dated', 'example_actions'],
  'who_said_what.sql': ['speaker', 'speaker_type', 'kind', 'cue', 'quote', 'article_title', 'published', 'quote_id'],
  'speakers.sql': ['speaker', 'speaker_type', 'quotes', 'direct', 'partial', 'indirect', 'articles', 'roles'],
  'figures_by_kind.sql': ['kind', 'unit', 'figures', 'smallest', 'largest', 'articles', 'examples'],
  'figures.sql': ['kind', 'text', 'value', 'value_max', 'unit', 'qualifier', 'object', 'as_of', 'sentence', 'article_title', 'figure_id'],
  'co_mentions.sql': ['name_a', 'name_b', 'sentences', 'articles', 'example_sentence', 'entity_a', 'entity_b'],
  'dates_mentioned.sql': ['month', 'mentions', 'articles', 'written_as'],
  'rejects.sql': ['source_file', 'stage', 'reason'],
};

/** Row counts a query must return, as a query on the tables themselves (extractor-independent). */
const SAME_COUNT_AS: Record<string, string> = {
  'articles.sql': 'SELECT count(*) AS n FROM articles',
  'event_timeline.sql': 'SELECT count(*) AS n FROM events WHERE date_start IS NOT NULL',
  'who_said_what.sql': 'SELECT count(*) AS n FROM quotes',
  'figures.sql': 'SELECT count(*) AS n FROM figures',
  'people_and_roles.sql': "SELECT count(*) AS n FROM entities WHERE type = 'PERSON'",
  'events_by_category.sql': 'SELECT count(DISTINCT category) AS n FROM events',
  'rejects.sql': 'SELECT count(*) AS n FROM rejects',
};

/** Questions the seed article must answer with at least one row. */
const SEED_HAS_ROWS = ['articles.sql', 'top_entities.sql', 'people_and_roles.sql', 'co_mentions.sql', 'dates_mentioned.sql'];

let db: ReadOnlyDb;

beforeAll(async () => {
  const raw = tempDir('news-q-raw-');
  const out = join(tempDir('news-q-out-'), 'out');
  copyFileSync(SEED, join(raw, 'seed.txt'));
  await build({ raw, out, log: () => {} });
  db = await ReadOnlyDb.open(join(out, 'news.duckdb'));
  return () => db.close();
});

const files = readdirSync(QUERIES).filter((f) => f.endsWith('.sql')).sort();

describe('queries/*.sql', () => {
  it('are all listed with their expected columns, and each starts with a comment saying what it answers', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of files) expect(readFileSync(join(QUERIES, f), 'utf8'), f).toMatch(/^-- \S.{10,}/);
  });

  it.each(files)('%s runs and returns the expected columns', async (f) => {
    const [result] = await db.run(readFileSync(join(QUERIES, f), 'utf8'));
    expect(result.columns).toEqual(EXPECTED[f]);
    if (SAME_COUNT_AS[f]) {
      const [{ n }] = await db.rows(SAME_COUNT_AS[f]);
      expect(result.rows.length, f).toBe(Number(n));
    }
    if (SEED_HAS_ROWS.includes(f)) expect(result.rows.length, f).toBeGreaterThan(0);
  });

  it('answer with the seed article: North Korea and Russia are among the most mentioned and named together', async () => {
    const [top] = await db.run(readFileSync(join(QUERIES, 'top_entities.sql'), 'utf8'));
    const names = top.rows.slice(0, 5).map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['North Korea', 'Russia']));
    const [pairs] = await db.run(readFileSync(join(QUERIES, 'co_mentions.sql'), 'utf8'));
    const pair = pairs.rows.find((r) => new Set([r[0], r[1]]).has('North Korea') && new Set([r[0], r[1]]).has('Russia'));
    expect(pair).toBeDefined();
    expect(pair![4]).toMatch(/North Korea|Pyongyang/);
    expect(pair![4]).toMatch(/Russia|Moscow/);
  });

  it('rest on views that agree with the tables (mention_contexts, article_summary)', async () => {
    const [{ a, b }] = await db.rows(`SELECT (SELECT count(*) FROM mention_contexts)::INT AS a,
      (SELECT count(*) FROM mentions WHERE sentence_id IS NOT NULL)::INT AS b`);
    expect(a).toBe(b);
    const bad = await db.rows(`SELECT * FROM mention_contexts WHERE position(text IN sentence) = 0`);
    expect(bad).toEqual([]);
    const [sum] = await db.rows(`SELECT sum(mentions)::INT AS m, sum(quotes)::INT AS q, sum(sentences)::INT AS s FROM article_summary`);
    const [tab] = await db.rows(`SELECT (SELECT count(*) FROM mentions)::INT AS m, (SELECT count(*) FROM quotes)::INT AS q, (SELECT count(*) FROM sentences)::INT AS s`);
    expect(sum).toEqual(tab);
  });

  it('put dated events in date order', async () => {
    const [t] = await db.run(readFileSync(join(QUERIES, 'event_timeline.sql'), 'utf8'));
    const dates = t.rows.map((r) => r[0]!);
    expect(dates).toEqual([...dates].sort());
  });
});
