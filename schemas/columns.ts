// Derives column facts (names, types, nullability, descriptions) from the Zod
// schemas, through Zod's own JSON Schema export, so nothing is listed twice.
import { z } from 'zod';
import type { TableDef } from './tables.js';

export type LogicalType = 'string' | 'integer' | 'number' | 'date' | 'list';

export interface Column {
  name: string;
  type: LogicalType;
  nullable: boolean;
  description: string;
  unit: string | null;
  enumValues: string[] | null;
}

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  description?: string;
  unit?: string;
  properties?: Record<string, JsonSchema>;
}

function logical(s: JsonSchema): LogicalType {
  if (s.type === 'array') return 'list';
  if (s.type === 'integer') return 'integer';
  if (s.type === 'number') return 'number';
  if (s.type === 'string' && s.format === 'date') return 'date';
  if (s.type === 'string') return 'string';
  throw new Error(`unsupported column schema ${JSON.stringify(s)}`);
}

const cache = new Map<string, Column[]>();

export function columnsOf(table: Pick<TableDef, 'name' | 'schema'>): Column[] {
  const hit = cache.get(table.name);
  if (hit) return hit;
  const js = z.toJSONSchema(table.schema, { unrepresentable: 'any' }) as JsonSchema;
  const cols = Object.entries(js.properties ?? {}).map(([name, p]) => {
    // Nullable columns come out as anyOf [T, null] or as type [T, "null"].
    let nonNull = p.anyOf ? p.anyOf.find((a) => a.type !== 'null')! : p;
    let nullable = !!p.anyOf?.some((a) => a.type === 'null');
    if (Array.isArray(nonNull.type)) {
      nullable ||= nonNull.type.includes('null');
      nonNull = { ...nonNull, type: nonNull.type.find((x) => x !== 'null') };
    }
    const description = p.description ?? nonNull.description ?? '';
    return {
      name,
      type: logical(nonNull),
      nullable,
      description,
      unit: (p.unit ?? nonNull.unit ?? null) as string | null,
      enumValues: nonNull.enum ?? null,
    };
  });
  cache.set(table.name, cols);
  return cols;
}

export const DUCKDB_TYPES: Record<LogicalType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  date: 'DATE',
  list: 'VARCHAR[]',
};

/** Frictionless Table Schema field types. */
export const FRICTIONLESS_TYPES: Record<LogicalType, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  date: 'date',
  list: 'string',
};
