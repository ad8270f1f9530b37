// The report page: one self-contained HTML file (inline CSS and SVG, no script, no fetch).
// A Content-Security-Policy forbids scripts and any network load, as a second guard
// behind the escaping template.
import { formatNumber, h, Raw, safeUrl } from './html.js';
import { highlight, type MarkSpan } from './highlight.js';
import type { ArticleRow, Located, ReportData, SentenceRow } from './load.js';
import { barChart, dayNumber, DENSE, timeline } from './svg.js';

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
export const TYPE_COLORS: Record<string, string> = {
  PERSON: '#0072B2',
  ORGANIZATION: '#E69F00',
  COUNTRY: '#009E73',
  LOCATION: '#56B4E9',
  GROUP: '#CC79A7',
  MISC: '#7f7f7f',
};

// PLOVER categories grouped like CAMEO's quad classes, for colour only.
const QUAD: Record<string, [string, string]> = {};
const quad = (name: string, color: string, cats: string[]) => cats.forEach((c) => (QUAD[c] = [name, color]));
quad('verbal cooperation', '#56B4E9', ['AGREE', 'CONSULT', 'REQUEST', 'SUPPORT']);
quad('material cooperation', '#009E73', ['AID', 'COOPERATE', 'CONCEDE', 'RETREAT', 'INVESTIGATE']);
quad('verbal conflict', '#E69F00', ['ACCUSE', 'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST']);
quad('material conflict', '#D55E00', ['ASSAULT', 'COERCE', 'MOBILIZE', 'SANCTION']);
const quadOf = (category: string): [string, string] => QUAD[category] ?? ['other', '#7f7f7f'];
const QUAD_LEGEND: [string, string][] = [
  ['verbal cooperation', '#56B4E9'], ['material cooperation', '#009E73'], ['verbal conflict', '#E69F00'],
  ['material conflict', '#D55E00'], ['other', '#7f7f7f'],
];

const CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d9d9d9; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fafafa; }
main { max-width: 1180px; margin: 0 auto; padding: 0 24px 64px; background: #fff; }
header { padding: 24px 0 8px; border-bottom: 1px solid var(--rule); }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 40px 0 8px; font-size: 21px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { margin: 24px 0 6px; font-size: 16px; }
nav a { margin-right: 14px; }
a { color: #0b5cad; }
.muted, .note { color: var(--muted); }
.note { font-size: 13px; }
dl.counts { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 12px 0; }
dl.counts div { display: flex; flex-direction: column-reverse; }
dl.counts dt { color: var(--muted); font-size: 12px; }
dl.counts dd { margin: 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--rule); }
th { background: #f2f2f2; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.ctx { max-width: 520px; }
tr:target, li:target { background: #fff4d6; outline: 2px solid #E69F00; }
.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; margin: 4px 0; }
.legend span::before { content: ""; display: inline-block; width: 11px; height: 11px; border-radius: 6px; margin-right: 5px; background: var(--c); vertical-align: -1px; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; color: #fff; white-space: nowrap; }
mark { background: none; color: inherit; padding: 0 1px; border-radius: 2px; }
mark.ent { background: #fde9a8; }
mark.fig { background: #cfe6ff; }
mark.tmx { background: #ead9f6; }
mark.quo { background: #d7f0dc; }
mark.evt { background: #ffd9cc; }
mark.trg { font-weight: 700; border-bottom: 2px solid #D55E00; }
blockquote { margin: 6px 0 10px; padding: 4px 12px; border-left: 3px solid #009E73; background: #f7fbf8; }
.speaker { margin-top: 22px; }
ol.evidence { padding-left: 28px; }
ol.evidence li { margin: 6px 0; }
.cites { font-size: 11px; margin-left: 6px; }
.cites a { margin-right: 6px; }
.empty { padding: 12px; background: #f4f4f4; color: var(--muted); }
`;

interface Anchor {
  id: string;
  sentences: SentenceRow[];
}

/** Finds the sentences a row's span lies in, and numbers every cited sentence for the evidence section. */
class Evidence {
  private readonly byArticle = new Map<string, SentenceRow[]>();
  private readonly byId = new Map<string, SentenceRow>();
  readonly citedBy = new Map<string, { href: string; label: string }[]>();
  private anchors = new Map<string, string>();

  constructor(sentences: SentenceRow[]) {
    for (const s of sentences) {
      if (!this.byArticle.has(s.article_id)) this.byArticle.set(s.article_id, []);
      this.byArticle.get(s.article_id)!.push(s);
      this.byId.set(s.sentence_id, s);
    }
  }

  /** The sentences holding a row's span (a quote may run over several). */
  locate(row: Located): SentenceRow[] {
    const list = this.byArticle.get(row.article_id) ?? [];
    if (row.char_start !== null && row.char_end !== null) {
      const { char_start: a, char_end: b } = row;
      const hits = list.filter((s) => s.char_start < Math.max(b, a + 1) && s.char_end > a);
      if (hits.length) return hits;
    }
    const s = row.sentence_id ? this.byId.get(row.sentence_id) : undefined;
    return s ? [s] : [];
  }

  cite(row: Located, href: string, label: string): Anchor | null {
    const sentences = this.locate(row);
    if (sentences.length === 0) return null;
    for (const s of sentences) {
      if (!this.citedBy.has(s.sentence_id)) this.citedBy.set(s.sentence_id, []);
      this.citedBy.get(s.sentence_id)!.push({ href, label });
    }
    return { id: sentences[0].sentence_id, sentences };
  }

  /** Anchor ids are numbered in the order the evidence section lists the sentences. */
  number(articles: ArticleRow[]): void {
    let k = 0;
    for (const a of articles) {
      for (const s of this.byArticle.get(a.article_id) ?? []) if (this.citedBy.has(s.sentence_id)) this.anchors.set(s.sentence_id, `s${++k}`);
    }
  }

  anchor(sentenceId: string): string {
    return this.anchors.get(sentenceId) ?? '';
  }

  cited(articleId: string): SentenceRow[] {
    return (this.byArticle.get(articleId) ?? []).filter((s) => this.citedBy.has(s.sentence_id));
  }
}

/** The sentence(s) of a row with the row's own span marked. */
function context(anchor: Anchor | null, row: Located, cls: string, extra: MarkSpan[] = []): Raw {
  if (!anchor) return h`<span class="muted">${row.text}</span>`;
  const spans: MarkSpan[] = row.char_start !== null && row.char_end !== null ? [{ start: row.char_start, end: row.char_end, cls }, ...extra] : extra;
  return h`${anchor.sentences.map((s, i) => h`${i ? ' ' : ''}${highlight(s.text, s.char_start, spans)}`)}`;
}

function triggerSpan(row: Located & { trigger: string }): MarkSpan[] {
  if (row.char_start === null || !row.trigger) return [];
  const at = row.text.indexOf(row.trigger);
  if (at < 0) return [];
  const start = row.char_start + Array.from(row.text.slice(0, at)).length;
  return [{ start, end: start + Array.from(row.trigger).length, cls: 'trg' }];
}

const tag = (text: string, color: string) => h`<span class="tag" style="background:${color}">${text}</span>`;
const legend = (items: [string, string][]) =>
  h`<div class="legend">${items.map(([label, color]) => h`<span style="--c:${color}">${label}</span>`)}</div>`;
const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;
const evLink = (ev: Anchor | null, evidence: Evidence) => (ev ? h`<a href="#${evidence.anchor(ev.id)}" title="the sentence in its article">→</a>` : h``);

/** The whole span of dates; and, when most events crowd a small part of it, that part again, zoomed. */
function timelines(d: ReportData): Raw {
  const points = d.events.map((e, i) => ({
    start: e.date_start, end: e.date_end, color: quadOf(e.category)[1], group: quadOf(e.category)[0], href: `#ev${i + 1}`,
    title: `${e.date_start}${e.date_end && e.date_end !== e.date_start ? ` to ${e.date_end}` : ''} · ${e.category} · ${[e.actor, e.action, e.target].filter(Boolean).join(' → ')}`,
  }));
  const full = timeline(points, { label: 'timeline of dated events', width: 1100, groups: QUAD_LEGEND });
  const days = points.map((p) => dayNumber(p.start)).filter(Number.isFinite).sort((a, b) => a - b);
  if (days.length < 10) return full;
  const lo = days[Math.floor(days.length * 0.1)];
  const hi = days[Math.ceil(days.length * 0.9) - 1];
  if (hi - lo >= (days[days.length - 1] - days[0]) / 4) return full;
  const inner = points.filter((p) => dayNumber(p.start) >= lo && dayNumber(p.start) <= hi);
  if (inner.length === 0) return full;
  return h`${full}<p class="note">Zoomed on ${inner[0].start} to ${inner[inner.length - 1].start}, where ${plural(inner.length, 'dated event')} lie:</p>
${timeline(inner, { label: 'timeline of dated events, zoomed', width: 1100, groups: QUAD_LEGEND })}`;
}

export function renderReport(d: ReportData): string {
  const evidence = new Evidence(d.sentences);
  const ev = d.events.map((e, i) => evidence.cite(e, `#ev${i + 1}`, `event ${i + 1}`));
  const en = d.entities.map((e, i) => (e.first ? evidence.cite(e.first, `#en${i + 1}`, `entity ${i + 1}`) : null));
  const qu = d.quotes.map((q, i) => evidence.cite(q, `#q${i + 1}`, `quote ${i + 1}`));
  const fg = d.figures.map((f, i) => evidence.cite(f, `#fg${i + 1}`, `figure ${i + 1}`));
  evidence.number(d.articles);
  const articleNo = new Map(d.articles.map((a, i) => [a.article_id, i + 1]));
  const titleOf = new Map(d.articles.map((a) => [a.article_id, a.title ?? a.source_file]));
  const fromArticle = (id: string) => h`<a href="#a${articleNo.get(id) ?? 0}">${titleOf.get(id) ?? id}</a>`;

  const range = d.firstPublished
    ? d.firstPublished === d.lastPublished
      ? h`, published ${d.firstPublished}`
      : h`, published from ${d.firstPublished} to ${d.lastPublished}`
    : h``;
  const counts: [string, number][] = [
    ['articles', d.counts.articles], ['sentences', d.counts.sentences], ['entities', d.counts.entities],
    ['mentions', d.counts.mentions], ['events', d.counts.events], ['quotes', d.counts.quotes],
    ['figures', d.counts.figures], ['dates', d.counts.timexes], ['roles', d.counts.person_roles], ['rejects', d.counts.rejects],
  ];
  const shown = (n: number, total: number, what: string, query: string) =>
    n < total ? h`<p class="note">Showing ${formatNumber(n)} of ${formatNumber(total)} ${what}; all of them are in news.duckdb (<code>make query Q=${query}</code>).</p>` : h``;

  // ---- timeline ----
  const datedTotal = d.counts.events - d.undatedEvents;
  const timelineSection = h`<section id="timeline"><h2>Timeline of dated events</h2>
${d.events.length === 0
    ? h`<p class="empty">No dated events${d.counts.events ? h` (${plural(d.counts.events, 'event')} without a date)` : ''}.</p>`
    : h`<p class="note">${plural(datedTotal, 'dated event')}${d.undatedEvents ? h`, and ${plural(d.undatedEvents, 'event')} without a date (not shown)` : ''}. ${d.events.length > DENSE ? 'Bars count events by their first day, coloured by kind.' : 'A dot is a day; a bar a longer period (month, year).'} Point at a mark for what it stands for; click it for its row.</p>
${legend(QUAD_LEGEND)}
${timelines(d)}
${shown(d.events.length, datedTotal, 'dated events', 'queries/event_timeline.sql')}
<table><thead><tr><th>date</th><th>category</th><th>who → action → whom</th><th>where</th><th>modality</th><th>evidence</th><th></th></tr></thead><tbody>
${d.events.map((e, i) => h`<tr id="ev${i + 1}"><td class="date">${e.date_start}${e.date_end && e.date_end !== e.date_start ? h`<br><span class="muted">to ${e.date_end}</span>` : ''}</td>
<td>${tag(e.category, quadOf(e.category)[1])}</td><td>${e.actor ? h`<b>${e.actor}</b> → ` : ''}${e.action}${e.target ? h` → <b>${e.target}</b>` : ''}</td>
<td>${e.location ?? ''}</td><td>${e.modality}</td><td class="ctx">${context(ev[i], e, 'evt', triggerSpan(e))}</td><td>${evLink(ev[i], evidence)}</td></tr>`)}
</tbody></table>`}
</section>`;

  // ---- entities ----
  const entitySection = h`<section id="entities"><h2>Most-mentioned entities</h2>
${d.entities.length === 0
    ? h`<p class="empty">No entities.</p>`
    : h`${legend(Object.entries(TYPE_COLORS).filter(([t]) => d.typeCounts.some((c) => c.type === t)).map(([t, c]) => [`${t.toLowerCase()} (${formatNumber(d.typeCounts.find((x) => x.type === t)!.n)})`, c] as [string, string]))}
${barChart(
      d.entities.slice(0, 20).map((e, i) => ({
        label: e.name, value: e.mention_count, color: TYPE_COLORS[e.type] ?? '#7f7f7f', href: `#en${i + 1}`,
        title: `${e.name} (${e.type}): ${plural(e.mention_count, 'mention')} in ${plural(e.article_count, 'article')}`,
      })),
      { label: 'most-mentioned entities' },
    )}
${shown(d.entities.length, d.counts.entities, 'entities', 'queries/top_entities.sql')}
<table><thead><tr><th class="num">#</th><th>entity</th><th>type</th><th class="num">mentions</th><th class="num">articles</th><th>written as</th><th>first mention</th><th></th></tr></thead><tbody>
${d.entities.map((e, i) => h`<tr id="en${i + 1}"><td class="num">${i + 1}</td><td><b>${e.name}</b></td>
<td>${tag(e.type.toLowerCase(), TYPE_COLORS[e.type] ?? '#7f7f7f')}${e.subtype ? h` <span class="muted">${e.subtype.replace(/_/g, ' ')}</span>` : ''}</td>
<td class="num">${formatNumber(e.mention_count)}</td><td class="num">${formatNumber(e.article_count)}</td><td>${e.forms.join('; ')}</td>
<td class="ctx">${e.first ? context(en[i], e.first, 'ent') : h`<span class="muted">only in the byline or metadata</span>`}</td><td>${evLink(en[i], evidence)}</td></tr>`)}
</tbody></table>`}
</section>`;

  // ---- quotes ----
  const groups: { speaker: string | null; type: string | null; rows: number[] }[] = [];
  d.quotes.forEach((q, i) => {
    const last = groups[groups.length - 1];
    if (last && last.speaker === q.speaker) last.rows.push(i);
    else groups.push({ speaker: q.speaker, type: q.speaker_type, rows: [i] });
  });
  const total = new Map(d.speakerTotals.map((s) => [s.speaker, s.n]));
  const quoteSection = h`<section id="quotes"><h2>Quotes by speaker</h2>
${groups.length === 0
    ? h`<p class="empty">No quotes.</p>`
    : h`<p class="note">${plural(d.counts.quotes, 'quote')}. Speakers with the most quotes first; the quoted words are highlighted in their sentence.</p>
${barChart(
      d.speakerTotals.slice(0, 15).map((s, i) => ({ label: s.speaker ?? '(speaker not found)', value: s.n, color: '#009E73', href: `#sp${i + 1}` })),
      { label: 'quotes per speaker' },
    )}
${groups.map((g, k) => {
      const n = total.get(g.speaker) ?? g.rows.length;
      return h`<div class="speaker" id="sp${k + 1}"><h3>${g.speaker ?? '(speaker not found)'} ${g.type ? tag(g.type.toLowerCase(), TYPE_COLORS[g.type] ?? '#7f7f7f') : ''} <span class="muted">${plural(n, 'quote')}${n > g.rows.length ? h`, first ${g.rows.length} shown` : ''}</span></h3>
${g.rows.map((i) => {
        const q = d.quotes[i];
        return h`<blockquote id="q${i + 1}">${context(qu[i], q, 'quo')} ${evLink(qu[i], evidence)}<br><span class="note">${q.kind}${q.cue ? h` · “${q.cue}”` : ''} · ${fromArticle(q.article_id)}</span></blockquote>`;
      })}</div>`;
    })}
${shown(d.speakerTotals.length, d.speakerCount, 'speakers', 'queries/speakers.sql')}`}
</section>`;

  // ---- figures ----
  const kinds = new Map<string, number>();
  for (const f of d.figures) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  const figureSection = h`<section id="figures"><h2>Figures</h2>
${d.figures.length === 0
    ? h`<p class="empty">No figures.</p>`
    : h`${barChart([...kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => ({ label: k, value: n, color: '#0072B2' })), { label: 'figures by kind', width: 520 })}
${shown(d.figures.length, d.counts.figures, 'figures', 'queries/figures.sql')}
<table><thead><tr><th>kind</th><th>as written</th><th class="num">value</th><th>unit</th><th>qualifier</th><th>of what</th><th>as of</th><th>evidence</th><th></th></tr></thead><tbody>
${d.figures.map((f, i) => h`<tr id="fg${i + 1}"><td>${f.kind}</td><td>${f.text}</td>
<td class="num">${formatNumber(f.value)}${f.value_max !== null ? h`–${formatNumber(f.value_max)}` : ''}</td><td>${f.unit ?? ''}</td><td>${f.qualifier.replace(/_/g, ' ')}</td>
<td>${f.object ?? ''}</td><td class="date">${f.as_of ?? ''}</td><td class="ctx">${context(fg[i], f, 'fig')}</td><td>${evLink(fg[i], evidence)}</td></tr>`)}
</tbody></table>`}
</section>`;

  // ---- articles and evidence ----
  const articleSection = h`<section id="articles"><h2>Articles</h2>
<table><thead><tr><th class="num">#</th><th>published</th><th>title</th><th>publisher</th><th class="num">words</th><th>file</th></tr></thead><tbody>
${d.articles.map((a, i) => {
    const url = safeUrl(a.source_url);
    return h`<tr><td class="num">${i + 1}</td><td class="date">${a.published ?? ''}</td><td>${url ? h`<a href="${url}" rel="noopener noreferrer">${a.title ?? '(untitled)'}</a>` : a.title ?? '(untitled)'}</td>
<td>${a.publisher ?? ''}</td><td class="num">${formatNumber(a.word_count)}</td><td>${a.source_file}</td></tr>`;
  })}
</tbody></table>
</section>`;

  const spansOf = new Map<string, MarkSpan[]>();
  for (const s of d.spans) {
    if (!spansOf.has(s.article_id)) spansOf.set(s.article_id, []);
    spansOf.get(s.article_id)!.push({ start: s.char_start, end: s.char_end, cls: s.kind, title: s.label });
  }
  const evidenceSection = h`<section id="evidence"><h2>Evidence</h2>
<p class="note">Every sentence cited above, article by article, with what was extracted from it highlighted:
<mark class="ent">entity</mark> <mark class="evt">event</mark> (<mark class="evt trg">trigger</mark>) <mark class="quo">quote</mark> <mark class="fig">figure</mark> <mark class="tmx">date</mark>. Point at a highlight for what it was read as.</p>
${d.articles.map((a, i) => {
    const cited = evidence.cited(a.article_id);
    return h`<h3 id="a${i + 1}">${a.title ?? a.source_file} <span class="muted">${[a.publisher, a.published].filter(Boolean).join(', ')}</span></h3>
${cited.length === 0
      ? h`<p class="note">Nothing from this article is cited above.</p>`
      : h`<ol class="evidence">${cited.map((s) => {
          const spans = (spansOf.get(a.article_id) ?? []).filter((m) => m.start < s.char_end && m.end > s.char_start);
          return h`<li id="${evidence.anchor(s.sentence_id)}" value="${s.ordinal + 1}">${highlight(s.text, s.char_start, spans)}<span class="cites">${(evidence.citedBy.get(s.sentence_id) ?? []).map((c) => h`<a href="${c.href}">${c.label}</a>`)}</span></li>`;
        })}</ol>`}`;
  })}
</section>`;

  const page = h`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>News corpus report</title>
<style>${new Raw(CSS)}</style>
</head>
<body>
<main>
<header>
<h1>News corpus report</h1>
<p class="muted">${plural(d.counts.articles, 'article')}${range}. Built from news.duckdb; every row links to the sentence it was read from (→).</p>
<dl class="counts">${counts.map(([k, n]) => h`<div><dt>${k}</dt><dd>${formatNumber(n)}</dd></div>`)}</dl>
<nav><a href="#timeline">Timeline</a><a href="#entities">Entities</a><a href="#quotes">Quotes</a><a href="#figures">Figures</a><a href="#articles">Articles</a><a href="#evidence">Evidence</a></nav>
</header>
${timelineSection}
${entitySection}
${quoteSection}
${figureSection}
${articleSection}
${evidenceSection}
</main>
</body>
</html>
`;
  return page.html;
}
