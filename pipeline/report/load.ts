// What the report shows, read from news.duckdb. Every list has a full, stable order
// (ties broken by ids) so the same database always gives the same page.
import type { ReadOnlyDb } from '../query.js';

export interface ReportLimits {
  events: number;
  entities: number;
  speakers: number;
  quotesPerSpeaker: number;
  figures: number;
}

export const DEFAULT_LIMITS: ReportLimits = { events: 400, entities: 30, speakers: 40, quotesPerSpeaker: 12, figures: 300 };

export interface Located {
  article_id: string;
  sentence_id: string | null;
  char_start: number | null;
  char_end: number | null;
  text: string;
}

export interface ArticleRow {
  article_id: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
  source_url: string | null;
  source_file: string;
  word_count: number;
}

export interface EventRow extends Located {
  event_id: string;
  date_start: string;
  date_end: string | null;
  date_precision: string | null;
  category: string;
  action: string;
  trigger: string;
  modality: string;
  actor: string | null;
  target: string | null;
  location: string | null;
}

export interface EntityRow {
  entity_id: string;
  name: string;
  type: string;
  subtype: string | null;
  mention_count: number;
  article_count: number;
  forms: string[];
  first: Located | null;
}

export interface QuoteRow extends Located {
  quote_id: string;
  speaker: string | null;
  speaker_type: string | null;
  kind: string;
  cue: string | null;
}

export interface FigureRow extends Located {
  figure_id: string;
  kind: string;
  value: number;
  value_max: number | null;
  unit: string | null;
  qualifier: string;
  object: string | null;
  as_of: string | null;
}

export interface SentenceRow {
  sentence_id: string;
  article_id: string;
  ordinal: number;
  char_start: number;
  char_end: number;
  text: string;
}

export interface SpanRow {
  article_id: string;
  char_start: number;
  char_end: number;
  kind: 'ent' | 'evt' | 'fig' | 'quo' | 'tmx';
  label: string;
}

export interface ReportData {
  counts: Record<string, number>;
  firstPublished: string | null;
  lastPublished: string | null;
  articles: ArticleRow[];
  events: EventRow[];
  undatedEvents: number;
  entities: EntityRow[];
  typeCounts: { type: string; n: number }[];
  quotes: QuoteRow[];
  speakerTotals: { speaker: string | null; n: number }[];
  /** Distinct speakers, counting "speaker not found" as one. */
  speakerCount: number;
  figures: FigureRow[];
  /** Sentences of the articles cited above, in article text order. */
  sentences: SentenceRow[];
  /** Spans to highlight inside those sentences. */
  spans: SpanRow[];
  limits: ReportLimits;
}

const TABLE_NAMES = ['articles', 'sentences', 'entities', 'mentions', 'person_roles', 'figures', 'timexes', 'events', 'quotes', 'rejects'];

function num(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}
function optNum(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function located(r: Record<string, unknown>): Located {
  return {
    article_id: String(r.article_id),
    sentence_id: (r.sentence_id as string | null) ?? null,
    char_start: optNum(r.char_start),
    char_end: optNum(r.char_end),
    text: String(r.text ?? ''),
  };
}

export async function loadReport(db: ReadOnlyDb, limits: ReportLimits = DEFAULT_LIMITS): Promise<ReportData> {
  const counts: Record<string, number> = {};
  for (const t of TABLE_NAMES) counts[t] = num((await db.rows(`SELECT count(*) AS n FROM "${t}"`))[0].n);
  const [range] = await db.rows('SELECT min(published)::VARCHAR AS lo, max(published)::VARCHAR AS hi FROM articles');

  const articles = (
    await db.rows(`SELECT article_id, title, published::VARCHAR AS published, publisher, source_url, source_file, word_count
                   FROM articles ORDER BY published NULLS LAST, title, article_id`)
  ).map((r) => ({ ...r, word_count: num(r.word_count) }) as ArticleRow);

  const events = (
    await db.rows(
      `SELECT e.event_id, e.article_id, e.sentence_id, e.char_start, e.char_end, e.text, e.trigger, e.action, e.category, e.modality,
              e.date_start::VARCHAR AS date_start, e.date_end::VARCHAR AS date_end, e.date_precision,
              actor.name AS actor, target.name AS target, loc.name AS location
       FROM events e
       JOIN articles a USING (article_id)
       LEFT JOIN entities actor ON actor.entity_id = e.actor_id
       LEFT JOIN entities target ON target.entity_id = e.target_id
       LEFT JOIN entities loc ON loc.entity_id = e.location_id
       WHERE e.date_start IS NOT NULL
       ORDER BY e.date_start, e.date_end, a.published NULLS LAST, e.article_id, e.char_start, e.event_id
       LIMIT $1`,
      [limits.events],
    )
  ).map((r) => ({ ...(r as unknown as EventRow), ...located(r) }));

  const entities = (
    await db.rows(
      `WITH top AS (
         SELECT entity_id, name, type, subtype, mention_count, article_count FROM entities
         ORDER BY mention_count DESC, article_count DESC, entity_id LIMIT $1),
       first AS (
         SELECT m.entity_id, m.article_id, m.sentence_id, m.char_start, m.char_end, m.text
         FROM mentions m JOIN articles a USING (article_id)
         WHERE m.entity_id IN (SELECT entity_id FROM top) AND m.char_start IS NOT NULL
         QUALIFY row_number() OVER (PARTITION BY m.entity_id ORDER BY a.published NULLS LAST, m.article_id, m.char_start, m.mention_id) = 1),
       forms AS (
         SELECT entity_id, list_sort(list_distinct(list(text))) AS forms FROM mentions
         WHERE entity_id IN (SELECT entity_id FROM top) GROUP BY entity_id)
       SELECT t.*, f.article_id, f.sentence_id, f.char_start, f.char_end, f.text, coalesce(fo.forms, []) AS forms
       FROM top t LEFT JOIN first f USING (entity_id) LEFT JOIN forms fo USING (entity_id)
       ORDER BY t.mention_count DESC, t.article_count DESC, t.entity_id`,
      [limits.entities],
    )
  ).map((r) => ({
    entity_id: String(r.entity_id),
    name: String(r.name),
    type: String(r.type),
    subtype: (r.subtype as string | null) ?? null,
    mention_count: num(r.mention_count),
    article_count: num(r.article_count),
    forms: (r.forms as string[]) ?? [],
    first: r.article_id ? located(r) : null,
  }));

  const typeCounts = (
    await db.rows('SELECT type, count(*) AS n FROM entities GROUP BY type ORDER BY n DESC, type')
  ).map((r) => ({ type: String(r.type), n: num(r.n) }));

  const speakerTotals = (
    await db.rows(
      `SELECT coalesce(sp.name, q.speaker_text) AS speaker, count(*) AS n
       FROM quotes q LEFT JOIN entities sp ON sp.entity_id = q.speaker_id
       GROUP BY 1 ORDER BY speaker IS NULL, n DESC, speaker LIMIT $1`,
      [limits.speakers],
    )
  ).map((r) => ({ speaker: (r.speaker as string | null) ?? null, n: num(r.n) }));

  const [{ n: speakerCount }] = await db.rows(
    `SELECT count(DISTINCT speaker) + coalesce(max(CASE WHEN speaker IS NULL THEN 1 ELSE 0 END), 0) AS n
     FROM (SELECT coalesce(sp.name, q.speaker_text) AS speaker FROM quotes q LEFT JOIN entities sp ON sp.entity_id = q.speaker_id)`,
  );

  const quotes = (
    await db.rows(
      `WITH q AS (
         SELECT q.*, coalesce(sp.name, q.speaker_text) AS speaker, sp.type AS speaker_type, a.published
         FROM quotes q JOIN articles a USING (article_id) LEFT JOIN entities sp ON sp.entity_id = q.speaker_id),
       top AS (
         SELECT speaker, count(*) AS n FROM q GROUP BY speaker ORDER BY speaker IS NULL, n DESC, speaker LIMIT $1)
       SELECT q.quote_id, q.article_id, q.sentence_id, q.char_start, q.char_end, q.text, q.kind, q.cue, q.speaker, q.speaker_type
       FROM q JOIN top ON top.speaker IS NOT DISTINCT FROM q.speaker
       QUALIFY row_number() OVER (PARTITION BY q.speaker ORDER BY q.published NULLS LAST, q.article_id, q.char_start, q.quote_id) <= $2
       ORDER BY q.speaker IS NULL, top.n DESC, q.speaker, q.published NULLS LAST, q.article_id, q.char_start, q.quote_id`,
      [limits.speakers, limits.quotesPerSpeaker],
    )
  ).map((r) => ({ ...(r as unknown as QuoteRow), ...located(r) }));

  const figures = (
    await db.rows(
      `SELECT f.figure_id, f.article_id, f.sentence_id, f.char_start, f.char_end, f.text, f.kind, f.value, f.value_max, f.unit,
              f.qualifier, f.object, f.as_of
       FROM figures f JOIN articles a USING (article_id)
       ORDER BY list_position(['money', 'count', 'percent', 'fraction', 'duration', 'measure', 'rank'], f.kind) NULLS LAST, f.kind,
                a.published NULLS LAST, f.article_id, f.char_start, f.figure_id
       LIMIT $1`,
      [limits.figures],
    )
  ).map((r) => ({ ...(r as unknown as FigureRow), ...located(r), value: Number(r.value), value_max: optNum(r.value_max) }));

  // Sentences and highlights only for the articles the rows above cite.
  const cited = new Set<string>();
  for (const r of [...events, ...quotes, ...figures]) cited.add(r.article_id);
  for (const e of entities) if (e.first) cited.add(e.first.article_id);
  const ids = [...cited].sort().join(',');
  const inCited = `article_id IN (SELECT unnest(string_split($1, ',')))`;
  const sentences = (
    await db.rows(`SELECT sentence_id, article_id, ordinal, char_start, char_end, text FROM sentences WHERE ${inCited} ORDER BY article_id, char_start, sentence_id`, [ids])
  ).map((r) => ({ ...(r as unknown as SentenceRow), ordinal: num(r.ordinal), char_start: num(r.char_start), char_end: num(r.char_end) }));
  const spans = (
    await db.rows(
      `SELECT article_id, char_start, char_end, kind, label FROM (
         SELECT m.article_id, m.char_start, m.char_end, 'ent' AS kind, e.name || ' (' || e.type || ')' AS label
           FROM mentions m JOIN entities e USING (entity_id) WHERE m.char_start IS NOT NULL
         UNION ALL SELECT article_id, char_start, char_end, 'evt', category || ': ' || action FROM events
         UNION ALL SELECT article_id, char_start, char_end, 'fig', kind || ' ' || CAST(value AS VARCHAR) || coalesce(' ' || unit, '') FROM figures
         UNION ALL SELECT article_id, char_start, char_end, 'quo', kind || ' quote' FROM quotes
         UNION ALL SELECT article_id, char_start, char_end, 'tmx', type || ' ' || value FROM timexes
       ) WHERE ${inCited}
       ORDER BY article_id, char_start, char_end, kind, label`,
      [ids],
    )
  ).map((r) => ({ ...(r as unknown as SpanRow), char_start: num(r.char_start), char_end: num(r.char_end) }));

  for (const r of [...events, ...quotes, ...figures]) {
    r.char_start = optNum(r.char_start);
    r.char_end = optNum(r.char_end);
  }

  return {
    counts,
    firstPublished: (range.lo as string | null) ?? null,
    lastPublished: (range.hi as string | null) ?? null,
    articles,
    events,
    undatedEvents: counts.events - num((await db.rows('SELECT count(*) AS n FROM events WHERE date_start IS NOT NULL'))[0].n),
    entities,
    typeCounts,
    quotes,
    speakerTotals,
    speakerCount: num(speakerCount),
    figures,
    sentences,
    spans,
    limits,
  };
}
