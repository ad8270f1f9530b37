-- Which numbers the articles give: figures summarized by kind and unit.
SELECT kind, unit,
       count(*) AS figures,
       min(value) AS smallest,
       max(coalesce(value_max, value)) AS largest,
       count(DISTINCT article_id) AS articles,
       array_to_string(list_slice(list_sort(list_distinct(list(text))), 1, 5), '; ') AS examples
FROM figures_by_kind
GROUP BY kind, unit
ORDER BY kind, figures DESC, unit NULLS LAST;
