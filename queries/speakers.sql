-- Who speaks most: speakers by number of quotes, split by kind, with their roles when stated.
SELECT q.speaker, q.speaker_type,
       count(*) AS quotes,
       count(*) FILTER (WHERE q.kind = 'direct') AS direct,
       count(*) FILTER (WHERE q.kind = 'partial') AS partial,
       count(*) FILTER (WHERE q.kind = 'indirect') AS indirect,
       count(DISTINCT q.article_id) AS articles,
       (SELECT string_agg(DISTINCT r.role, '; ' ORDER BY r.role) FROM person_roles r WHERE r.person_id = q.speaker_id) AS roles
FROM quotes_by_speaker q
WHERE q.speaker IS NOT NULL
GROUP BY q.speaker, q.speaker_type, q.speaker_id
ORDER BY quotes DESC, q.speaker;
