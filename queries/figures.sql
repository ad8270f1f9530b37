-- Every figure with what it counts or measures, its qualifier, and the sentence it comes from.
SELECT kind, text, value, value_max, unit, qualifier, object, as_of, sentence, article_title, figure_id
FROM figures_by_kind
ORDER BY kind, value DESC, figure_id;
