// Arrow IPC files (one per table) for pandas/polars users, streamed out of
// news.duckdb in batches; column types come from the schemas.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import {
  DateDay, Field, Float64, Int64, List, RecordBatch, RecordBatchFileWriter, Schema, Struct, Utf8, makeData, vectorFromArray,
  type DataType,
} from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnsOf, type Column } from '../../schemas/columns.js';
import type { TableDef } from '../../schemas/tables.js';

// Rows per record batch: small enough that a batch of long texts stays a few MB.
const BATCH = 10_000;

function arrowType(c: Column): DataType {
  switch (c.type) {
    case 'string': return new Utf8();
    case 'integer': return new Int64();
    case 'number': return new Float64();
    case 'date': return new DateDay();
    case 'list': return new List(new Field('item', new Utf8(), true));
  }
}

function toArrowValue(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (c.type === 'integer') return typeof v === 'bigint' ? v : BigInt(v as string | number);
  if (c.type === 'date') return v instanceof Date ? v : new Date(`${v as string}T00:00:00Z`);
  return v;
}

export async function writeArrow(conn: DuckDBConnection, t: TableDef, path: string): Promise<void> {
  const cols = columnsOf(t);
  const schema = new Schema(cols.map((c) => new Field(c.name, arrowType(c), c.nullable)));
  const writer = new RecordBatchFileWriter();
  writer.reset(undefined, schema);
  const out = createWriteStream(path);
  const done = pipeline(writer.toNodeStream(), out);
  let rows: unknown[][] = [];
  const emit = () => {
    if (rows.length === 0) return;
    const children = cols.map((c, i) => vectorFromArray(rows.map((r) => toArrowValue(c, r[i])), arrowType(c) as never).data[0]);
    const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
    writer.write(new RecordBatch(schema, data));
    rows = [];
  };
  const result = await conn.stream(`SELECT * FROM "${t.name}" ORDER BY rowid`);
  for await (const batch of result.yieldRowsJs()) {
    for (const r of batch) rows.push(r as unknown[]);
    if (rows.length >= BATCH) {
      emit();
      // Let the file stream drain before the next batch, so batches do not pile up in memory.
      await new Promise((r) => setImmediate(r));
    }
  }
  emit();
  writer.finish();
  await done;
}
