-- Who said what: every quote with its speaker (resolved name, else as written), cue and article.
SELECT speaker, speaker_type, kind, cue, quote, article_title, published, quote_id
FROM quotes_by_speaker
ORDER BY speaker NULLS LAST, published, article_id, quote_id;
