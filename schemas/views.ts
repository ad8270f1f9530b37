// Views an analyst wants first; documented like tables (grain + description).
export interface ViewDef {
  name: string;
  grain: string;
  description: string;
  sql: string;
}

export const VIEWS: ViewDef[] = [
  {
    name: 'event_timeline',
    grain: 'one row per event',
    description: 'Events in date order (undated last) with actor, target and location names and the evidence sentence.',
    sql: `
SELECT e.date_start, e.date_end, e.date_precision, e.category, e.action, e.modality,
       actor.name AS actor, target.name AS target, loc.name AS location,
       a.title AS article_title, a.published, e.text AS evidence, s.text AS sentence,
       e.event_id, e.article_id
FROM events e
JOIN articles a USING (article_id)
LEFT JOIN sentences s ON s.sentence_id = e.sentence_id
LEFT JOIN entities actor ON actor.entity_id = e.actor_id
LEFT JOIN entities target ON target.entity_id = e.target_id
LEFT JOIN entities loc ON loc.entity_id = e.location_id
ORDER BY e.date_start NULLS LAST, a.published, e.article_id, e.char_start`,
  },
  {
    name: 'quotes_by_speaker',
    grain: 'one row per quote',
    description: 'Who said what: quotes with the resolved speaker name (else the name as written), kind and cue.',
    sql: `
SELECT coalesce(sp.name, q.speaker_text) AS speaker, sp.type AS speaker_type, q.kind, q.cue, q.text AS quote,
       a.title AS article_title, a.published, q.quote_id, q.article_id, q.speaker_id
FROM quotes q
JOIN articles a USING (article_id)
LEFT JOIN entities sp ON sp.entity_id = q.speaker_id
ORDER BY speaker NULLS LAST, a.published, q.article_id, q.char_start`,
  },
  {
    name: 'entity_mentions_by_article',
    grain: 'one row per entity and article',
    description: 'How often each entity is mentioned in each article, with the forms used.',
    sql: `
SELECT m.article_id, a.title AS article_title, m.entity_id, e.name, e.type,
       count(*) AS mentions, list_sort(list_distinct(list(m.form))) AS forms
FROM mentions m
JOIN entities e USING (entity_id)
JOIN articles a USING (article_id)
GROUP BY ALL
ORDER BY m.article_id, mentions DESC, m.entity_id`,
  },
  {
    name: 'entity_co_mentions',
    grain: 'one row per pair of entities mentioned in the same sentence',
    description: 'Pairs of entities named in the same sentence, with the number of sentences and articles.',
    sql: `
WITH pairs AS (
  SELECT DISTINCT a.sentence_id, a.article_id, a.entity_id AS entity_a, b.entity_id AS entity_b
  FROM mentions a JOIN mentions b
    ON a.sentence_id = b.sentence_id AND a.entity_id < b.entity_id
  WHERE a.sentence_id IS NOT NULL
)
SELECT p.entity_a, ea.name AS name_a, p.entity_b, eb.name AS name_b,
       count(*) AS sentences, count(DISTINCT p.article_id) AS articles
FROM pairs p
JOIN entities ea ON ea.entity_id = p.entity_a
JOIN entities eb ON eb.entity_id = p.entity_b
GROUP BY ALL
ORDER BY sentences DESC, p.entity_a, p.entity_b`,
  },
  {
    name: 'top_entities',
    grain: 'one row per entity',
    description: 'Entities by number of mentions and articles across the corpus.',
    sql: `
SELECT e.entity_id, e.name, e.type, e.subtype, e.country_code, e.mention_count, e.article_count
FROM entities e
ORDER BY e.mention_count DESC, e.entity_id`,
  },
  {
    name: 'figures_by_kind',
    grain: 'one row per figure',
    description: 'Quantitative claims with their article and sentence, ordered by kind and value.',
    sql: `
SELECT f.kind, f.value, f.value_max, f.unit, f.qualifier, f.object, f.as_of, f.text,
       s.text AS sentence, a.title AS article_title, a.published, f.figure_id, f.article_id
FROM figures f
JOIN articles a USING (article_id)
LEFT JOIN sentences s ON s.sentence_id = f.sentence_id
ORDER BY f.kind, f.value DESC, f.figure_id`,
  },
  {
    name: 'mention_contexts',
    grain: 'one row per mention in the body text',
    description: 'Every mention in the text with its entity, the sentence it stands in and its article: the evidence behind the entity counts.',
    sql: `
SELECT e.name, e.type, m.text, m.form, s.text AS sentence, a.title AS article_title, a.published,
       m.entity_id, m.mention_id, m.sentence_id, m.article_id, m.char_start, m.char_end
FROM mentions m
JOIN entities e USING (entity_id)
JOIN articles a USING (article_id)
JOIN sentences s ON s.sentence_id = m.sentence_id
ORDER BY m.entity_id, a.published NULLS LAST, m.article_id, m.char_start, m.mention_id`,
  },
  {
    name: 'article_summary',
    grain: 'one row per article',
    description: 'Each article with how much was extracted from it: sentences, distinct entities, mentions, events, quotes, figures and dates.',
    sql: `
SELECT a.published, a.title, a.publisher, a.word_count,
       (SELECT count(*) FROM sentences x WHERE x.article_id = a.article_id) AS sentences,
       (SELECT count(DISTINCT entity_id) FROM mentions x WHERE x.article_id = a.article_id) AS entities,
       (SELECT count(*) FROM mentions x WHERE x.article_id = a.article_id) AS mentions,
       (SELECT count(*) FROM events x WHERE x.article_id = a.article_id) AS events,
       (SELECT count(*) FROM quotes x WHERE x.article_id = a.article_id) AS quotes,
       (SELECT count(*) FROM figures x WHERE x.article_id = a.article_id) AS figures,
       (SELECT count(*) FROM timexes x WHERE x.article_id = a.article_id) AS dates,
       a.source_file, a.article_id
FROM articles a
ORDER BY a.published DESC NULLS LAST, a.title, a.article_id`,
  },
];
