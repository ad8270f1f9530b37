-- What happened when: dated events in date order, with who did what to whom, where, and the sentence that says so.
SELECT date_start, date_end, date_precision, category, actor, action, target, location, modality,
       sentence, article_title, event_id
FROM event_timeline
WHERE date_start IS NOT NULL
ORDER BY date_start, date_end, published, article_id, event_id;
