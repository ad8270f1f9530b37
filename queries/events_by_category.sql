-- What kinds of events are reported: PLOVER categories by modality, with a few example actions.
SELECT category,
       count(*) AS events,
       count(*) FILTER (WHERE modality = 'asserted') AS asserted,
       count(*) FILTER (WHERE modality = 'reported') AS reported,
       count(*) FILTER (WHERE modality = 'hypothetical') AS hypothetical,
       count(*) FILTER (WHERE modality = 'negated') AS negated,
       count(date_start) AS dated,
       array_to_string(list_slice(list_sort(list_distinct(list(action))), 1, 5), '; ') AS example_actions
FROM events
GROUP BY category
ORDER BY events DESC, category;
