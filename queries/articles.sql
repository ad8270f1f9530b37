-- What is in the corpus: one row per article, newest first, with how much was extracted from each.
SELECT a.published, a.title, a.publisher, a.word_count,
       (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id) AS mentions,
       (SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS quotes,
       (SELECT count(*) FROM figures f WHERE f.article_id = a.article_id) AS figures,
       a.source_file, a.article_id
FROM articles a
ORDER BY a.published DESC NULLS LAST, a.title, a.article_id;
