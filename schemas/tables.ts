// The published tables. These Zod schemas are the single source of truth:
// TypeScript types, CSV headers, DuckDB DDL and comments, Parquet types,
// datapackage.json and the data dictionary are all derived from them.
import { z } from 'zod';

// ---- column helpers: every column carries its description ----
const col = {
  id: (d: string) => z.string().min(1).meta({ description: d }),
  ref: (d: string) => z.string().min(1).nullable().meta({ description: d }),
  text: (d: string) => z.string().meta({ description: d }),
  optText: (d: string) => z.string().nullable().meta({ description: d }),
  int: (d: string, unit?: string) => z.number().int().meta({ description: d, ...(unit ? { unit } : {}) }),
  optInt: (d: string, unit?: string) => z.number().int().nullable().meta({ description: d, ...(unit ? { unit } : {}) }),
  num: (d: string) => z.number().finite().meta({ description: d }),
  optNum: (d: string) => z.number().finite().nullable().meta({ description: d }),
  date: (d: string) => z.iso.date().nullable().meta({ description: d }),
  list: (d: string) => z.array(z.string()).meta({ description: d }),
};
const charStart = () =>
  col.int('Start of the span: code points into articles.text, 0-based, inclusive.', 'code points').min(0);
const charEnd = () => col.int('End of the span: code points into articles.text, exclusive.', 'code points').min(0);
const rule = () => col.text('Name of the extraction rule that produced the row (for debugging).');
const articleRef = () => col.id('Article the row belongs to (articles.article_id).');
const sentenceRef = () => col.ref('Sentence holding the span (sentences.sentence_id).');

export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'GROUP', 'MISC'] as const;
export const MENTION_FORMS = ['name', 'alias', 'acronym', 'surname', 'metonym', 'demonym', 'pronoun'] as const;
export const FIGURE_KINDS = ['money', 'count', 'percent', 'fraction', 'duration', 'measure', 'rank'] as const;
export const QUALIFIERS = ['exact', 'approx', 'more_than', 'less_than', 'up_to', 'at_least'] as const;
export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export const PRECISIONS = ['day', 'month', 'year', 'decade', 'unknown'] as const;
export const PLOVER_CATEGORIES = [
  'AGREE', 'AID', 'ASSAULT', 'ACCUSE', 'COERCE', 'CONSULT', 'COOPERATE', 'DEMAND', 'DISAPPROVE', 'MOBILIZE',
  'PROTEST', 'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN', 'CONCEDE', 'INVESTIGATE', 'OTHER',
] as const;
export const MODALITIES = ['asserted', 'reported', 'hypothetical', 'negated'] as const;
export const QUOTE_KINDS = ['direct', 'partial', 'indirect'] as const;
export const PARAGRAPH_KINDS = ['heading', 'body'] as const;
export const MENTION_SOURCES = ['text', 'byline', 'metadata'] as const;

const enumCol = <T extends readonly [string, ...string[]]>(values: T, d: string) =>
  z.enum(values).meta({ description: `${d} One of: ${values.join(', ')}.` });
const optEnumCol = <T extends readonly [string, ...string[]]>(values: T, d: string) =>
  z.enum(values).nullable().meta({ description: `${d} One of: ${values.join(', ')}; empty when unknown.` });

export const ArticleSchema = z.object({
  article_id: col.id('Stable id of the article: "art_" and the first 16 hex digits of the SHA-256 of its raw bytes (the prefix keeps spreadsheets from reading an id as a number).'),
  source_file: col.text('File name of the article inside the raw folder (its path, politics/001.txt, when subfolders are read).'),
  sha256: col.text('SHA-256 of the raw file bytes, hex.').regex(/^[0-9a-f]{64}$/),
  title: col.optText('Headline.'),
  subtitle: col.optText('Standfirst or subtitle under the headline.'),
  authors: col.list('Authors from the byline (or the metadata sidecar), in byline order.'),
  published: col.date('Publication date (from the sidecar, else the date line).'),
  publisher: col.optText('Publisher (from the sidecar, else from the host of source_url).'),
  source_url: col.optText('URL the article was collected from.'),
  photo_credit: col.optText('Photo credit line of the lead image.'),
  language: col.optText('ISO 639-1 language code of the text ("und" when not recognised).'),
  encoding: col.text('Character encoding the raw file was decoded from (utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252, or, for a file that is not UTF-8, the charset its HTML declares or its bytes clearly show: windows-1251, shift_jis, …).'),
  word_count: col.int('Number of words in the body text.', 'words').min(0),
  char_count: col.int('Length of the body text.', 'code points').min(0),
  text: col.text('Article body after light normalization (escapes such as \\$ removed, LF line ends). Every char_start/char_end points into it.'),
});
export type Article = z.infer<typeof ArticleSchema>;

export const SectionSchema = z.object({
  section_id: col.id('Stable id of the section.'),
  article_id: articleRef(),
  ordinal: col.int('Position of the section in the article, 0-based.').min(0),
  heading: col.optText('Section heading; empty for the untitled opening section.'),
  char_start: charStart(),
  char_end: charEnd(),
});
export type Section = z.infer<typeof SectionSchema>;

export const ParagraphSchema = z.object({
  paragraph_id: col.id('Stable id of the paragraph.'),
  article_id: articleRef(),
  section_id: col.id('Section holding the paragraph (sections.section_id).'),
  ordinal: col.int('Position of the paragraph in the article, 0-based.').min(0),
  kind: enumCol(PARAGRAPH_KINDS, 'A section heading line or a body paragraph.'),
  char_start: charStart(),
  char_end: charEnd(),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const SentenceSchema = z.object({
  sentence_id: col.id('Stable id of the sentence.'),
  article_id: articleRef(),
  paragraph_id: col.id('Paragraph holding the sentence (paragraphs.paragraph_id).'),
  ordinal: col.int('Position of the sentence in the article, 0-based.').min(0),
  char_start: charStart(),
  char_end: charEnd(),
  text: col.text('The sentence as it stands in articles.text.'),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const EntitySchema = z.object({
  entity_id: col.id('Stable id across all articles: COUNTRY:<ISO alpha-3> for countries, else <TYPE>:<normalized canonical name>.'),
  name: col.text('Canonical name.'),
  type: enumCol(ENTITY_TYPES, 'Entity type.'),
  subtype: col.optText('Finer type when known (city, sea, government_body, news_agency, think_tank, company, weapon, war, ...).'),
  country_code: col.optText('ISO 3166-1 alpha-3 code of the country (historic states: ISO 3166-3, e.g. SUHH); for places, their country when known.'),
  aliases: col.list('Other surface forms seen for the entity, sorted.'),
  article_count: col.int('Number of articles that mention the entity.', 'articles').min(0),
  mention_count: col.int('Number of mentions of the entity across all articles.', 'mentions').min(0),
});
export type Entity = z.infer<typeof EntitySchema>;

export const MentionSchema = z.object({
  mention_id: col.id('Stable id of the mention.'),
  article_id: articleRef(),
  entity_id: col.id('Entity mentioned (entities.entity_id).'),
  sentence_id: sentenceRef(),
  char_start: col.optInt('Start of the mention in articles.text (code points); empty for byline and metadata mentions, which are not in the text.', 'code points'),
  char_end: col.optInt('End of the mention in articles.text (code points, exclusive); empty for byline and metadata mentions.', 'code points'),
  text: col.text('Surface text of the mention, exactly as written.'),
  form: enumCol(MENTION_FORMS, 'How the entity is named here.'),
  source: enumCol(MENTION_SOURCES, 'Where the mention is: the body text, the byline, or other metadata (publisher).'),
  rule: rule(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const PersonRoleSchema = z.object({
  role_id: col.id('Stable id of the role statement.'),
  article_id: articleRef(),
  person_id: col.id('Person (entities.entity_id).'),
  role: col.text('Role or title as stated ("spokesman", "foreign affairs analyst").'),
  organization_id: col.ref('Organization the role is held in, when named (entities.entity_id).'),
  sentence_id: sentenceRef(),
  char_start: charStart(),
  char_end: charEnd(),
  text: col.text('Evidence span stating the role.'),
  rule: rule(),
});
export type PersonRole = z.infer<typeof PersonRoleSchema>;

export const FigureSchema = z.object({
  figure_id: col.id('Stable id of the figure.'),
  article_id: articleRef(),
  sentence_id: sentenceRef(),
  char_start: charStart(),
  char_end: charEnd(),
  text: col.text('The quantity as written ("$11 billion", "more than 47,000").'),
  kind: enumCol(FIGURE_KINDS, 'What sort of quantity.'),
  value: col.num('Normalized value (11000000000 for "$11 billion"; 0.5 for "half"; 12 for "12%").'),
  value_max: col.optNum('Upper bound for ranges ("between 3 and 5" → 5); empty otherwise.'),
  unit: col.optText('ISO 4217 code for money, else a plain noun (percent, year, km, tonne).'),
  qualifier: enumCol(QUALIFIERS, 'How exact the claim is.'),
  object: col.optText('What is counted or measured ("ballistic missiles", "North Koreans working in Russia").'),
  as_of: col.optText('TIMEX3 value of the date the figure holds for, when the clause says it ("2015").'),
  rule: rule(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const TimexSchema = z.object({
  timex_id: col.id('Stable id of the temporal expression.'),
  article_id: articleRef(),
  sentence_id: sentenceRef(),
  char_start: charStart(),
  char_end: charEnd(),
  text: col.text('The expression as written ("March 6", "two years ago").'),
  type: enumCol(TIMEX_TYPES, 'TIMEX3 type.'),
  value: col.text('TIMEX3 / ISO 8601 value (2017-03-06, 2015, 2017-W10, P10Y, PRESENT_REF).'),
  date_start: col.date('First day the expression covers; empty for durations, sets and unresolved relative dates.'),
  date_end: col.date('Last day the expression covers.'),
  precision: enumCol(PRECISIONS, 'Granularity of the date; unknown when it could not be resolved.'),
  rule: rule(),
});
export type Timex = z.infer<typeof TimexSchema>;

export const EventSchema = z.object({
  event_id: col.id('Stable id of the event.'),
  article_id: articleRef(),
  sentence_id: sentenceRef(),
  char_start: charStart(),
  char_end: charEnd(),
  text: col.text('Evidence span reporting the event.'),
  trigger: col.text('The verb or event noun that names the action.'),
  action: col.text('Short normalized action ("fired ballistic missiles").'),
  category: enumCol(PLOVER_CATEGORIES, 'PLOVER event category.'),
  actor_id: col.ref('Who acted (entities.entity_id).'),
  target_id: col.ref('Who or what was acted on (entities.entity_id).'),
  location_id: col.ref('Where it happened (entities.entity_id).'),
  date_start: col.date('First day of the event, from a temporal expression in the same clause or sentence; never guessed.'),
  date_end: col.date('Last day of the event.'),
  date_precision: optEnumCol(PRECISIONS, 'Granularity of the event date.'),
  modality: enumCol(MODALITIES, 'Whether the article asserts the event, reports a claim of it, poses it as possible, or denies it.'),
  rule: rule(),
});
export type Event = z.infer<typeof EventSchema>;

export const QuoteSchema = z.object({
  quote_id: col.id('Stable id of the quote.'),
  article_id: articleRef(),
  sentence_id: sentenceRef(),
  char_start: charStart(),
  char_end: charEnd(),
  text: col.text('The quoted or reported content.'),
  kind: enumCol(QUOTE_KINDS, 'direct: a whole statement in quotation marks; partial: a quoted fragment; indirect: reported speech without marks.'),
  speaker_id: col.ref('Speaker (entities.entity_id) when resolved.'),
  speaker_text: col.optText('Speaker as written: the name and any appositive description after it ("Kremlin spokesman Dmitry Peskov said" → "Dmitry Peskov"; "said Lael Brainard, a Fed governor" → "Lael Brainard, a Fed governor").'),
  cue: col.optText('The cue verb or phrase ("said", "according to").'),
  rule: rule(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const RejectSchema = z.object({
  reject_id: col.id('Stable id of the reject row.'),
  source_file: col.text('Input file the reject comes from, named as in articles.source_file (a folder that could not be listed ends in /).'),
  stage: col.text('Pipeline stage that refused it (read, decode, meta, dedupe, validate, invariants, extract).'),
  reason: col.text('Readable reason.'),
  record: col.optText('The refused record as JSON, when a single record was refused.'),
});
export type Reject = z.infer<typeof RejectSchema>;

export interface ForeignKey {
  column: string;
  references: string;
  referencedColumn: string;
}

export interface TableDef<S extends z.ZodObject = z.ZodObject> {
  name: string;
  schema: S;
  /** dbt-style grain: "one row per ...". */
  grain: string;
  description: string;
  primaryKey: string;
  foreignKeys: ForeignKey[];
  /** Whether char_start/char_end point into articles.text (checked before publishing). */
  spans: boolean;
}

const fk = (column: string, references: string, referencedColumn = column): ForeignKey => ({
  column,
  references,
  referencedColumn,
});

/** Tables in dependency order (a table comes after every table it references). */
export const TABLES = [
  {
    name: 'articles', schema: ArticleSchema, primaryKey: 'article_id', foreignKeys: [], spans: false,
    grain: 'one row per article', description: 'Articles with their metadata and normalized body text.',
  },
  {
    name: 'sections', schema: SectionSchema, primaryKey: 'section_id', spans: true,
    foreignKeys: [fk('article_id', 'articles')],
    grain: 'one row per section of an article', description: 'Sections: the opening section and one per heading.',
  },
  {
    name: 'paragraphs', schema: ParagraphSchema, primaryKey: 'paragraph_id', spans: true,
    foreignKeys: [fk('article_id', 'articles'), fk('section_id', 'sections')],
    grain: 'one row per paragraph (a heading line counts as a paragraph of kind heading)', description: 'Paragraphs of the body text.',
  },
  {
    name: 'sentences', schema: SentenceSchema, primaryKey: 'sentence_id', spans: true,
    foreignKeys: [fk('article_id', 'articles'), fk('paragraph_id', 'paragraphs')],
    grain: 'one row per sentence', description: 'Sentences; every extracted span lies inside one. Text that runs over 1,000 characters with no sentence end (a list, a table, an unpunctuated transcript) is cut at line breaks, else after a clause mark (; : ,), else at spaces, into pieces of at most that length, each a row.',
  },
  {
    name: 'entities', schema: EntitySchema, primaryKey: 'entity_id', foreignKeys: [], spans: false,
    grain: 'one row per real-world entity, across all articles', description: 'People, organizations, countries, places, groups and named things, aliases merged.',
  },
  {
    name: 'mentions', schema: MentionSchema, primaryKey: 'mention_id', spans: true,
    foreignKeys: [fk('article_id', 'articles'), fk('entity_id', 'entities'), fk('sentence_id', 'sentences')],
    grain: 'one row per mention of an entity in an article', description: 'Every place an entity is named, with its surface form.',
  },
  {
    name: 'person_roles', schema: PersonRoleSchema, primaryKey: 'role_id', spans: true,
    foreignKeys: [
      fk('article_id', 'articles'), fk('person_id', 'entities', 'entity_id'),
      fk('organization_id', 'entities', 'entity_id'), fk('sentence_id', 'sentences'),
    ],
    grain: "one row per stated role of a person in an article", description: 'Roles and titles of people as the article states them.',
  },
  {
    name: 'figures', schema: FigureSchema, primaryKey: 'figure_id', spans: true,
    foreignKeys: [fk('article_id', 'articles'), fk('sentence_id', 'sentences')],
    grain: 'one row per quantitative claim', description: 'Money, counts, percents, fractions, durations, measures and ranks, normalized.',
  },
  {
    name: 'timexes', schema: TimexSchema, primaryKey: 'timex_id', spans: true,
    foreignKeys: [fk('article_id', 'articles'), fk('sentence_id', 'sentences')],
    grain: 'one row per temporal expression', description: 'Dates, times, durations and sets, normalized against the publication date.',
  },
  {
    name: 'events', schema: EventSchema, primaryKey: 'event_id', spans: true,
    foreignKeys: [
      fk('article_id', 'articles'), fk('sentence_id', 'sentences'), fk('actor_id', 'entities', 'entity_id'),
      fk('target_id', 'entities', 'entity_id'), fk('location_id', 'entities', 'entity_id'),
    ],
    grain: 'one row per reported real-world event in an article (repeats merged)', description: 'Who did what to whom, when and where, in PLOVER categories.',
  },
  {
    name: 'quotes', schema: QuoteSchema, primaryKey: 'quote_id', spans: true,
    foreignKeys: [fk('article_id', 'articles'), fk('sentence_id', 'sentences'), fk('speaker_id', 'entities', 'entity_id')],
    grain: 'one row per attributed statement', description: 'Direct, partial and indirect quotes with their speakers.',
  },
  {
    name: 'rejects', schema: RejectSchema, primaryKey: 'reject_id', foreignKeys: [], spans: false,
    grain: 'one row per input file or record that was not accepted', description: 'What the build refused, where and why.',
  },
] as const satisfies readonly TableDef[];

export type TableName = (typeof TABLES)[number]['name'];

export interface Rows {
  articles: Article[];
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
  mentions: Mention[];
  person_roles: PersonRole[];
  figures: Figure[];
  timexes: Timex[];
  events: Event[];
  quotes: Quote[];
  rejects: Reject[];
}


/** Sidecar `<name>.meta.json`: publisher-supplied metadata that wins over what the text says. */
export const MetaSidecarSchema = z
  .object({
    published: z.iso.date().nullable().optional(),
    title: z.string().nullable().optional(),
    publisher: z.string().nullable().optional(),
    source_url: z.string().nullable().optional(),
    authors: z.array(z.string()).optional(),
    language: z.string().nullable().optional(),
  })
  .passthrough();
export type MetaSidecar = z.infer<typeof MetaSidecarSchema>;
