// `make sql`: an interactive, read-only SQL prompt on news.duckdb.
// Statements may span lines and run once a line ends the statement with `;`.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { defaultDbPath, formatTable, ReadOnlyDb, type ResultTable } from './query.js';

/** Whether `sql` ends with a `;` that is outside quotes and comments (so the statement is complete). */
export function statementComplete(sql: string): boolean {
  let last = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const close = sql.indexOf(c, i + 1);
      if (close < 0) return false; // inside an open string
      // '' and "" are escaped quotes: the scan just continues past them.
      i = close + 1;
      last = c;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return false; // inside an open comment
      i = end + 2;
    } else {
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return last === ';';
}

export const HELP = `Statements end with ; and may span several lines. The database is opened read-only.
  .tables             tables and views, with their row counts and descriptions
  .schema <name>      columns of a table or view: type, nullability, description
  .rows <n>           show at most n rows per result (now: {rows})
  .width <n>          cut cells wider than n characters (now: {width})
  .help               this help
  .quit               leave (also .exit or Ctrl-D)
Ctrl-C clears a half-typed statement. Try:  SELECT * FROM top_entities LIMIT 10;
Ready-made questions are in queries/*.sql:  .read queries/top_entities.sql`;

/** The prompt's state and commands, separate from the terminal so it can be tested. */
export class Session {
  buffer = '';
  maxRows = 100;
  maxCellWidth = 48;
  done = false;

  constructor(
    private readonly db: ReadOnlyDb,
    private readonly termWidth: () => number | undefined = () => undefined,
  ) {}

  get prompt(): string {
    return this.buffer ? '   ...> ' : 'news> ';
  }

  /** Feeds one input line; returns what to print (possibly nothing). */
  async line(input: string): Promise<string> {
    if (!this.buffer && input.trim().startsWith('.')) return this.command(input.trim());
    if (!this.buffer && !input.trim()) return '';
    this.buffer += (this.buffer ? '\n' : '') + input;
    if (!statementComplete(this.buffer)) return '';
    const sql = this.buffer;
    this.buffer = '';
    return this.runSql(sql);
  }

  async runSql(sql: string): Promise<string> {
    try {
      const results = await this.db.run(sql, this.maxRows);
      return results.map((r) => this.format(r)).join('\n\n') || 'OK';
    } catch (e) {
      return `Error: ${(e as Error).message.replace(/^Failed to extract statements: /, '')}`;
    }
  }

  private format(r: ResultTable): string {
    return formatTable(r, { maxCellWidth: this.maxCellWidth, maxTotalWidth: this.termWidth() });
  }

  async command(cmd: string): Promise<string> {
    const [name, ...rest] = cmd.split(/\s+/);
    const argText = rest.join(' ');
    switch (name) {
      case '.quit':
      case '.exit':
      case '.q':
        this.done = true;
        return '';
      case '.help':
        return HELP.replace('{rows}', String(this.maxRows)).replace('{width}', String(this.maxCellWidth));
      case '.tables':
        return this.tables();
      case '.schema':
        return argText ? this.schema(argText) : 'usage: .schema <table or view>';
      case '.rows':
      case '.width': {
        const n = Number(argText);
        if (!Number.isInteger(n) || n < (name === '.rows' ? 1 : 8)) return `usage: ${name} <whole number${name === '.width' ? ' ≥ 8' : ''}>`;
        if (name === '.rows') this.maxRows = n;
        else this.maxCellWidth = n;
        return '';
      }
      case '.read': {
        if (!argText || !existsSync(argText)) return `usage: .read <file.sql> (file not found: ${argText || 'none given'})`;
        return this.runSql(readFileSync(argText, 'utf8'));
      }
      default:
        return `unknown command ${name}; .help lists the commands`;
    }
  }

  private async tables(): Promise<string> {
    const objs = await this.db.rows(`
      SELECT table_name AS name, 'table' AS kind, estimated_size AS n, comment FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal
      UNION ALL
      SELECT view_name, 'view', NULL, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
      ORDER BY kind, name`);
    // estimated_size can lag; count the tables exactly (they are small enough).
    const rows: (string | null)[][] = [];
    for (const o of objs) {
      let n: string | null = null;
      if (o.kind === 'table') n = String((await this.db.rows(`SELECT count(*) AS n FROM "${String(o.name).replace(/"/g, '""')}"`))[0].n);
      rows.push([String(o.name), String(o.kind), n ?? '', (o.comment as string | null) ?? null]);
    }
    return this.format({ columns: ['name', 'kind', 'rows', 'description'], types: ['VARCHAR', 'VARCHAR', 'number', 'VARCHAR'], rows, truncated: false });
  }

  private async schema(name: string): Promise<string> {
    const bare = name.replace(/^"|"$/g, '').replace(/;$/, '');
    const cols = await this.db.rows(
      `SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = $1 ORDER BY column_index`,
      [bare],
    );
    if (cols.length === 0) return `no table or view named ${bare}; .tables lists them`;
    const about = await this.db.rows(
      `SELECT comment FROM duckdb_tables() WHERE table_name = $1 UNION ALL SELECT comment FROM duckdb_views() WHERE view_name = $1`,
      [bare],
    );
    // View columns carry no comments: an empty cell reads better than NULL there.
    const rows = cols.map((c) => [String(c.column_name), String(c.data_type), c.is_nullable ? 'yes' : 'no', (c.comment as string | null) ?? '']);
    const head = about[0]?.comment ? `${bare}: ${about[0].comment}\n` : '';
    return head + formatTable(
      { columns: ['column', 'type', 'null', 'description'], types: ['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR'], rows, truncated: false },
      { maxCellWidth: 100, maxTotalWidth: this.termWidth() },
    );
  }
}

export function historyFile(): string {
  return process.env.NEWS_SQL_HISTORY || join(homedir(), '.news_sql_history');
}

function loadHistory(path: string): string[] {
  try {
    // readline wants the newest entry first; the file keeps the oldest first.
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 1000);
  } catch {
    return [];
  }
}

async function main(): Promise<number> {
  const i = process.argv.indexOf('--db');
  const dbPath = i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : defaultDbPath();
  let db: ReadOnlyDb;
  try {
    db = await ReadOnlyDb.open(dbPath);
  } catch (e) {
    process.stderr.write(`sql: ${(e as Error).message}\n`);
    return 1;
  }
  const tty = Boolean(process.stdin.isTTY);
  const session = new Session(db, () => (process.stdout.isTTY ? process.stdout.columns : undefined));
  const histPath = historyFile();
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: tty,
    history: tty ? loadHistory(histPath) : [],
    historySize: 1000,
    removeHistoryDuplicates: true,
  });
  if (tty) process.stdout.write(`news.duckdb (read-only): ${dbPath}\nType .help for help, .quit to leave.\n`);
  const remember = (entry: string) => {
    if (!tty || !entry.trim()) return;
    try {
      if (!existsSync(histPath)) writeFileSync(histPath, '', { mode: 0o600 });
      appendFileSync(histPath, entry.replace(/\n/g, ' ') + '\n');
    } catch {
      // A read-only home must not stop the prompt.
    }
  };
  rl.on('SIGINT', () => {
    if (session.buffer) {
      session.buffer = '';
      process.stdout.write('\n(statement cleared)\n');
      rl.setPrompt(session.prompt);
      rl.prompt();
    } else {
      process.stdout.write('\n(.quit or Ctrl-D to leave)\n');
      rl.prompt();
    }
  });
  rl.setPrompt(session.prompt);
  if (tty) rl.prompt();
  for await (const input of rl) {
    const wasBuffer = session.buffer;
    const out = await session.line(input);
    if (!session.buffer && wasBuffer) {
      // A statement typed over several lines comes back with the up arrow as one line.
      const entry = `${wasBuffer}\n${input}`.replace(/\n/g, ' ');
      const hist = (rl as unknown as { history?: string[] }).history;
      if (hist) {
        const typed = `${wasBuffer}\n${input}`.split('\n').filter((l) => l.trim()).reverse();
        let k = 0;
        while (k < typed.length && hist[k] === typed[k]) k++;
        hist.splice(0, k, entry);
      }
      remember(entry);
    } else if (!session.buffer) remember(input);
    if (out) process.stdout.write(out + '\n');
    if (session.done) break;
    rl.setPrompt(session.prompt);
    if (tty) rl.prompt();
  }
  rl.close();
  if (session.buffer.trim()) {
    const out = await session.runSql(session.buffer); // piped input may end without a `;`
    process.stdout.write(out + '\n');
  }
  db.close();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
