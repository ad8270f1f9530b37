import { describe, expect, it } from 'vitest';
import { TABLES, ArticleSchema, MentionSchema, FigureSchema, type TableDef } from '../schemas/tables.js';
import { columnsOf } from '../schemas/columns.js';
import { VIEWS } from '../schemas/views.js';
import { createTableSql, commentSql } from '../pipeline/export/duckdb.js';
import { dataPackage, dataDictionary } from '../pipeline/export/docs.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const tables = TABLES as readonly TableDef[];
const CONTRACT_COLUMNS: Record<string, string[]> = {
  articles: ['article_id', 'source_file', 'sha256', 'title', 'subtitle', 'authors', 'published', 'publisher', 'source_url', 'photo_credit', 'language', 'word_count', 'text'],
  sections: ['section_id', 'article_id', 'ordinal', 'heading', 'char_start', 'char_end'],
  paragraphs: ['paragraph_id', 'article_id', 'section_id', 'ordinal', 'char_start', 'char_end'],
  sentences: ['sentence_id', 'article_id', 'paragraph_id', 'ordinal', 'char_start', 'char_end', 'text'],
  entities: ['entity_id', 'name', 'type', 'subtype', 'country_code', 'aliases'],
  mentions: ['mention_id', 'article_id', 'entity_id', 'sentence_id', 'char_start', 'char_end', 'text', 'form'],
  person_roles: ['article_id', 'person_id', 'role', 'organization_id', 'char_start', 'char_end', 'text'],
  figures: ['figure_id', 'article_id', 'sentence_id', 'char_start', 'char_end', 'text', 'kind', 'value', 'unit', 'qualifier', 'object', 'as_of'],
  timexes: ['timex_id', 'article_id', 'sentence_id', 'char_start', 'char_end', 'text', 'type', 'value', 'date_start', 'date_end', 'precision'],
  events: ['event_id', 'article_id', 'sentence_id', 'char_start', 'char_end', 'text', 'action', 'category', 'actor_id', 'target_id', 'location_id', 'date_start', 'date_end', 'date_precision', 'modality'],
  quotes: ['quote_id', 'article_id', 'char_start', 'char_end', 'text', 'kind', 'speaker_id', 'speaker_text', 'cue'],
  rejects: ['source_file', 'stage', 'reason'],
};

describe('schemas', () => {
  it('hold every table and key column of the contract', () => {
    expect(tables.map((t) => t.name).sort()).toEqual(Object.keys(CONTRACT_COLUMNS).sort());
    for (const t of tables) {
      const names = columnsOf(t).map((c) => c.name);
      for (const c of CONTRACT_COLUMNS[t.name]) expect(names, `${t.name}.${c}`).toContain(c);
    }
  });

  it('describe every table and column (the data dictionary and COMMENTs need it)', () => {
    for (const t of tables) {
      expect(t.grain).toMatch(/^one row per /);
      for (const c of columnsOf(t)) expect(c.description.length, `${t.name}.${c.name}`).toBeGreaterThan(5);
    }
    for (const v of VIEWS) expect(v.description.length).toBeGreaterThan(5);
  });

  it('list tables after the tables they reference', () => {
    const seen = new Set<string>();
    for (const t of tables) {
      for (const f of t.foreignKeys) expect(seen.has(f.references) || f.references === t.name, `${t.name} → ${f.references}`).toBe(true);
      seen.add(t.name);
    }
  });

  it('accept good records and refuse bad ones with a readable reason', () => {
    const good = {
      article_id: 'a1', source_file: 'x.txt', sha256: 'a'.repeat(64), title: 'T', subtitle: null, authors: [],
      published: '2017-03-07', publisher: null, source_url: null, photo_credit: null, language: 'en',
      encoding: 'utf-8', word_count: 3, char_count: 10, text: 'Some text.',
    };
    expect(ArticleSchema.safeParse(good).success).toBe(true);
    const bad = ArticleSchema.safeParse({ ...good, published: '2017-13-45', word_count: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['published', 'word_count']);
    expect(MentionSchema.safeParse({ mention_id: 'm', article_id: 'a', entity_id: 'e', sentence_id: null, char_start: 0, char_end: 3, text: 'abc', form: 'nickname', source: 'text', rule: 'r' }).success).toBe(false);
    expect(FigureSchema.shape.value.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
  });

  it('derive DDL with keys and comments', () => {
    const mentions = tables.find((t) => t.name === 'mentions')!;
    const ddl = createTableSql(mentions);
    expect(ddl).toContain('"mention_id" VARCHAR NOT NULL PRIMARY KEY');
    expect(ddl).toContain('"char_start" BIGINT,');
    expect(ddl).toContain('FOREIGN KEY ("entity_id") REFERENCES "entities" ("entity_id")');
    expect(commentSql(mentions)).toHaveLength(columnsOf(mentions).length + 1);
    expect(createTableSql(tables[0])).toContain('"authors" VARCHAR[] NOT NULL');
    expect(createTableSql(tables[0])).toContain('"published" DATE,');
  });

  it('derive datapackage.json fields from the same columns', () => {
    const pkg = dataPackage() as { resources: Array<{ name: string; schema: { fields: Array<{ name: string }> } }> };
    for (const r of pkg.resources) {
      const t = tables.find((x) => x.name === r.name)!;
      expect(r.schema.fields.map((f) => f.name)).toEqual(columnsOf(t).map((c) => c.name));
    }
  });

  it('keep the committed data dictionary (out/README.md) in step with the schemas', () => {
    expect(readFileSync(join(import.meta.dirname, '..', 'out', 'README.md'), 'utf8')).toBe(dataDictionary());
  });
});
