// Turns one article's Doc + Annotations into published rows: code-point
// offsets, sentence links, stable ids. The runner, not the rules, does this.
import type { Annotations, Doc, EntityHit, Span } from './types.js';
import type { ParsedArticle } from './structure.js';
import type { Rows } from '../schemas/tables.js';
import { codePointMapper, slug, stableId } from './ids.js';

export type ArticleRows = Omit<Rows, 'entities' | 'rejects'>;

export interface ArticleInput {
  articleId: string;
  sourceFile: string;
  sha256: string;
  encoding: string;
  parsed: ParsedArticle;
  doc: Doc;
  ann: Annotations;
}

/** Byline authors and the publisher become entities with mentions outside the text. */
function metadataEntities(doc: Doc, parsed: ParsedArticle): { entities: EntityHit[]; mentions: Array<{ key: string; text: string; source: 'byline' | 'metadata' }> } {
  const entities: EntityHit[] = [];
  const mentions: Array<{ key: string; text: string; source: 'byline' | 'metadata' }> = [];
  for (const a of doc.authors) {
    const key = `PERSON:${slug(a)}`;
    if (!slug(a)) continue;
    entities.push({ entityKey: key, name: a, type: 'PERSON', subtype: 'author', countryCode: null, aliases: [] });
    mentions.push({ key, text: a, source: 'byline' });
  }
  const pub = doc.publisher ?? parsed.publisher;
  if (pub && slug(pub)) {
    const key = `ORGANIZATION:${slug(pub)}`;
    entities.push({ entityKey: key, name: pub, type: 'ORGANIZATION', subtype: 'news_publisher', countryCode: null, aliases: [] });
    mentions.push({ key, text: pub, source: 'metadata' });
  }
  return { entities, mentions };
}

export function articleRows(input: ArticleInput): { rows: ArticleRows; entities: EntityHit[] } {
  const { articleId: aid, doc, ann, parsed } = input;
  const text = doc.text;
  const cp = codePointMapper(text);
  const sentenceStarts = doc.sentences.map((s) => s.start);
  const sectionIds = doc.sections.map((s) => stableId('sec', aid, s.index));
  const paragraphIds = doc.paragraphs.map((p) => stableId('par', aid, p.index));
  const sentenceIds = doc.sentences.map((s) => stableId('sen', aid, s.index));

  /** Sentence holding the start of a span (binary search). */
  const sentenceOf = (sp: Span): string | null => {
    let lo = 0;
    let hi = sentenceStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentenceStarts[mid] <= sp.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || sp.start >= doc.sentences[found].end) return null;
    return sentenceIds[found];
  };
  const span = (sp: Span) => ({
    sentence_id: sentenceOf(sp),
    char_start: cp(sp.start),
    char_end: cp(sp.end),
    text: text.slice(sp.start, sp.end),
  });

  const headingParagraphs = new Set(
    doc.sections.filter((s) => s.headingSpan).map((s) => s.headingSpan!.start),
  );
  const meta = metadataEntities(doc, parsed);
  const rows: ArticleRows = {
    articles: [
      {
        article_id: aid,
        source_file: input.sourceFile,
        sha256: input.sha256,
        title: parsed.title,
        subtitle: parsed.subtitle,
        authors: doc.authors,
        published: doc.published,
        publisher: doc.publisher,
        source_url: parsed.sourceUrl,
        photo_credit: parsed.photoCredit,
        language: parsed.language,
        encoding: input.encoding,
        word_count: parsed.wordCount,
        char_count: cp(text.length),
        text,
      },
    ],
    sections: doc.sections.map((s) => ({
      section_id: sectionIds[s.index],
      article_id: aid,
      ordinal: s.index,
      heading: s.heading,
      char_start: cp(s.start),
      char_end: cp(s.end),
    })),
    paragraphs: doc.paragraphs.map((p) => ({
      paragraph_id: paragraphIds[p.index],
      article_id: aid,
      section_id: sectionIds[p.section],
      ordinal: p.index,
      kind: headingParagraphs.has(p.start) ? ('heading' as const) : ('body' as const),
      char_start: cp(p.start),
      char_end: cp(p.end),
    })),
    sentences: doc.sentences.map((s) => ({
      sentence_id: sentenceIds[s.index],
      article_id: aid,
      paragraph_id: paragraphIds[s.paragraph],
      ordinal: s.index,
      char_start: cp(s.start),
      char_end: cp(s.end),
      text: text.slice(s.start, s.end),
    })),
    mentions: [
      ...ann.mentions.map((m) => ({
        mention_id: stableId('men', aid, m.start, m.end, m.entityKey),
        article_id: aid,
        entity_id: m.entityKey,
        ...span(m),
        form: m.form,
        source: 'text' as const,
        rule: m.rule,
      })),
      ...meta.mentions.map((m) => ({
        mention_id: stableId('men', aid, m.source, m.key),
        article_id: aid,
        entity_id: m.key,
        sentence_id: null,
        char_start: null,
        char_end: null,
        text: m.text,
        form: 'name' as const,
        source: m.source,
        rule: m.source,
      })),
    ],
    person_roles: ann.roles.map((r) => ({
      role_id: stableId('rol', aid, r.start, r.end, r.personKey, r.role),
      article_id: aid,
      person_id: r.personKey,
      role: r.role,
      organization_id: r.organizationKey,
      ...span(r),
      rule: r.rule,
    })),
    figures: ann.figures.map((f) => ({
      figure_id: stableId('fig', aid, f.start, f.end, f.kind),
      article_id: aid,
      ...span(f),
      kind: f.kind,
      value: f.value,
      value_max: f.valueMax,
      unit: f.unit,
      qualifier: f.qualifier,
      object: f.object,
      as_of: f.asOf,
      rule: f.rule,
    })),
    timexes: ann.timexes.map((t) => ({
      timex_id: stableId('tmx', aid, t.start, t.end),
      article_id: aid,
      ...span(t),
      type: t.type,
      value: t.value,
      date_start: t.dateStart,
      date_end: t.dateEnd,
      precision: t.precision,
      rule: t.rule,
    })),
    events: ann.events.map((e) => ({
      event_id: stableId('evt', aid, e.start, e.end, e.trigger.start, e.category),
      article_id: aid,
      ...span(e),
      trigger: text.slice(e.trigger.start, e.trigger.end),
      action: e.action,
      category: e.category as ArticleRows['events'][number]['category'],
      actor_id: e.actorKey,
      target_id: e.targetKey,
      location_id: e.locationKey,
      date_start: e.dateStart,
      date_end: e.dateEnd,
      date_precision: e.datePrecision,
      modality: e.modality,
      rule: e.rule,
    })),
    quotes: ann.quotes.map((q) => ({
      quote_id: stableId('quo', aid, q.start, q.end),
      article_id: aid,
      ...span(q),
      kind: q.kind,
      speaker_id: q.speakerKey,
      speaker_text: q.speakerText,
      cue: q.cue,
      rule: q.rule,
    })),
  };
  return { rows, entities: [...ann.entities, ...meta.entities] };
}
