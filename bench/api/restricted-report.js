/**
 * Renders the restricted-user benchmark's results (a rep with sharing rules on, against an
 * admin) as the console table and as the Markdown
 * block kept in docs/benchmarks/api.md between the `bench:access` markers (the section's prose
 * is written by hand and left alone).
 */

/** The rep's throughput at least this share of the admin's, on the same requests. */
export const target = 0.9
export const markers = {
  start: '<!-- bench:access:start -->',
  end: '<!-- bench:access:end -->',
}

const int = (n) => Math.round(n).toLocaleString('en-US')
const ms = (n) => n.toFixed(2)
const times = (n) => `${n.toFixed(2)}×`
/** Judged at the precision shown: a ratio printed as 0.90× meets a 0.90 target. */
const met = (ratio) => Number(ratio.toFixed(2)) >= target

const header = [
  'database',
  'access indexes',
  'admin req/s',
  'rep req/s',
  'ratio',
  'rounds',
  'admin p95 ms',
  'rep p95 ms',
  'CPU µs/req admin / rep',
  'CPU ratio',
  'target',
]

function rows(report) {
  return report.results.map((r) => ({
    cells: [
      r.version,
      r.accessIndexes ? 'yes' : 'no',
      int(r.admin.reqPerSec),
      int(r.rep.reqPerSec),
      times(r.ratio),
      r.ratios.map((x) => x.toFixed(2)).join(' '),
      ms(r.admin.p95Ms),
      ms(r.rep.p95Ms),
      `${int(r.admin.cpuUsPerRequest)} / ${int(r.rep.cpuUsPerRequest)}`,
      times(r.cpuRatio),
    ],
    met: met(r.ratio),
  }))
}

function runLine(report) {
  const s = report.settings
  return (
    `${int(s.rows)} seeded deals with 1–3 lines each, spread over ${s.reps} reps holding the rep ` +
    'position; sharing rules on: rep 1 reads their own deals, the priority partner deals the rule ' +
    'partner_priority shares with the position, and 2 deals shared with them by hand; the admin ' +
    `and rep 1 send the same ${s.pages} list pages; ${s.connections} connections; ${s.rounds} rounds ` +
    `of ${s.seconds} s per user after ${s.warmupRounds} warm-up round` +
    `${s.warmupRounds === 1 ? '' : 's'} of ${s.warmupSeconds} s; autocannon ${report.autocannon} ` +
    'in a child process'
  )
}

function machineLine(report) {
  return (
    `${report.node} on ${report.cpu}, load average ${report.load.start.toFixed(2)} at the start ` +
    `and ${report.load.end.toFixed(2)} at the end`
  )
}

/**
 * Per result: how full the rep's pages were and which part of the predicate admitted their
 * records, the list statements' time alone, and how the database ran the rep's statement.
 */
function notes(report) {
  return report.results.map(
    (r) =>
      `${r.version}, access indexes ${r.accessIndexes ? 'yes' : 'no'}: rep pages ${r.pages.full} ` +
      `of ${r.pages.pages} full, ${r.pages.fewest}–${r.pages.most} records, ${r.pages.empty} ` +
      `empty; ${int(r.sources.own)} owned, ${int(r.sources.rule)} by the rule, ` +
      `${int(r.sources.shared)} shared by hand; ` +
      `list statement alone ${int(r.statementUs.admin)} µs admin / ${int(r.statementUs.rep)} µs ` +
      `rep; rep plan: ${r.plan}`,
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
    'ratio = median over rounds of rep req/s ÷ admin req/s (each round a back-to-back pair)',
    'CPU ratio = median over rounds of admin ÷ rep CPU time per request of the server process',
    ...notes(report),
    ...report.skipped.map((s) => `${s.dialect} skipped: ${s.reason}`),
    '',
  ].join('\n')
}

function verdict(row) {
  return `≥ ${target.toFixed(2)}× ${row.met ? 'met' : 'NOT met'}`
}

/** The Markdown block for docs/benchmarks/api.md. */
export function renderMarkdown(report) {
  return [
    markers.start,
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
        `| ${[...r.cells, `≥ ${target.toFixed(2)}× **${r.met ? 'met' : 'not met'}**`].join(' | ')} |`,
    ),
    '',
    ...notes(report).map((line) => `- ${line.replace(/rep plan: (.*)$/, 'rep plan: `$1`')}`),
    ...report.skipped.map((s) => `- ${s.dialect} was skipped: ${s.reason}`),
    markers.end,
  ].join('\n')
}
