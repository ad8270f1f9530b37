-- Which entities are named together: pairs of entities in the same sentence, most frequent first,
-- with one sentence that names both.
SELECT c.name_a, c.name_b, c.sentences, c.articles,
       (SELECT s.text FROM mentions ma
          JOIN mentions mb ON mb.sentence_id = ma.sentence_id AND mb.entity_id = c.entity_b
          JOIN sentences s ON s.sentence_id = ma.sentence_id
        WHERE ma.entity_id = c.entity_a
        ORDER BY s.article_id, s.ordinal LIMIT 1) AS example_sentence,
       c.entity_a, c.entity_b
FROM entity_co_mentions c
ORDER BY c.sentences DESC, c.articles DESC, c.entity_a, c.entity_b
LIMIT 50;
