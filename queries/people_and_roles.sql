-- Who the people are: every person mentioned, with the roles the articles give them.
SELECT e.name, e.mention_count AS mentions, e.article_count AS articles,
       string_agg(DISTINCT r.role, '; ' ORDER BY r.role) AS roles,
       string_agg(DISTINCT org.name, '; ' ORDER BY org.name) AS organizations,
       e.entity_id
FROM entities e
LEFT JOIN person_roles r ON r.person_id = e.entity_id
LEFT JOIN entities org ON org.entity_id = r.organization_id
WHERE e.type = 'PERSON'
GROUP BY e.entity_id, e.name, e.mention_count, e.article_count
ORDER BY e.mention_count DESC, e.entity_id;
