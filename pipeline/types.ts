// Internal types shared by the stages. Extractors work in UTF-16 string
// indices over `Doc.text` (what JavaScript gives for free); the runner converts
// every span to code points when it builds the published rows.

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'COUNTRY' | 'LOCATION' | 'GROUP' | 'MISC';
export type MentionForm = 'name' | 'alias' | 'acronym' | 'surname' | 'metonym' | 'demonym' | 'pronoun';
export type FigureKind = 'money' | 'count' | 'percent' | 'fraction' | 'duration' | 'measure' | 'rank';
export type Qualifier = 'exact' | 'approx' | 'more_than' | 'less_than' | 'up_to' | 'at_least';
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type Precision = 'day' | 'month' | 'year' | 'decade' | 'unknown';
export type Modality = 'asserted' | 'reported' | 'hypothetical' | 'negated';
export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** A half-open [start, end) range of UTF-16 indices into Doc.text. */
export interface Span {
  start: number;
  end: number;
}

export interface SentenceSpan extends Span {
  /** 0-based index of the sentence in the article. */
  index: number;
  /** 0-based index of the paragraph holding it. */
  paragraph: number;
}

export interface ParagraphSpan extends Span {
  index: number;
  /** 0-based index of the section holding it. */
  section: number;
}

export interface SectionSpan extends Span {
  index: number;
  /** Heading text, null for the untitled first section. */
  heading: string | null;
  /** Span of the heading line inside Doc.text, when there is one. */
  headingSpan: Span | null;
}

/** What the structure and sentence stages hand to the extractors. */
export interface Doc {
  articleId: string;
  text: string;
  /** Publication date YYYY-MM-DD, or null when unknown. */
  published: string | null;
  title: string | null;
  authors: string[];
  publisher: string | null;
  sections: SectionSpan[];
  paragraphs: ParagraphSpan[];
  sentences: SentenceSpan[];
}

/** One entity mention found by the entity stage. */
export interface MentionHit extends Span {
  /** Stable cross-article key, e.g. "COUNTRY:RUS" or "PERSON:vladimir-putin". */
  entityKey: string;
  form: MentionForm;
  /** Name of the rule that produced it (for debugging and tests). */
  rule: string;
}

/** One resolved entity of an article (merged across its mentions). */
export interface EntityHit {
  entityKey: string;
  name: string;
  type: EntityType;
  subtype: string | null;
  /** ISO 3166-1 alpha-3 (or ISO 3166-3 for historic states). */
  countryCode: string | null;
  aliases: string[];
}

export interface RoleHit extends Span {
  personKey: string;
  role: string;
  organizationKey: string | null;
  rule: string;
}

export interface FigureHit extends Span {
  kind: FigureKind;
  value: number;
  /** Upper bound for ranges ("between 3 and 5"), else null. */
  valueMax: number | null;
  unit: string | null;
  qualifier: Qualifier;
  object: string | null;
  /** TIMEX3 value the figure holds for ("2015"), else null. */
  asOf: string | null;
  rule: string;
}

export interface TimexHit extends Span {
  type: TimexType;
  value: string;
  dateStart: string | null;
  dateEnd: string | null;
  precision: Precision;
  rule: string;
}

export interface QuoteHit extends Span {
  kind: QuoteKind;
  speakerKey: string | null;
  speakerText: string | null;
  /** The cue verb or phrase ("said", "according to"). */
  cue: string | null;
  /** Span of the speaker's words in the text, when named. */
  speakerSpan: Span | null;
  rule: string;
}

export interface EventHit extends Span {
  action: string;
  category: string;
  actorKey: string | null;
  targetKey: string | null;
  locationKey: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  datePrecision: Precision | null;
  modality: Modality;
  /** Span of the trigger (verb or event noun). */
  trigger: Span;
  rule: string;
}

/** Everything the extract stages produce for one article. Each stage fills its own part. */
export interface Annotations {
  entities: EntityHit[];
  mentions: MentionHit[];
  roles: RoleHit[];
  timexes: TimexHit[];
  figures: FigureHit[];
  quotes: QuoteHit[];
  events: EventHit[];
}

/** An extract stage: a pure function of the document and what earlier stages found. */
export interface ExtractStage<K extends keyof Annotations = keyof Annotations> {
  name: string;
  /** Which parts of Annotations it fills. */
  fills: K[];
  run(doc: Doc, prior: Readonly<Annotations>): Pick<Annotations, K>;
}
