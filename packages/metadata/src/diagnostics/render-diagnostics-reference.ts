/**
 * Renders docs/reference/diagnostics.md from the catalog, so the reference can never drift from
 * the codes the validator emits (a test compares the committed file with this output).
 */
import { catalog } from './catalog.js'

const header = `<!-- Generated from packages/metadata/src/diagnostics/catalog.ts by \`npm run docs\`. Do not edit. -->

# Diagnostic codes

Every problem \`objectos validate\`, Studio and CI report about metadata is a diagnostic with a
stable code. Codes never change meaning and are never reused; search this page for the code you
see. Each line of \`objectos validate\` output reads:

\`\`\`
file:line:col  severity  CODE  message (hint)
\`\`\`

and \`--format json\` gives the same fields: \`code\`, \`severity\`, \`message\`, \`file\`, \`line\`,
\`column\`, \`path\` (the keys from the document root to the offending node) and \`hint\`.
`

/**
 * @example
 *   renderDiagnosticsReference().startsWith('<!-- Generated') // true
 */
export function renderDiagnosticsReference(): string {
  const groups = new Map<string, string[]>()
  for (const code of Object.keys(catalog).sort()) {
    const area = code.split('_')[1] ?? 'OTHER'
    const spec = catalog[code as keyof typeof catalog]
    const rows = groups.get(area) ?? []
    rows.push(`| \`${code}\` | ${spec.severity} | ${escapeCell(spec.summary)} |`)
    groups.set(area, rows)
  }
  const sections = [...groups.entries()].map(
    ([area, rows]) =>
      `## ${areaTitles[area] ?? area}\n\n| code | severity | meaning |\n| --- | --- | --- |\n${rows.join('\n')}\n`,
  )
  return `${header}\n${sections.join('\n')}`
}

const areaTitles: Record<string, string> = {
  FILE: 'Files',
  YAML: 'YAML safety and syntax',
  SCHEMA: 'Schema (shape of each kind)',
  REF: 'References between files',
  NAME: 'Names and identifiers',
  CEL: 'Expressions (CEL)',
  FIELD: 'Field definitions',
  APP: 'App folder',
  SUPPORT: 'Engine support (what this version runs)',
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
