import { describe, expect, it, vi } from 'vitest';
import { processBytes } from '../pipeline/process.js';
import { quoteStage } from '../pipeline/extract/quotes.js';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../pipeline/build.js';
import { SEED, query, tempDir } from './helpers.js';
import { MAX_SENTENCE_CHARS } from '../pipeline/sentences.js';
import { MAX_HTML_DEPTH, decode, htmlToText } from '../pipeline/read.js';
import iconv from 'iconv-lite';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'pipeline', 'cli.ts');
const quiet = () => {};
const para = 'The council met in Lyon on Monday and approved a budget of $2 million, officials said. ';

async function buildOne(files: Record<string, string | Buffer>) {
  const raw = tempDir('news-rob-raw-');
  for (const [name, body] of Object.entries(files)) writeFileSync(join(raw, name), body);
  const out = join(tempDir('news-rob-out-'), 'out');
  const summary = await build({ raw, out, log: quiet });
  const db = join(out, 'news.duckdb');
  return { raw, out, db, summary };
}

describe('robust inputs', () => {
  it('reads UTF-8 with BOM, CRLF and CR line ends alike', async () => {
    const body = ['Headline', '', 'First paragraph here.', '', 'Second paragraph here.'];
    const { db } = await buildOne({
      'bom.txt': '\uFEFF' + body.join('\n'),
      'crlf.txt': body.join('\r\n').replace('Headline', 'Headline two'),
      'cr.txt': body.join('\r').replace('Headline', 'Headline three'),
    });
    const rows = await query(db, 'SELECT source_file, encoding, title, text FROM articles ORDER BY source_file');
    expect(rows.map((r) => [r.source_file, r.encoding])).toEqual([['bom.txt', 'utf-8-bom'], ['cr.txt', 'utf-8'], ['crlf.txt', 'utf-8']]);
    for (const r of rows) expect(r.text).toBe('First paragraph here.\n\nSecond paragraph here.');
  });

  it('builds an article with only a title, and files with non-ASCII names', async () => {
    const { db } = await buildOne({ 'only title.txt': 'Nothing but a headline\n', 'Zürich – élection.md': 'Vote in Zürich\n\nVoters in Zürich went to the polls on Sunday.' });
    const rows = await query(db, 'SELECT source_file, title, text, word_count::INT AS word_count FROM articles ORDER BY source_file');
    expect(rows).toEqual([
      { source_file: 'Zürich – élection.md', title: 'Vote in Zürich', text: 'Voters in Zürich went to the polls on Sunday.', word_count: 9 },
      { source_file: 'only title.txt', title: 'Nothing but a headline', text: '', word_count: 0 },
    ]);
  });

  it('copes with a 100,000-character line', async () => {
    const line = para.repeat(Math.ceil(100_000 / para.length));
    const { db } = await buildOne({ 'long-line.txt': `Long\n\n${line}` });
    const [{ n }] = await query(db, 'SELECT char_count::INT AS n FROM articles');
    expect(n).toBeGreaterThan(100_000);
    const [{ s }] = await query(db, 'SELECT count(*)::INT AS s FROM sentences');
    expect(s).toBeGreaterThan(1000);
  });

  it('rejects a file over the size limit unread, naming its size and the limit; a higher limit builds it', async () => {
    const raw = tempDir('news-rob-raw-');
    writeFileSync(join(raw, 'big.txt'), `Big\n\n${para.repeat(40)}`); // 3,481 bytes
    writeFileSync(join(raw, 'small.txt'), `Small\n\n${para}`);
    const out = join(tempDir('news-rob-out-'), 'out');
    const first = await build({ raw, out, log: quiet, maxArticleMb: 0.002 });
    expect([first.articles, first.rejects]).toEqual([1, 1]);
    const rejects = await query(join(out, 'news.duckdb'), 'SELECT source_file, stage, reason FROM rejects');
    expect(rejects).toEqual([
      { source_file: 'big.txt', stage: 'read', reason: '0.00348 MB, over the 0.002 MB limit for one article (MAX_ARTICLE_MB): not read; split it into articles or raise the limit' },
    ]);
    // Same files, another limit: not "up to date", the file is read this time.
    const second = await build({ raw, out, log: quiet, maxArticleMb: 1 });
    expect(second.upToDate).toBeFalsy();
    expect([second.articles, second.rejects]).toEqual([2, 0]);
  });

  it('cuts text with no sentence end (a list, a transcript) into pieces no longer than a sentence can be', async () => {
    const words = para.replace(/[.,$]/g, '').split(' ').filter(Boolean);
    const run = Array.from({ length: 20_000 }, (_, i) => words[i % words.length]).join(' ');
    const list = Array.from({ length: 5_000 }, (_, i) => words[i % words.length]).join('\n');
    const { db } = await buildOne({ 'run.txt': `Run\n\n${run}`, 'list.txt': `List\n\n${list}` });
    const rows = await query(db, 'SELECT a.source_file, count(*)::INT AS n, max(length(s.text))::INT AS longest FROM sentences s JOIN articles a USING (article_id) GROUP BY 1 ORDER BY 1');
    expect(rows.map((r) => r.source_file)).toEqual(['list.txt', 'run.txt']);
    for (const r of rows) {
      expect(r.longest).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(r.n).toBeGreaterThan(20);
    }
  });

  it('reads a page nested deeper than any real one from its blocks, without Readability', async () => {
    const depth = MAX_HTML_DEPTH * 4; // Readability took minutes on a page like this
    const page = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}<p>The council met on Monday.</p><p>It approved the budget.</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(htmlToText(page)).toBe('Deep page\n\nThe council met on Monday.\n\nIt approved the budget.');
    const bare = `<html><body>${'<span>'.repeat(depth)}Only text, no blocks.${'</span>'.repeat(depth)}</body></html>`;
    expect(htmlToText(bare)).toBe('Only text, no blocks.');
  });

  it.each([
    ['windows-1251', '<meta charset="windows-1251">', 'Москва и Киев', 'windows-1251'],
    ['shift_jis', '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', '東京の会議', 'shift_jis'],
    ['an unknown charset', '<meta charset="x-no-such-charset">', 'Café déjà vu', 'windows-1252'],
    ['no declaration', '', 'Café déjà vu', 'windows-1252'],
  ])('decodes a page that is not UTF-8 by the charset it declares: %s', (_, meta, words, encoding) => {
    const page = `<html><head>${meta}<title>T</title></head><body><p>${words}. ${'The council met on Monday. '.repeat(20)}</p></body></html>`;
    const bytes = iconv.encode(page, encoding);
    const d = decode(bytes, true);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toContain(words);
    // A text file declares nothing: the same bytes are read as Windows-1252.
    expect(decode(bytes, false).encoding).toBe('windows-1252');
  });

  it.each([
    ['windows-1251', 'win1251', 'Москва\n\nПрезидент России Владимир Путин заявил в понедельник, что переговоры продолжатся.'],
    ['koi8-r', 'koi8-r', 'Москва\n\nПрезидент России Владимир Путин заявил в понедельник, что переговоры продолжатся.'],
    ['shift_jis', 'shift_jis', '東京\n\n東京都の会議は月曜日に予算を承認したと当局者が述べた。'],
    ['windows-1250', 'win1250', 'Łódź\n\nRada miasta Łodzi zatwierdziła w poniedziałek budżet na przyszły rok.'],
    ['windows-1252', 'win1252', 'Zürich\n\nDie Bürger in Zürich wählten am Sonntag über das Budget für Straßen.'],
    ['windows-1252', 'win1252', 'Naïve\n\nThe café owner said he was “delighted” with the result — a 5% rise.'],
  ])('decodes a text file that is not UTF-8 as %s when the bytes say so clearly (else Windows-1252)', (encoding, iconvName, text) => {
    expect(decode(iconv.encode(text, iconvName))).toEqual({ text, encoding });
  });

  it.each([
    ['%PDF-1.7\n%âãÏÓ\n1 0 obj', 'binary file (a PDF document), not text'],
    ['PK\x03\x04\x14\x00\x06\x00', 'binary file (a ZIP archive, or a .docx, .odt or .epub), not text'],
    ['\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00', 'binary file (an old Office document, .doc or .xls), not text'],
    ['\xff\xd8\xff\xe0\x00\x10JFIF', 'binary file (a JPEG image), not text'],
    ['{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} The council met.}', 'an RTF document, not plain text: save it as text or HTML'],
    ['\x00\x00\x00\x00', 'binary file (only NUL bytes), not text'],
    ['\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X', 'binary file (macOS file metadata, a "._" file), not text'],
  ])('refuses a binary file naming its format: %j', (head, reason) => {
    expect(() => decode(Buffer.from(head, 'latin1'))).toThrow(reason);
  });

  it('reads text with NUL padding or a stray NUL, and UTF-16 without a byte order mark', () => {
    const text = 'Council approves budget\n\nThe council of Lyon met on Monday and approved the budget, officials said.';
    expect(decode(Buffer.concat([Buffer.from(text), Buffer.alloc(4096)]))).toEqual({ text, encoding: 'utf-8' });
    expect(decode(Buffer.from(text.replace('Lyon', 'Ly\0on'))).text).toBe(text.replace('Lyon', 'Ly\0on'));
    expect(decode(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le' });
    expect(decode(Buffer.from(text, 'utf16le').swap16())).toEqual({ text, encoding: 'utf-16be' });
    // Random bytes stay binary.
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(() => decode(noise)).toThrow(/binary file/);
  });

  it('reads a web page saved as .txt as a page, and a text that merely holds tags as text', async () => {
    const body = Array.from({ length: 6 }, () => '<p>The council of Lyon met on Monday and approved a budget of $2 million, officials said.</p>').join('');
    const { db } = await buildOne({
      'saved page.txt': `<!DOCTYPE html>\n<html><head><title>Lyon budget</title><script>steal()</script></head><body><article>${body}</article></body></html>`,
      'notes.txt': 'Notes on markup\n\nThe <p> tag opens a paragraph in Lyon.',
    });
    const rows = await query(db, 'SELECT source_file, title, text FROM articles ORDER BY source_file');
    expect(rows[0]).toMatchObject({ source_file: 'notes.txt', text: 'The <p> tag opens a paragraph in Lyon.' });
    expect(rows[1]).toMatchObject({ source_file: 'saved page.txt', title: 'Lyon budget' });
    expect(rows[1].text).not.toMatch(/<|steal/);
    expect(rows[1].text).toMatch(/^The council of Lyon met on Monday/);
  });

  it('keeps the text of a page with no paragraphs (a table), cells apart, rather than losing the page', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<tr><td>${i + 1}</td><td>Lyon</td><td>The council met on <b>Monday</b>.</td></tr>`).join('');
    const text = htmlToText(`<html><head><title>Results</title></head><body><table>${rows}</table></body></html>`);
    expect(text.startsWith('Results\n\n1 Lyon The council met on Monday. 2 Lyon The council met on Monday.')).toBe(true);
    expect(text.match(/Lyon/g)).toHaveLength(30);
  });

  it('builds a 20 MB article, in a process of its own', () => {
    const raw = tempDir('news-rob-raw-');
    const paras = readFileSync(SEED, 'utf8').split(/\n\s*\n/).filter((p) => p.length > 200);
    const parts = ['A very long article'];
    for (let size = 0, i = 0; size < 20e6; i++) {
      parts.push(`${i}. ${paras[i % paras.length]}`);
      size += parts[parts.length - 1].length + 2;
    }
    writeFileSync(join(raw, 'huge.txt'), parts.join('\n\n'));
    const out = join(tempDir('news-rob-out-'), 'out');
    const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--raw', raw, '--out', out, '--full', '--threads', '1', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const summary = JSON.parse(r.stderr.split('\n').find((l) => l.startsWith('SUMMARY '))!.slice(8));
    expect(summary.articles).toBe(1);
    expect(summary.rejects).toBe(0);
    expect(summary.rows.sentences).toBeGreaterThan(50_000);
    expect(summary.rows.mentions).toBeGreaterThan(50_000);
    const csv = readFileSync(join(out, 'csv', 'articles.csv'), 'utf8');
    expect(csv.length).toBeGreaterThan(20e6);
  }, 300_000);

  it('names the field of a wrongly-typed or broken sidecar and still builds the article', async () => {
    const { db, raw } = await buildOne({ 'a.txt': 'Title A\n\nBody A.', 'b.txt': 'Title B\n\nBody B.' });
    writeFileSync(join(raw, 'a.meta.json'), '{"published": "07/03/2017"}');
    writeFileSync(join(raw, 'b.meta.json'), '{not json');
    const out = join(tempDir('news-rob-out-'), 'out');
    await build({ raw, out, log: quiet });
    const rej = await query(join(out, 'news.duckdb'), 'SELECT source_file, stage, reason FROM rejects ORDER BY source_file');
    expect(rej[0]).toMatchObject({ source_file: 'a.txt', stage: 'meta' });
    expect(rej[0].reason).toMatch(/^a\.meta\.json ignored: published: /);
    expect(rej[1]).toMatchObject({ source_file: 'b.txt', stage: 'meta' });
    expect(rej[1].reason).toMatch(/b\.meta\.json is not valid JSON/);
    expect((await query(join(out, 'news.duckdb'), 'SELECT count(*)::INT AS n FROM articles'))[0].n).toBe(2);
    void db;
  });

  it('rejects entries that cannot be read (broken links, a named pipe, a name that is not UTF-8) and builds the rest', async () => {
    const raw = tempDir('news-rob-raw-');
    writeFileSync(join(raw, 'good.txt'), 'Title\n\nThe mayor of Lyon spoke on Monday.');
    symlinkSync(join(raw, 'missing-target.txt'), join(raw, 'dangling.txt'));
    symlinkSync('loop.txt', join(raw, 'loop.txt'));
    symlinkSync(join(raw, 'good.txt'), join(raw, 'link.txt')); // a link to a file is read (and is a copy of it)
    mkdirSync(join(raw, 'folder.txt')); // a folder is not an input at all
    const fifo = spawnSync('mkfifo', [join(raw, 'pipe.txt')]).status === 0; // reading it would wait forever
    // Linux file names are bytes: 0xFF never occurs in UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(join(raw, 'bad')), Buffer.from([0xff]), Buffer.from('name.txt')]), 'Title\n\nText.');
    const out = join(tempDir('news-rob-out-'), 'out');
    const summary = await build({ raw, out, log: quiet });
    const rej = await query(join(out, 'news.duckdb'), 'SELECT source_file, stage, reason FROM rejects ORDER BY source_file');
    expect(rej.map((r) => r.source_file)).toEqual(['bad\\xffname.txt', 'dangling.txt', 'link.txt', 'loop.txt', ...(fifo ? ['pipe.txt'] : [])]);
    expect(rej[0].reason).toBe('the file name is not valid UTF-8 (shown with \\x escapes): not read; rename the file');
    expect(rej[1].reason).toBe('a symbolic link to nothing readable (ENOENT): not read');
    expect(rej[2]).toMatchObject({ stage: 'dedupe' });
    expect(rej[3].reason).toBe('a symbolic link to nothing readable (ELOOP): not read');
    if (fifo) expect(rej[4].reason).toBe('not a regular file (a named pipe): not read');
    expect(summary.inputs).toBe(fifo ? 6 : 5);
    expect(summary.articles).toBe(1);
  });

  it('reads RAW itself by default, and names its subfolders in the log rather than reading them silently or not', async () => {
    const raw = tempDir('news-rob-raw-');
    mkdirSync(join(raw, 'politics'));
    mkdirSync(join(raw, '.git'));
    writeFileSync(join(raw, 'top.txt'), 'Title\n\nThe mayor of Lyon spoke on Monday.');
    writeFileSync(join(raw, 'politics', 'a.txt'), 'Title\n\nThe mayor of Paris spoke on Monday.');
    const lines: string[] = [];
    const summary = await build({ raw, out: join(tempDir('news-rob-out-'), 'out'), log: (m) => lines.push(m) });
    expect(summary).toMatchObject({ inputs: 1, articles: 1 });
    expect(lines).toContain('read: subfolders are not read (RECURSIVE=1 or --recursive reads them): politics');
  });

  it('with recursive, reads the subfolders of RAW (named by their path), each folder once, but not hidden folders or OUT', async () => {
    const raw = tempDir('news-rob-raw-');
    const article = (city: string) => `Title ${city}\n\nThe mayor of ${city} spoke on Monday.`;
    mkdirSync(join(raw, 'politics', 'europe'), { recursive: true });
    mkdirSync(join(raw, '.git'));
    writeFileSync(join(raw, 'top.txt'), article('Lyon'));
    writeFileSync(join(raw, 'politics', 'a.txt'), article('Paris'));
    writeFileSync(join(raw, 'politics', 'europe', 'b.md'), article('Rome'));
    writeFileSync(join(raw, 'politics', 'europe', 'b.meta.json'), '{"title": "From the sidecar"}');
    writeFileSync(join(raw, '.git', 'c.txt'), article('Oslo'));
    // A page saved by a browser: its "_files" folder holds frames and scripts, not articles.
    writeFileSync(join(raw, 'politics', 'Saved page.html'), `<html><head><title>Saved</title></head><body><p>${article('Nice')}</p></body></html>`);
    mkdirSync(join(raw, 'politics', 'Saved page_files'));
    writeFileSync(join(raw, 'politics', 'Saved page_files', 'ad-frame.html'), '<html><body><p>Buy now in Oslo.</p></body></html>');
    mkdirSync(join(raw, 'notes_files'));
    writeFileSync(join(raw, 'notes_files', 'd.txt'), article('Bern')); // no page beside it: an ordinary folder
    symlinkSync('..', join(raw, 'politics', 'up')); // a cycle: raw is read once
    const out = join(raw, 'out');
    const summary = await build({ raw, out, log: quiet, recursive: true });
    expect(summary).toMatchObject({ inputs: 5, articles: 5, rejects: 0 });
    const rows = await query(join(out, 'news.duckdb'), 'SELECT source_file FROM articles ORDER BY source_file');
    expect(rows.map((r) => r.source_file)).toEqual(['notes_files/d.txt', 'politics/Saved page.html', 'politics/a.txt', 'politics/europe/b.md', 'top.txt']);
    expect((await query(join(out, 'news.duckdb'), "SELECT title FROM articles WHERE source_file = 'politics/europe/b.md'"))[0].title).toBe('From the sidecar');
    // OUT inside RAW (its README.md, its caches) is not read back as input.
    expect((await build({ raw, out, log: quiet, recursive: true })).inputs).toBe(5);
  });

  it('ignores a sidecar that is not a regular file or is too big, with a reason, and builds the article', async () => {
    const raw = tempDir('news-rob-raw-');
    for (const n of ['big', 'pipe', 'folder']) writeFileSync(join(raw, `${n}.txt`), `Title ${n}\n\nThe mayor of Lyon spoke on Monday about ${n}.`);
    writeFileSync(join(raw, 'big.meta.json'), `{"title": "${'x'.repeat(1_100_000)}"}`);
    const fifo = spawnSync('mkfifo', [join(raw, 'pipe.meta.json')]).status === 0;
    mkdirSync(join(raw, 'folder.meta.json'));
    const out = join(tempDir('news-rob-out-'), 'out');
    await build({ raw, out, log: quiet });
    const rej = await query(join(out, 'news.duckdb'), 'SELECT source_file, stage, reason FROM rejects ORDER BY source_file');
    expect(rej).toEqual([
      { source_file: 'big.txt', stage: 'meta', reason: 'big.meta.json ignored: 1.1 MB, over the 1 MB limit for a sidecar' },
      ...(fifo ? [{ source_file: 'pipe.txt', stage: 'meta', reason: 'pipe.meta.json ignored: not a regular file' }] : []),
    ]);
    const titles = await query(join(out, 'news.duckdb'), 'SELECT title FROM articles ORDER BY title');
    expect(titles.map((r) => r.title)).toEqual(['Title big', 'Title folder', 'Title pipe']);
  });
});

describe('faults', () => {
  it('loses only the rows of an extractor that fails on an article, with a reject naming it', () => {
    const boom = vi.spyOn(quoteStage, 'run').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      const r = processBytes('a.txt', new TextEncoder().encode(`Title\n\n"We will build it," said Mayor Anne Hidalgo in Paris on Monday. ${para}`), null);
      expect(r.rejects.map((x) => [x.stage, x.reason])).toEqual([['extract', 'quotes: extraction failed: boom']]);
      expect(r.rows!.quotes).toEqual([]);
      // The stages before and after it kept their rows.
      expect(r.rows!.mentions.map((m) => m.text)).toContain('Anne Hidalgo');
      expect(r.rows!.timexes.length).toBeGreaterThan(0);
      expect(r.rows!.events.length).toBeGreaterThan(0);
    } finally {
      boom.mockRestore();
    }
  });

  it('refuses a second build of the same OUT while one runs', async () => {
    const { raw, out } = await buildOne({ 'a.txt': 'T\n\nBody.' });
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(`${out}.lock`, String(sleeper.pid));
      await expect(build({ raw, out, log: quiet })).rejects.toThrow(/another build \(pid \d+\) is writing/);
    } finally {
      sleeper.kill();
    }
    // A lock left by a dead process is taken over.
    writeFileSync(`${out}.lock`, '999999');
    await build({ raw, out, log: quiet });
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('gives a clear error when OUT cannot be written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const raw = tempDir();
    writeFileSync(join(raw, 'a.txt'), 'T\n\nBody.');
    await expect(build({ raw, out: join(dir, 'file', 'out'), log: quiet })).rejects.toThrow(/cannot write to .*file\/out/);
  });

  it('refuses an OUT that holds RAW (a build replaces OUT whole, which would delete the articles)', async () => {
    const out = join(tempDir(), 'out');
    mkdirSync(join(out, 'articles'), { recursive: true });
    writeFileSync(join(out, 'articles', 'a.txt'), 'T\n\nBody.');
    await expect(build({ raw: join(out, 'articles'), out, log: quiet })).rejects.toThrow(/is inside the output folder .*choose another OUT/);
    await expect(build({ raw: out, out, log: quiet })).rejects.toThrow(/is the output folder/);
    expect(readFileSync(join(out, 'articles', 'a.txt'), 'utf8')).toBe('T\n\nBody.');
  });

  it('leaves alone an OUT that holds files no build wrote (OUT=~ by mistake), or that is a file', async () => {
    const raw = tempDir();
    writeFileSync(join(raw, 'a.txt'), 'T\n\nBody.');
    const home = tempDir();
    writeFileSync(join(home, 'thesis.docx'), 'precious');
    mkdirSync(join(home, 'photos'));
    writeFileSync(join(home, '.DS_Store'), '');
    await expect(build({ raw, out: home, log: quiet })).rejects.toThrow(/holds files a build did not write \(photos, thesis\.docx\).*choose a new or empty OUT/);
    expect(readFileSync(join(home, 'thesis.docx'), 'utf8')).toBe('precious');
    await expect(build({ raw, out: join(home, 'thesis.docx'), log: quiet })).rejects.toThrow(/is a file/);
    // An empty folder, or one a build wrote (a report and a stray .wal beside it), is fine.
    const out = join(home, 'out');
    mkdirSync(out);
    await build({ raw, out, log: quiet });
    writeFileSync(join(out, 'report.html'), '<html></html>');
    writeFileSync(join(out, 'news.duckdb.wal'), '');
    await expect(build({ raw, out, log: quiet, incremental: false })).resolves.toMatchObject({ articles: 1 });
  });

  it('keeps the previous OUT whole when a build is killed midway', async () => {
    const raw = tempDir('news-kill-raw-');
    for (let i = 0; i < 40; i++) writeFileSync(join(raw, `a${i}.txt`), `${readFileSync(SEED, 'utf8')}\n\nCopy ${i}.`);
    for (let i = 0; i < 40; i++) writeFileSync(join(raw, `b${i}.txt`), `Story ${i}\n\n${para.repeat(20 + i)}`);
    const out = join(tempDir('news-kill-out-'), 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'README.md'), 'previous build'); // a file builds write
    // One node process (no tsx wrapper), so that SIGKILL hits the build itself.
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--raw', raw, '--out', out, '--full', '--threads', '1'], { stdio: 'ignore', cwd: ROOT });
    const exited = new Promise((r) => child.on('exit', r));
    // Kill it while it writes: its temporary folder exists from the start of the build to the swap.
    const parent = join(out, '..');
    for (let i = 0; i < 1500 && !readdirSync(parent).some((f) => f.startsWith('.out.tmp-')); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(readdirSync(parent).some((f) => f.startsWith('.out.tmp-'))).toBe(true);
    child.kill('SIGKILL');
    await exited;
    await new Promise((r) => setTimeout(r, 200));
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('previous build');
    // The next build clears the leftovers and swaps in a complete OUT.
    await build({ raw, out, log: quiet, threads: 1 });
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toMatch(/^# /);
    expect(readdirSync(join(out, '..')).sort()).toEqual(['.out.cache', 'out']);
  });
});

describe('command line', () => {
  it('exits 3 under STRICT when something was rejected, 0 otherwise', () => {
    const raw = tempDir();
    writeFileSync(join(raw, 'ok.txt'), 'Title\n\nBody text.');
    writeFileSync(join(raw, 'empty.txt'), '');
    const out = join(tempDir(), 'out');
    const plain = spawnSync(TSX, [CLI, '--raw', raw, '--out', out], { encoding: 'utf8' });
    expect(plain.status).toBe(0);
    expect(plain.stderr).toMatch(/summary: 2 inputs → 1 articles, 1 rejects \(read 1\), in /);
    const strict = spawnSync(TSX, [CLI, '--raw', raw, '--out', out], { encoding: 'utf8', env: { ...process.env, STRICT: '1' } });
    expect(strict.status).toBe(3);
    expect(strict.stderr).toMatch(/STRICT: 1 rejects/);
    // MAX_ARTICLE_MB reaches the build: a 17-byte file is over a 10-byte limit.
    const small = spawnSync(TSX, [CLI, '--raw', raw, '--out', out], { encoding: 'utf8', env: { ...process.env, MAX_ARTICLE_MB: '0.00001' } });
    expect(small.status).toBe(0);
    expect(small.stderr).toMatch(/summary: 2 inputs → 0 articles, 2 rejects/);
    // RECURSIVE reaches the build: the subfolder's article comes in.
    mkdirSync(join(raw, 'sub'));
    writeFileSync(join(raw, 'sub', 'more.txt'), 'Title\n\nMore body text.');
    const deep = spawnSync(TSX, [CLI, '--raw', raw, '--out', out], { encoding: 'utf8', env: { ...process.env, RECURSIVE: '1' } });
    expect(deep.status).toBe(0);
    expect(deep.stderr).toMatch(/summary: 3 inputs → 2 articles, 1 rejects/);
    const missing = spawnSync(TSX, [CLI, '--raw', join(raw, 'nope'), '--out', out], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/build failed: raw folder not found/);
  });
});
