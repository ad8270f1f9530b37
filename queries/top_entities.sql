-- Who and what is mentioned most: the 25 entities with the most mentions, with how they are named.
SELECT t.name, t.type, t.mention_count AS mentions, t.article_count AS articles,
       (SELECT string_agg(DISTINCT m.text, '; ' ORDER BY m.text) FROM mentions m WHERE m.entity_id = t.entity_id) AS written_as,
       t.entity_id
FROM top_entities t
ORDER BY t.mention_count DESC, t.article_count DESC, t.entity_id
LIMIT 25;
