/**
 * Renders the data benchmark's results as the console table and as the Markdown block kept in
 * docs/benchmarks/data.md between the `bench:data` markers (the prose around them is written by
 * hand and left alone).
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** Engine throughput at least this share of the baseline's (engine time ≤ 1.25× baseline). */
export const targetRatio = 0.8
const startMarker = '<!-- bench:data:start -->'
const endMarker = '<!-- bench:data:end -->'

const int = (n) => Math.round(n).toLocaleString('en-US')
const ms = (n) => n.toFixed(2)
const ratio = (n) => `${n.toFixed(2)}×`
/** Judged at the precision shown: a ratio printed as 0.80× meets a 0.80 target. */
const verdict = (r) => (Number(r.toFixed(2)) >= targetRatio ? 'met' : 'NOT met')
/** The verdict as the Markdown table shows it. */
const markdownVerdict = (text) => (text === 'for reference' ? text : `**${text.toLowerCase()}**`)

/** The rows of the results table, shared by both renderings. */
function tableRows(report) {
  const rows = []
  const row = (r, operation, measured, other, target) => ({
    database: r.version,
    operation,
    engine: measured.engine,
    baseline: measured[other],
    ratio: measured.ratios[other],
    target: target ? verdict(measured.ratios[other]) : 'for reference',
  })
  for (const r of report.results) {
    // The target row compares with the list as written by hand (ORDER BY amount DESC, id), which
    // is also the SQL the engine emits when the filter rules out empty amounts.
    rows.push(row(r, 'list: filter + sort, 50 per page', r.list, 'plain', true))
    rows.push(row(r, 'list vs … DESC NULLS LAST, id', r.list, 'baseline', false))
    rows.push(row(r, 'create: one record, reference checked', r.create, 'baseline', true))
    rows.push(row(r, 'create vs a bare INSERT', r.create, 'bare', false))
  }
  return rows
}

function cells(row) {
  return [
    row.database,
    row.operation,
    int(row.engine.opsPerSec),
    int(row.baseline.opsPerSec),
    ratio(row.ratio),
    ratio(1 / row.ratio),
    ms(row.engine.p95Ms),
    ms(row.baseline.p95Ms),
    row.target,
  ]
}

const header = [
  'database',
  'operation',
  'engine ops/s',
  'knex ops/s',
  'ratio',
  'engine time',
  'engine p95 ms',
  'knex p95 ms',
  `target ≥ ${targetRatio.toFixed(2)}×`,
]

function runLine(report) {
  const s = report.settings
  return (
    `${int(s.rows)} seeded deals, ${int(s.queries)} list queries and ${int(s.inserts)} creates per run, ` +
    `median of ${s.runs} timed run${s.runs === 1 ? '' : 's'} after ${s.warmup} warm-up run${s.warmup === 1 ? '' : 's'}, ` +
    `sequential (one operation at a time)`
  )
}

/** The plain-text report printed on every run. */
export function renderConsole(report) {
  const rows = [header, ...tableRows(report).map(cells)]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)))
  const table = rows.map((row) =>
    row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
  )
  return [
    '',
    `${runLine(report)}; ${report.seconds.toFixed(0)} s in all`,
    `${report.node} on ${report.cpu}, load average ${report.load.toFixed(2)}`,
    '',
    ...table,
    '',
    'ratio = engine ops/s ÷ knex ops/s; engine time = its inverse (time per operation vs knex)',
    ...report.skipped.map((s) => `${s.dialect} skipped: ${s.reason}`),
    '',
  ].join('\n')
}

/** The Markdown block for docs/benchmarks/data.md. */
export function renderMarkdown(report) {
  return [
    startMarker,
    `Last run: ${report.date}, ${report.node} on ${report.cpu} (load average ` +
      `${report.load.toFixed(2)}), one process. ${runLine(report)}; ${report.seconds.toFixed(0)} s in all.`,
    '',
    `| ${header.join(' | ')} |`,
    `| --- | --- | ${header
      .slice(2)
      .map(() => '---:')
      .join(' | ')} |`,
    ...tableRows(report).map((row) => {
      const line = cells(row)
      line[line.length - 1] = markdownVerdict(row.target)
      return `| ${line.join(' | ')} |`
    }),
    '',
    ...report.skipped.map((s) => `- ${s.dialect} was skipped: ${s.reason}`),
    endMarker,
  ].join('\n')
}

/**
 * Replaces the marked block of the Markdown file at `url` with `block`, then formats the file with
 * the repository's Prettier settings so `npm run lint` stays clean.
 */
export async function updateDoc(url, block) {
  const text = readFileSync(url, 'utf8')
  const start = text.indexOf(startMarker)
  const end = text.indexOf(endMarker)
  if (start === -1 || end === -1) {
    throw new Error(`${url.pathname} has no ${startMarker} … ${endMarker} block to update`)
  }
  const updated = text.slice(0, start) + block + text.slice(end + endMarker.length)
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(url)) ?? {}
  writeFileSync(url, await prettier.format(updated, { ...options, parser: 'markdown' }))
}
