-- What is in the corpus: one row per article, newest first, with how much was extracted from each.
SELECT published, title, publisher, word_count, sentences, entities, mentions, events, quotes, figures, dates,
       source_file, article_id
FROM article_summary
ORDER BY published DESC NULLS LAST, title, article_id;
