// make report: a self-contained, escaped, deterministic page whose rows link to their evidence;
// rendered in headless Chromium without console errors (skipped when Chromium is absent).
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium as pw } from 'playwright-core';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { build } from '../pipeline/build.js';
import { reportHtml, writeReport } from '../pipeline/report.js';
import { esc, formatNumber, h, safeUrl } from '../pipeline/report/html.js';
import { highlight } from '../pipeline/report/highlight.js';
import { DENSE, dateTicks, dayNumber, timeline } from '../pipeline/report/svg.js';
import { SEED, query, tempDir } from './helpers.js';

const HOSTILE_TEXT = `Mayor <b>Smith</b> says "<script>alert('x')</script>" is fine

"<img src=x onerror=alert(1)> will not run," said Mayor John Smith on Monday, March 6, 2017.

The council in Springfield approved $5 million for <iframe src="https://evil.example/"></iframe> roads & bridges, Smith said.

John Smith met Maria Lopez of the Springfield Water Board in Springfield on March 7, 2017. "]]></svg><svg onload=alert(2)>" she wrote.
`;

let out: string;
let db: string;
let html: string;
let doc: Document;

/** Chromium (or Chrome) on PATH, or CHROMIUM_BIN. */
function findChromium(): string | null {
  if (process.env.CHROMIUM_BIN && existsSync(process.env.CHROMIUM_BIN)) return process.env.CHROMIUM_BIN;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}
const CHROMIUM = findChromium();

beforeAll(async () => {
  const raw = tempDir('news-report-raw-');
  out = join(tempDir('news-report-out-'), 'out');
  copyFileSync(SEED, join(raw, 'seed.txt'));
  writeFileSync(join(raw, 'hostile.txt'), HOSTILE_TEXT);
  writeFileSync(
    join(raw, 'hostile.meta.json'),
    JSON.stringify({ published: '2017-03-08', publisher: '<img src=x onerror=alert(3)>', source_url: 'javascript:alert(4)', title: '</title><script>alert(5)</script>' }),
  );
  await build({ raw, out, log: () => {} });
  db = join(out, 'news.duckdb');
  await writeReport(db, join(out, 'report.html'));
  html = readFileSync(join(out, 'report.html'), 'utf8');
  doc = parseHTML(html).document as unknown as Document;
});

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const marked = (el: Element, cls: string) => norm([...el.querySelectorAll(`mark.${cls}`)].map((m) => m.textContent).join(' '));

describe('report.html', () => {
  it('is one self-contained page: no script, no external resource, a policy that forbids both', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source, base, form').length).toBe(0);
    expect(doc.querySelectorAll('[src], [srcset], [style*="url("]').length).toBe(0);
    expect(html).not.toMatch(/@import|url\(/);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
    expect(csp).toMatch(/default-src 'none'/);
    for (const a of doc.querySelectorAll('[href]')) expect(a.getAttribute('href')).toMatch(/^(#[a-z]+\d*|https?:\/\/\S+)$/);
  });

  it('shows hostile article text as text: no element or attribute comes from it', async () => {
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name, `<${el.tagName} ${attr.name}>`).not.toMatch(/^on/i);
    }
    expect(doc.querySelectorAll('svg svg, svg foreignObject').length).toBe(0);
    for (const b of doc.querySelectorAll('b')) expect(b.closest('td')).not.toBeNull(); // only the report's own bold names
    const text = doc.body.textContent ?? '';
    expect(text).toContain('</title><script>alert(5)</script>'); // the title, as text
    expect(text).not.toContain('Mayor <b>Smith</b>'); // the headline lost to the sidecar title…

    expect(text).toContain('<img src=x onerror=alert(3)>'); // the publisher, as text
    expect(html).not.toContain('javascript:'); // a non-http source_url gets no link
    // Every cited sentence of the hostile article reads exactly as in the database.
    const [{ article_id: hostile }] = await query(db, "SELECT article_id FROM articles WHERE source_file = 'hostile.txt'");
    const sentences = new Map((await query(db, 'SELECT text FROM sentences WHERE article_id = $1', [hostile])).map((r) => [r.text, true]));
    const own = parseHTML(html).document; // edited below: a copy of its own
    const heading = [...own.querySelectorAll('#evidence h3')].find((h3) => h3.textContent!.startsWith('</title><script>'))!;
    const cited: string[] = [];
    for (let el = heading.nextElementSibling; el && el.tagName !== 'H3'; el = el.nextElementSibling) {
      for (const li of el.querySelectorAll('li')) {
        li.querySelector('.cites')?.remove();
        cited.push(li.textContent!);
      }
    }
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(sentences.has(c), c).toBe(true);
    expect(cited.join(' ')).toMatch(/<(img|iframe|svg)/);
    expect(doc.title).toBe('News corpus report');
  });

  it('links every row to a sentence that exists, and every anchor is unique', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
    expect(targets.length).toBeGreaterThan(20);
    for (const t of targets) expect(ids, t).toContain(t);
    const evidence = doc.querySelectorAll('#evidence li[id]');
    expect(evidence.length).toBeGreaterThan(0);
    for (const li of evidence) expect(li.querySelectorAll('.cites a').length).toBeGreaterThan(0);
  });

  it('lists the seed\'s most-mentioned entities, each with its first mention highlighted in its sentence', async () => {
    const rows = [...doc.querySelectorAll('#entities tbody tr')];
    const names = rows.map((r) => r.querySelectorAll('td')[1].textContent);
    expect(names.slice(0, 4)).toEqual(expect.arrayContaining(['North Korea', 'Russia']));
    const svgLabels = [...doc.querySelectorAll('#entities svg text')].map((t) => t.textContent);
    expect(svgLabels).toEqual(expect.arrayContaining(['North Korea', 'Russia']));
    for (const r of rows) {
      const forms = r.querySelectorAll('td')[5].textContent!.split('; ');
      const mark = r.querySelector('td.ctx mark.ent');
      if (mark) expect(forms, r.id).toContain(mark.textContent);
    }
    const [{ n }] = await query(db, "SELECT count(*)::INT AS n FROM entities");
    expect(rows.length).toBe(Math.min(30, n as number));
  });

  it('highlights exactly each event, quote and figure span in its sentence', async () => {
    const events = await query(db, 'SELECT text FROM events WHERE date_start IS NOT NULL ORDER BY date_start, date_end, article_id, char_start, event_id');
    const evRows = doc.querySelectorAll('#timeline tbody tr');
    expect(evRows.length).toBe(events.length);
    for (const r of evRows) expect(marked(r, 'evt')).not.toBe('');
    const evTexts = [...evRows].map((r) => marked(r, 'evt'));
    expect(evTexts.sort()).toEqual(events.map((e) => norm(String(e.text))).sort());

    const quotes = await query(db, 'SELECT text FROM quotes');
    const qRows = [...doc.querySelectorAll('#quotes blockquote')];
    expect(qRows.length).toBe(quotes.length);
    // A quote running over several sentences is marked piece by piece; the pieces spell it out.
    expect(qRows.map((q) => marked(q, 'quo')).sort()).toEqual(quotes.map((q) => norm(String(q.text))).sort());

    const figures = await query(db, 'SELECT text FROM figures');
    const fRows = [...doc.querySelectorAll('#figures tbody tr')];
    expect(fRows.length).toBe(figures.length);
    expect(fRows.map((f) => marked(f, 'fig')).sort()).toEqual(figures.map((f) => norm(String(f.text))).sort());
  });

  it('is the same, byte for byte, every time it is made from the same database', async () => {
    expect(await reportHtml(db)).toBe(html);
  });

  it('says so when there is nothing to show, instead of drawing empty charts', async () => {
    const raw = tempDir('news-report-empty-');
    const emptyOut = join(tempDir('news-report-empty-out-'), 'out');
    writeFileSync(join(raw, 'note.txt'), 'A short note\n\nNothing happens here.\n');
    await build({ raw, out: emptyOut, log: () => {} });
    const page = parseHTML(await reportHtml(join(emptyOut, 'news.duckdb'))).document;
    expect(page.querySelector('#timeline .empty')?.textContent).toMatch(/No dated events/);
    expect(page.querySelectorAll('#timeline svg').length).toBe(0);
  });
});

describe('report building blocks', () => {
  it('escapes interpolated text and keeps marked-up fragments', () => {
    expect(h`<p title="${'"x" & <y>'}">${"<b>it's</b>"}</p>`.html).toBe('<p title="&quot;x&quot; &amp; &lt;y&gt;">&lt;b&gt;it&#39;s&lt;/b&gt;</p>');
    expect(h`<ul>${['a<', 'b'].map((x) => h`<li>${x}</li>`)}</ul>`.html).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(esc('a\u0000b\ud800c')).toBe('a\ufffdb\ufffdc');
  });

  it('links only http(s) URLs', () => {
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '/relative', 'vbscript:x', '', null]) expect(safeUrl(bad)).toBeNull();
  });

  it('formats numbers the same in every locale', () => {
    expect(formatNumber(11_000_000_000)).toBe('11,000,000,000');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(-1234.25)).toBe('−1,234.25');
    expect(formatNumber(null)).toBe('');
  });

  it('highlights spans by code points, overlapping spans included', () => {
    // "😀" is one code point but two UTF-16 units: offsets are code points, as in the tables.
    const text = '😀 Kim met Putin in Moscow.';
    const out = highlight(text, 100, [
      { start: 102, end: 105, cls: 'ent', title: 'Kim (PERSON)' },
      { start: 102, end: 115, cls: 'evt' },
      { start: 119, end: 125, cls: 'ent' },
    ]).html;
    expect(out).toBe('😀 <mark class="ent evt" title="Kim (PERSON)">Kim</mark><mark class="evt"> met Putin</mark> in <mark class="ent">Moscow</mark>.');
  });

  it('never changes the text it highlights, whatever the spans (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.array(fc.record({ a: fc.integer({ min: -5, max: 70 }), b: fc.integer({ min: -5, max: 70 }), cls: fc.constantFrom('ent', 'evt', 'fig') }), { maxLength: 6 }),
        (text, spans) => {
          const out = highlight(text, 0, spans.map((s) => ({ start: Math.min(s.a, s.b), end: Math.max(s.a, s.b), cls: s.cls }))).html;
          const back = parseHTML(`<p>${out}</p>`).document.querySelector('p')!.textContent;
          expect(back).toBe(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd').replace(/\r\n?/g, '\n'));
          expect(out).not.toMatch(/<(?!\/?mark[ >])/);
        },
      ),
    );
  });

  it('counts days exactly, also for years before 100, and skips dates it cannot read', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2017-03-07') - dayNumber('2017-03-06')).toBe(1);
    expect(dayNumber('0044-03-15')).toBeLessThan(dayNumber('1000-01-01'));
    expect(dayNumber('2015')).toBe(dayNumber('2015-01-01'));
    expect(dayNumber('0044-03-15 (BC)')).toBeNaN();
    const svg = timeline([
      { start: '0044-03-15 (BC)', end: null, color: '#000', href: '#ev1', title: 'x' },
      { start: '2017-03-06', end: null, color: '#000', href: '#ev2', title: 'y' },
    ]).html;
    expect(svg).not.toContain('NaN');
    expect(svg.match(/<circle/g)).toHaveLength(1);
  });

  it('draws many events as a histogram whose pieces add up to the events', () => {
    const points = Array.from({ length: DENSE + 40 }, (_, i) => ({
      start: `${2014 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      end: null,
      color: i % 5 ? '#111111' : '#222222',
      group: i % 5 ? 'a' : 'b',
      href: `#ev${i + 1}`,
      title: String(i),
    }));
    const svg = parseHTML(`<div>${timeline(points, { groups: [['a', '#111111'], ['b', '#222222']] }).html}</div>`).document;
    const titles = [...svg.querySelectorAll('a title')].map((t) => t.textContent!);
    expect(titles.length).toBeGreaterThanOrEqual(12);
    expect(titles.every((t) => /^201[456]-\d\d: \d+ [ab] events? \(of \d+\)$/.test(t))).toBe(true);
    const total = titles.reduce((n, t) => n + Number(/: (\d+) /.exec(t)![1]), 0);
    expect(total).toBe(points.length);
    expect(svg.querySelector('text')!.textContent).toMatch(/events per month/);
  });

  it('puts round date ticks inside the range', () => {
    for (const [a, b] of [['1920-01-01', '2021-06-15'], ['2017-03-01', '2017-03-09'], ['2015-01-01', '2016-12-31'], ['2003-01-01', '2017-01-01']]) {
      const ticks = dateTicks(dayNumber(a), dayNumber(b));
      expect(ticks.length, `${a}..${b}`).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(16);
      for (const t of ticks) expect(t.day >= dayNumber(a) && t.day <= dayNumber(b)).toBe(true);
    }
  });
});

/**
 * Loads a page in Debian's Chromium driven by playwright-core; returns the DOM after load, every
 * console message and page error, and optionally a screenshot. Flags as the machine notes advise:
 * no background networking (the network is closed), a fresh profile.
 */
async function chromium(url: string, screenshot?: string): Promise<{ dom: string; console: string[] }> {
  const browser = await pw.launch({
    executablePath: CHROMIUM!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });
    return { dom: await page.content(), console: messages };
  } finally {
    await browser.close();
  }
}

describe.skipIf(!CHROMIUM)('report.html in headless Chromium (needs the chromium package)', () => {
  it('notices console errors at all (control page)', async () => {
    const page = join(tempDir('news-ctl-'), 'control.html');
    writeFileSync(page, '<!DOCTYPE html><title>c</title><script>console.error("control error")</script>');
    expect((await chromium(`file://${page}`)).console.join('\n')).toMatch(/control error/);
  });

  it('renders the seed\'s entities and events without a console message', async () => {
    const { dom, console } = await chromium(`file://${join(out, 'report.html')}`);
    expect(console).toEqual([]);
    const page = parseHTML(dom).document;
    expect(page.querySelector('h1')?.textContent).toBe('News corpus report');
    const entityNames = [...page.querySelectorAll('#entities tbody tr td:nth-child(2)')].map((td) => td.textContent);
    expect(entityNames).toEqual(expect.arrayContaining(['North Korea', 'Russia']));
    const [{ n }] = await query(db, 'SELECT count(*)::INT AS n FROM events WHERE date_start IS NOT NULL');
    expect(page.querySelectorAll('#timeline tbody tr').length).toBe(n);
    if ((n as number) > 0) expect(page.querySelectorAll('#timeline svg circle, #timeline svg rect').length).toBeGreaterThan(0);
    expect(page.querySelectorAll('script').length).toBe(0);
  });

  it('takes a screenshot', async () => {
    const png = join(tempDir('news-shot-'), 'report.png');
    const r = await chromium(`file://${join(out, 'report.html')}`, png);
    expect(r.console).toEqual([]);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });
});

if (!CHROMIUM) {
  process.stderr.write('report.test.ts: Chromium not found (apt-get install chromium, or set CHROMIUM_BIN); the browser checks are skipped.\n');
}
