// datapackage.json and the data dictionary (out/README.md), both from the schemas.
import { columnsOf, DUCKDB_TYPES, FRICTIONLESS_TYPES } from '../../schemas/columns.js';
import { TABLES, type TableDef } from '../../schemas/tables.js';
import { VIEWS } from '../../schemas/views.js';
import { LIST_SEPARATOR } from './csv.js';

const tables = TABLES as readonly TableDef[];

export function dataPackage(): object {
  return {
    profile: 'tabular-data-package',
    name: 'news-articles',
    title: 'News articles as tables',
    description: 'Articles, entities, mentions, figures, dates, events and quotes extracted from news articles.',
    resources: tables.map((t) => ({
      profile: 'tabular-data-resource',
      name: t.name,
      path: `csv/${t.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      description: `${t.description} Grain: ${t.grain}.`,
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: columnsOf(t).map((c) => ({
          name: c.name,
          type: FRICTIONLESS_TYPES[c.type],
          ...(c.type === 'date' ? { format: '%Y-%m-%d' } : {}),
          description: c.description + (c.type === 'list' ? ` A list, joined with "${LIST_SEPARATOR}".` : ''),
          ...(c.unit ? { unit: c.unit } : {}),
          constraints: {
            ...(c.nullable ? {} : { required: true }),
            ...(c.name === t.primaryKey ? { unique: true } : {}),
            ...(c.enumValues ? { enum: c.enumValues } : {}),
          },
        })),
        primaryKey: t.primaryKey,
        foreignKeys: t.foreignKeys.map((f) => ({
          fields: f.column,
          reference: { resource: f.references, fields: f.referencedColumn },
        })),
        missingValues: [''],
      },
    })),
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The data dictionary, generated from the schemas. */
export function dataDictionary(): string {
  const out: string[] = [
    '# Data dictionary',
    '',
    'Generated from the Zod schemas in `schemas/` by the build; do not edit by hand.',
    '',
    'The same tables are in `csv/<table>.csv` (UTF-8 with BOM, comma-separated, CRLF, header row;',
    `lists joined with \`${LIST_SEPARATOR}\`; empty cell = null; text cells starting with = + - @ tab or CR are`,
    "prefixed with ' against formula injection, plain signed numbers excepted), `parquet/<table>.parquet`, `arrow/<table>.arrow` and `news.duckdb`",
    '(typed, with primary and foreign keys and these descriptions as comments).',
    '',
    '## Offsets',
    '',
    '`char_start`/`char_end` count Unicode code points into `articles.text`, end exclusive: in DuckDB',
    '`substr(a.text, char_start + 1, char_end - char_start)` equals the row\'s `text`.',
    'Mentions of byline authors and of the publisher are not in the text: their offsets are empty.',
    '',
    '## Tables',
    '',
  ];
  for (const t of tables) {
    out.push(`### ${t.name}`, '', `${t.description}`, '', `**Grain:** ${t.grain}. **Primary key:** \`${t.primaryKey}\`.`);
    if (t.foreignKeys.length) {
      out.push('', `**References:** ${t.foreignKeys.map((f) => `\`${f.column}\` → \`${f.references}.${f.referencedColumn}\``).join(', ')}.`);
    }
    out.push('', '| column | type | null | unit | meaning |', '|---|---|---|---|---|');
    for (const c of columnsOf(t)) {
      out.push(`| \`${c.name}\` | ${DUCKDB_TYPES[c.type]} | ${c.nullable ? 'yes' : 'no'} | ${c.unit ?? ''} | ${cell(c.description)} |`);
    }
    out.push('');
  }
  out.push('## Views (in news.duckdb)', '');
  for (const v of VIEWS) out.push(`### ${v.name}`, '', `${v.description}`, '', `**Grain:** ${v.grain}.`, '');
  return out.join('\n');
}
