/**
 * Renders the benchmark results as the console table and as the Markdown block kept in
 * docs/benchmarks/validate.md between the `bench:validate` markers (the prose around them is
 * written by hand and left alone).
 */
import { readFileSync, writeFileSync } from 'node:fs'

export const targetFps = 2000
const startMarker = '<!-- bench:validate:start -->'
const endMarker = '<!-- bench:validate:end -->'

const int = (n) => Math.round(n).toLocaleString('en-US')
const ms = (n) => n.toFixed(3)

/** `parse 1.020, schema 0.100, rules 0.050` */
function stageList(stages) {
  return Object.entries(stages)
    .map(([name, value]) => `${name} ${ms(value)}`)
    .join(', ')
}

/** The plain-text report printed on every run. */
export function renderConsole(r) {
  const rows = [
    ['', 'best files/s', 'median files/s', 'median ms/file'],
    [
      'validateFiles',
      int(r.validator.bestFps),
      int(r.validator.medianFps),
      ms(r.validator.medianMsPerFile),
    ],
    [
      'baseline (js-yaml + Ajv)',
      int(r.baseline.bestFps),
      int(r.baseline.medianFps),
      ms(r.baseline.medianMsPerFile),
    ],
  ]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)))
  const table = rows.map((row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   '),
  )
  return [
    `Validating ${int(r.files)} generated object files (${(r.bytes / 1e6).toFixed(1)} MB), ${r.runs} runs after ${r.warmup} warm-up`,
    `${r.node} on ${r.cpu}, load average ${r.load.toFixed(2)}`,
    '',
    ...table,
    '',
    `ratio validateFiles / baseline (median throughput): ${r.ratio.toFixed(2)}×`,
    `stages, median ms/file: ${stageList(r.stages)}`,
    `first run, schemas compiled and caches cold: ${int(r.firstRunMs)} ms`,
    `target ≥ ${int(targetFps)} files/s per core: ${r.validator.medianFps >= targetFps ? 'met' : 'NOT met'}`,
    '',
  ].join('\n')
}

/** The Markdown block for docs/benchmarks/validate.md. */
export function renderMarkdown(r) {
  return [
    startMarker,
    `Last run: ${r.date}, ${r.node} on ${r.cpu} (load average ${r.load.toFixed(2)}), one process. ` +
      `${int(r.files)} object files ` +
      `(${(r.bytes / 1e6).toFixed(1)} MB), ${r.runs} timed runs after ${r.warmup} warm-up runs.`,
    '',
    '| | best files/s | median files/s | median ms/file |',
    '| --- | ---: | ---: | ---: |',
    `| \`validateFiles\` | ${int(r.validator.bestFps)} | ${int(r.validator.medianFps)} | ${ms(r.validator.medianMsPerFile)} |`,
    `| baseline (js-yaml \`load\` + one Ajv validate) | ${int(r.baseline.bestFps)} | ${int(r.baseline.medianFps)} | ${ms(r.baseline.medianMsPerFile)} |`,
    '',
    `- Ratio \`validateFiles\` / baseline (median throughput): **${r.ratio.toFixed(2)}×**.`,
    `- Stages, median ms per file: ${stageList(r.stages)}.`,
    `- First run (schemas compiled, caches cold): ${int(r.firstRunMs)} ms.`,
    `- Target ≥ ${int(targetFps)} files/s per core: **${r.validator.medianFps >= targetFps ? 'met' : 'not met'}**.`,
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
