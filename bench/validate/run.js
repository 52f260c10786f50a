#!/usr/bin/env node
/**
 * `npm run bench`: how fast `validateFiles` of the built @objectos/metadata validates an app of
 * generated object files, next to a hand-written baseline measured in the same process (see
 * baseline.js). Prints a table; `--write` also records it in docs/benchmarks/validate.md.
 *
 *   node bench/validate/run.js [--files 1000] [--runs 7] [--warmup 3] [--write]
 *
 * Run `npm run build` first: the benchmark measures the compiled JavaScript users run.
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import { createBaseline } from './baseline.js'
import { generateApp } from './generate-objects.js'
import { median, throughput, timeOnce, timeRuns } from './measure.js'
import { renderConsole, renderMarkdown, updateDoc } from './report.js'

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (values.help) {
  process.stdout.write(
    'Usage: node bench/validate/run.js [--files N] [--runs N] [--warmup N] [--write]\n',
  )
  process.exit(0)
}
const count = positiveInt('files', values.files)
const runs = positiveInt('runs', values.runs)
const warmup = positiveInt('warmup', values.warmup, 0)

let metadata
try {
  metadata = await import('@objectos/metadata')
} catch (error) {
  process.stderr.write(
    `bench: cannot load the built @objectos/metadata (${error.message}); run "npm run build" first\n`,
  )
  process.exit(1)
}

const files = generateApp(count)
const objectFiles = files.filter((f) => f.path.endsWith('.object.yaml')).length
const bytes = files.reduce((sum, f) => sum + f.content.length, 0)

// The first call compiles the schemas; it is reported on its own and kept out of the medians.
const first = timeOnce(() => metadata.validateFiles(files))
const problems = first.result.diagnostics
if (problems.length > 0) {
  process.stderr.write(
    'bench: the generated files do not validate clean; fix generate-objects.js:\n',
  )
  for (const d of problems.slice(0, 10)) {
    process.stderr.write(`  ${d.file}:${d.line}:${d.column}  ${d.code}  ${d.message}\n`)
  }
  process.exit(1)
}
const baseline = createBaseline()
if (baseline(files) !== 0) {
  process.stderr.write(
    'bench: the baseline rejects the generated files; the schema and generator disagree\n',
  )
  process.exit(1)
}

timeRuns(() => metadata.validateFiles(files), warmup)
timeRuns(() => baseline(files), warmup)
// Alternate the two so drift in machine load affects both alike.
const validatorTimes = []
const baselineTimes = []
for (let i = 0; i < runs; i++) {
  validatorTimes.push(...timeRuns(() => metadata.validateFiles(files), 1))
  baselineTimes.push(...timeRuns(() => baseline(files), 1))
}

// Where the time goes: each pipeline stage on its own, over the same files.
const parsed = files.map((file) => metadata.parseFile(file).document).filter(Boolean)
const stages = {
  parse: median(timeRuns(() => files.forEach((file) => metadata.parseFile(file)), runs)),
  schema: median(timeRuns(() => parsed.forEach((doc) => metadata.validateSchema(doc)), runs)),
  rules: median(timeRuns(() => metadata.checkRules(parsed, parsed), runs)),
}

const validator = throughput(validatorTimes, objectFiles)
const base = throughput(baselineTimes, objectFiles)
const result = {
  date: new Date().toISOString().slice(0, 10),
  node: `Node ${process.version}`,
  cpu: `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'} (${os.cpus().length} cores)`,
  // Other work on the machine skews both contenders; the report shows how busy it was.
  load: os.loadavg()[0],
  files: objectFiles,
  bytes,
  runs,
  warmup,
  firstRunMs: first.ms,
  validator,
  baseline: base,
  ratio: validator.medianFps / base.medianFps,
  stages: Object.fromEntries(
    Object.entries(stages).map(([name, total]) => [name, total / objectFiles]),
  ),
}

process.stdout.write(renderConsole(result))
if (values.write) {
  const doc = new URL('../../docs/benchmarks/validate.md', import.meta.url)
  await updateDoc(doc, renderMarkdown(result))
  process.stdout.write(`wrote ${doc.pathname}\n`)
}

function positiveInt(name, text, min = 1) {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench: --${name} must be an integer ≥ ${min}, not "${text}"\n`)
    process.exit(2)
  }
  return n
}
