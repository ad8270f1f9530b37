-- Which dates the articles talk about: resolved dates by month, with how often and in how many articles.
SELECT strftime(date_start, '%Y-%m') AS month,
       count(*) AS mentions,
       count(DISTINCT article_id) AS articles,
       array_to_string(list_slice(list_sort(list_distinct(list(text))), 1, 5), '; ') AS written_as
FROM timexes
WHERE date_start IS NOT NULL AND type IN ('DATE', 'TIME')
GROUP BY month
ORDER BY month;
