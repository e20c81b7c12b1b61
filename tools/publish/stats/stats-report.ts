/**
 * The merge's report as one self-contained HTML page: no script, no request (its own CSP says so), charts as
 * inline SVG drawn here. Every string from an export or the registry is escaped; per-item and per-subject counts
 * from 1 to 4 are shown as "<5".
 */
import type { MergeReport } from './merge-stats.ts';
import type { Venues } from './verify-export.ts';

/** Counts from 1 to 4 in a cell about one item (or subject) could point at one visitor: they are shown as "<5". */
export const smallestPublishedCount = 5;

export function publishedCount(count: number): string {
  return count > 0 && count < smallestPublishedCount ? '<5' : String(count);
}

/** An amount is published only where the count of events behind it is. */
export function publishedAmount(amount: number, count: number): string {
  return count > 0 && count < smallestPublishedCount ? '' : String(amount);
}

/** Text as HTML, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const hours = (seconds: number): number => seconds / 3600;

interface Bar {
  label: string;
  value: number;
  shown: string;
}

/** A horizontal bar chart: one row per bar, the label left, the figure right of the bar. */
function barChart(title: string, bars: readonly Bar[]): string {
  const rowHeight = 22;
  const labelWidth = 220;
  const barWidth = 420;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, i) => {
    const y = 4 + i * rowHeight;
    const width = Math.max(0, (bar.value / max) * barWidth);
    const label = bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label;
    return (
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${width.toFixed(1)}" height="${rowHeight - 6}"></rect>` +
      `<text x="${(labelWidth + width + 6).toFixed(1)}" y="${y + 15}">${escapeHtml(bar.shown)}</text>`
    );
  });
  return (
    `<figure><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 90}" ` +
    `height="${height}" viewBox="0 0 ${labelWidth + barWidth + 90} ${height}">${rows.join('')}</svg></figure>`
  );
}

/** A small bar for a table cell, scaled to the column's largest figure. */
function cellBar(value: number, max: number, shown: string): string {
  const width = max > 0 ? (value / max) * 100 : 0;
  return (
    `<td class="bar"><svg xmlns="http://www.w3.org/2000/svg" width="100" height="10" aria-hidden="true">` +
    `<rect width="${width.toFixed(1)}" height="10"></rect></svg> ${escapeHtml(shown)}</td>`
  );
}

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number>): string {
  if (rows.length === 0) return '<p>None.</p>';
  const head = header.map((cell, i) => `<th${numeric.has(i) ? ' class="n"' : ''}>${escapeHtml(cell)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${numeric.has(i) ? ' class="n"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const shownAmount = (published: string, toHours = true): string =>
  published === '' ? '—' : number.format(toHours ? hours(Number(published)) : Number(published));

const style = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #1d2a33; max-width: 1100px; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #c8d3da; }
table { border-collapse: collapse; margin: 0.5em 0 1em; } th, td { padding: 2px 8px; border-bottom: 1px solid #e3e9ed; text-align: left; vertical-align: top; }
th { background: #f1f5f7; } .n { text-align: right; font-variant-numeric: tabular-nums; }
td.bar { white-space: nowrap; font-variant-numeric: tabular-nums; } td.bar rect, figure rect { fill: #3b7ea1; }
figure { margin: 1em 0; } figcaption { font-weight: 600; margin-bottom: 4px; } svg text { font-size: 12px; fill: #1d2a33; }
.note { color: #52636f; } .refused td:nth-child(2) { font-weight: 600; color: #9a2b1c; }
`;

export function statsReportHtml(report: MergeReport, venues: Venues, createdAt: Date): string {
  const venueName = (venueId: string): string => venues.get(venueId)?.name ?? venueId;
  const parts: string[] = [];
  parts.push(`<h1>Reading-room usage</h1>`);
  const first =
    report.byVenue
      .map((v) => v.firstDay)
      .filter(Boolean)
      .sort()[0] ?? '';
  const last =
    report.byVenue
      .map((v) => v.lastDay)
      .filter(Boolean)
      .sort()
      .at(-1) ?? '';
  parts.push(
    `<p>Made ${escapeHtml(createdAt.toISOString().slice(0, 16).replace('T', ' '))} UTC` +
      (first ? `, days ${escapeHtml(first)} to ${escapeHtml(last)}` : '') +
      `. ${report.found} exports found: ${report.merged.length} merged, ${report.duplicates.length} duplicates, ` +
      `${report.conflicts.length} conflicts, ${report.refused.length} refused; ${number.format(report.rows)} daily rows.</p>`,
  );
  parts.push(
    `<p class="note">Counts of 1 to 4 about one item or one subject are shown as "&lt;5", and the times and pages ` +
      `behind them as "—", so that a rarely used item cannot point at a visitor. Venue and region totals are exact.</p>`,
  );

  const venueRows = report.byVenue.toSorted((a, b) => b.visits - a.visits || (a.name < b.name ? -1 : 1));
  const maxVisits = Math.max(0, ...venueRows.map((v) => v.visits));
  const maxReading = Math.max(0, ...venueRows.map((v) => v.readingSeconds));
  const maxOpened = Math.max(0, ...venueRows.map((v) => v.itemsOpened));
  const maxQuiz = Math.max(0, ...venueRows.map((v) => v.quizAttempts));
  parts.push(`<h2>Venues side by side</h2>`);
  const attempts = venueRows.reduce((sum, v) => sum + v.quizAttempts, 0);
  const finished = venueRows.reduce((sum, v) => sum + v.quizzesFinished, 0);
  const quizVenues = venueRows.filter((v) => v.quizAttempts > 0).length;
  parts.push(
    `<p>Quizzes: ${number.format(attempts)} attempts, ${number.format(finished)} finished, at ${quizVenues} ` +
      `of ${venueRows.length} venues.</p>`,
  );
  parts.push(
    `<table><thead><tr><th>Venue</th><th>Region</th><th>Visits</th><th>Reading (hours)</th><th>Items opened</th>` +
      `<th>Quiz attempts (finished)</th><th class="n">Exports</th><th class="n">Days missing</th></tr></thead><tbody>\n` +
      venueRows
        .map(
          (v) =>
            `<tr><td>${escapeHtml(v.name)}<br><small>${escapeHtml(v.venueId)}</small></td><td>${escapeHtml(v.region)}</td>` +
            cellBar(v.visits, maxVisits, number.format(v.visits)) +
            cellBar(v.readingSeconds, maxReading, number.format(hours(v.readingSeconds))) +
            cellBar(v.itemsOpened, maxOpened, number.format(v.itemsOpened)) +
            cellBar(v.quizAttempts, maxQuiz, `${number.format(v.quizAttempts)} (${number.format(v.quizzesFinished)})`) +
            `<td class="n">${v.exports}</td><td class="n">${number.format(v.missingDays)}</td></tr>`,
        )
        .join('\n') +
      `\n</tbody></table>`,
  );

  parts.push(`<h2>Reading by subject</h2>`);
  parts.push(
    barChart(
      'Reading time by subject (hours)',
      report.bySubject.map((s) => {
        const published = publishedAmount(s.readingSeconds, s.readingEvents);
        return {
          label: s.subject || '(no subject)',
          value: published === '' ? 0 : hours(s.readingSeconds),
          shown: shownAmount(published),
        };
      }),
    ),
  );
  parts.push(
    table(
      ['Subject', 'Items', 'Opened', 'Reading (hours)'],
      report.bySubject.map((s) => [
        s.subject || '(no subject)',
        number.format(s.items),
        publishedCount(s.opens),
        shownAmount(publishedAmount(s.readingSeconds, s.readingEvents)),
      ]),
      new Set([1, 2, 3]),
    ),
  );

  if (report.byContest.length > 0) {
    parts.push(`<h2>Contests between units</h2>`);
    for (const contestId of new Set(report.byContest.map((c) => c.contestId))) {
      const teams = report.byContest.filter((c) => c.contestId === contestId);
      const name = teams[0]!.title.split(' — ')[0] || contestId;
      parts.push(
        barChart(
          `${name}: average score (%)`,
          // A team of one to four attempts could point at a person's score: its average stays unpublished.
          teams.map((c) => {
            const few = c.attempts > 0 && c.attempts < smallestPublishedCount;
            return {
              label: c.title.split(' — ').slice(1).join(' — ') || c.teamId,
              value: few ? 0 : c.averagePercent,
              shown: few
                ? `— (${publishedCount(c.attempts)} attempts)`
                : `${number.format(Math.round(c.averagePercent))} % (${number.format(c.attempts)} attempts, ${c.venues} venues)`,
            };
          }),
        ),
      );
    }
  }

  parts.push(`<h2>By region</h2>`);
  const regionBars = (value: (r: MergeReport['byRegion'][number]) => number) =>
    report.byRegion.map((r) => ({ label: r.region, value: value(r), shown: number.format(value(r)) }));
  parts.push(
    barChart(
      'Visits by region',
      regionBars((r) => r.visits),
    ),
  );
  parts.push(
    barChart(
      'Reading time by region (hours)',
      regionBars((r) => hours(r.readingSeconds)),
    ),
  );
  parts.push(
    barChart(
      'Items opened by region',
      regionBars((r) => r.itemsOpened),
    ),
  );
  parts.push(
    table(
      ['Region', 'Venues', 'Visits', 'Visit time (hours)', 'Items opened', 'Reading (hours)'],
      report.byRegion.map((r) => [
        r.region,
        number.format(r.venues),
        number.format(r.visits),
        number.format(hours(r.visitSeconds)),
        number.format(r.itemsOpened),
        number.format(hours(r.readingSeconds)),
      ]),
      new Set([1, 2, 3, 4, 5]),
    ),
  );

  const shownItems = 100;
  parts.push(`<h2>Items most opened</h2>`);
  parts.push(
    `<p class="note">The first ${Math.min(shownItems, report.byItem.length)} of ${report.byItem.length}; ` +
      `by-item.csv has them all.</p>`,
  );
  parts.push(
    table(
      ['Item', 'Title', 'Subject', 'Venues', 'Opened', 'Reading (hours)', 'Pages', 'Video (hours)'],
      report.byItem
        .slice(0, shownItems)
        .map((item) => [
          item.itemId,
          item.itemTitle,
          item.subject,
          number.format(item.venues),
          publishedCount(item.opens),
          shownAmount(publishedAmount(item.readingSeconds, item.readingEvents)),
          shownAmount(publishedAmount(item.pagesRead, item.pageEvents), false),
          shownAmount(publishedAmount(item.videoSeconds, item.videoEvents)),
        ]),
      new Set([3, 4, 5, 6, 7]),
    ),
  );

  parts.push(`<h2>Exports left out</h2>`);
  parts.push(`<h3>Refused (${report.refused.length})</h3>`);
  parts.push(
    table(
      ['File', 'Why', 'Detail'],
      report.refused.map((r) => [r.file, r.code, r.detail]),
      new Set(),
    ).replace('<table>', '<table class="refused">'),
  );
  parts.push(`<h3>Conflicts (${report.conflicts.length})</h3>`);
  parts.push(
    `<p class="note">The same days exported again with other rows: the higher sequence was merged.</p>` +
      table(
        ['Venue', 'Days', 'Left out', 'Merged instead'],
        report.conflicts.map((c) => [
          venueName(c.venueId),
          `${c.fromDay} – ${c.toDay}`,
          `#${c.sequence} ${c.file}`,
          `#${c.keptSequence} ${c.keptFile}`,
        ]),
        new Set(),
      ),
  );
  parts.push(`<h3>Overlaps (${report.overlaps.length})</h3>`);
  parts.push(
    table(
      ['Venue', 'Days taken from the higher sequence', 'Export', 'Higher sequence'],
      report.overlaps.map((o) => [
        venueName(o.venueId),
        `${o.days.fromDay} – ${o.days.toDay}`,
        `#${o.sequence} ${o.file}`,
        `#${o.keptSequence} ${o.keptFile}`,
      ]),
      new Set(),
    ),
  );
  parts.push(`<h3>Duplicates (${report.duplicates.length})</h3>`);
  parts.push(
    table(
      ['Venue', 'Days', 'Duplicate', 'Same rows as'],
      report.duplicates.map((d) => [
        venueName(d.venueId),
        `${d.fromDay} – ${d.toDay}`,
        `#${d.sequence} ${d.file}`,
        `#${d.keptSequence} ${d.keptFile}`,
      ]),
      new Set(),
    ),
  );
  parts.push(`<h2>Gaps</h2>`);
  parts.push(
    `<p class="note">Days between one merged export and the next of the same venue that no merged export covers.</p>` +
      table(
        ['Venue', 'From', 'To', 'Days'],
        report.gaps.map((g) => [venueName(g.venueId), g.fromDay, g.toDay, String(g.days)]),
        new Set([3]),
      ),
  );

  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Reading-room usage</title><style>${style}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`
  );
}
