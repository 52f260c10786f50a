/**
 * Renders the API benchmark's results as the console table and as the Markdown block kept in
 * docs/benchmarks/api.md between the `bench:api` markers (the prose around them is written by
 * hand and left alone).
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** Engine throughput at least this share of the hand-written server's, per endpoint. */
export const targets = { list: 0.85, get: 0.9, graphql: 0.7 }
const labels = {
  list: 'list: filter + sort, 50 per page',
  get: 'get by id',
  graphql: 'GraphQL: 3-level nested',
}
const startMarker = '<!-- bench:api:start -->'
const endMarker = '<!-- bench:api:end -->'

const int = (n) => Math.round(n).toLocaleString('en-US')
const ms = (n) => n.toFixed(2)
const times = (n) => `${n.toFixed(2)}×`
/** Judged at the precision shown: a ratio printed as 0.85× meets a 0.85 target. */
const met = (ratio, target) => Number(ratio.toFixed(2)) >= target

const header = [
  'database',
  'endpoint',
  'engine req/s',
  'hand-written req/s',
  'ratio',
  'rounds',
  'engine p95 ms',
  'hand-written p95 ms',
  'CPU µs/req engine / hand-written',
  'CPU ratio',
  'target',
]

function rows(report) {
  const out = []
  for (const r of report.results) {
    for (const endpoint of Object.keys(targets)) {
      const m = r[endpoint]
      out.push({
        cells: [
          r.version,
          labels[endpoint],
          int(m.engine.reqPerSec),
          int(m.handWritten.reqPerSec),
          times(m.ratio),
          m.ratios.map((x) => x.toFixed(2)).join(' '),
          ms(m.engine.p95Ms),
          ms(m.handWritten.p95Ms),
          `${int(m.engine.cpuUsPerRequest)} / ${int(m.handWritten.cpuUsPerRequest)}`,
          times(m.cpuRatio),
        ],
        target: targets[endpoint],
        met: met(m.ratio, targets[endpoint]),
      })
    }
  }
  return out
}

function runLine(report) {
  const s = report.settings
  return (
    `${int(s.rows)} seeded deals with 1–3 lines each; ${s.connections} connections; ${s.rounds} rounds of ` +
    `${s.seconds} s per server and endpoint after ${s.warmupRounds} warm-up round` +
    `${s.warmupRounds === 1 ? '' : 's'} of ${s.warmupSeconds} s; autocannon ${report.autocannon} ` +
    `in a child process; hand-written server on ${
      s.plainKnex ? 'a bare knex connection' : "the engine's connection settings"
    }`
  )
}

function machineLine(report) {
  return (
    `${report.node} on ${report.cpu}, load average ${report.load.start.toFixed(2)} at the start ` +
    `and ${report.load.end.toFixed(2)} at the end`
  )
}

/** The plain-text report printed on every run. */
export function renderConsole(report) {
  const table = [header, ...rows(report).map((r) => [...r.cells, verdict(r)])]
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)))
  return [
    '',
    `${runLine(report)}; ${report.seconds.toFixed(0)} s in all`,
    machineLine(report),
    '',
    ...table.map((row) =>
      row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
    ),
    '',
    'ratio = median over rounds of engine req/s ÷ hand-written req/s (each round a back-to-back pair)',
    'CPU ratio = median over rounds of hand-written ÷ engine CPU time per request of the server process',
    ...report.skipped.map((s) => `${s.dialect} skipped: ${s.reason}`),
    '',
  ].join('\n')
}

function verdict(row) {
  return `≥ ${row.target.toFixed(2)}× ${row.met ? 'met' : 'NOT met'}`
}

/** The Markdown block for docs/benchmarks/api.md. */
export function renderMarkdown(report) {
  return [
    startMarker,
    `Last run: ${report.date}, ${machineLine(report)}. ${runLine(report)}; ` +
      `${report.seconds.toFixed(0)} s in all.`,
    '',
    `| ${header.join(' | ')} |`,
    `| --- | --- | ${header
      .slice(2)
      .map(() => '---:')
      .join(' | ')} |`,
    ...rows(report).map(
      (r) =>
        `| ${[...r.cells, `≥ ${r.target.toFixed(2)}× **${r.met ? 'met' : 'not met'}**`].join(' | ')} |`,
    ),
    '',
    ...report.skipped.map((s) => `- ${s.dialect} was skipped: ${s.reason}`),
    endMarker,
  ].join('\n')
}

/**
 * Replaces the marked block of the Markdown file at `url` with `block`, then formats the file with
 * the repository's Prettier settings so `npm run lint` stays clean. `markers` name the block:
 * by default this benchmark's; the restricted-user benchmark keeps its own.
 */
export async function updateDoc(url, block, markers = { start: startMarker, end: endMarker }) {
  const text = readFileSync(url, 'utf8')
  const start = text.indexOf(markers.start)
  const end = text.indexOf(markers.end)
  if (start === -1 || end === -1) {
    throw new Error(`${url.pathname} has no ${markers.start} … ${markers.end} block to update`)
  }
  const updated = text.slice(0, start) + block + text.slice(end + markers.end.length)
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(url)) ?? {}
  writeFileSync(url, await prettier.format(updated, { ...options, parser: 'markdown' }))
}
