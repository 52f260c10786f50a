/**
 * The entry point Studio saves through: edits in, new text out. Each edit is planned into steps;
 * each step splices the current text and is then proven: the new text must parse, and its data
 * must equal the old data with exactly that step applied. A splice that would break the YAML or
 * touch other data is refused with an EditError, so a save never corrupts a file. Nothing outside
 * the edited entries is re-stringified: untouched lines and comments stay byte for byte.
 */
import type { Document } from 'yaml'
import { parseForEdit, type EditContext } from './edit-context.js'
import { EditError } from './edit-error.js'
import { stepTarget, type EditStep } from './edit-step.js'
import type { Edit, EditSource } from './edit-types.js'
import { insertEntry } from './insert-entry.js'
import { planEdit } from './plan-edit.js'
import { applyStepToData, deepEqual } from './plain-data.js'
import { removeEntry } from './remove-entry.js'
import { renameEntry } from './rename-key.js'
import { replaceValue } from './replace-value.js'
import { detectStyle } from './source-style.js'

/**
 * Applies `edits` in order and returns the new text. Throws EditError (naming the path) when an
 * edit is invalid; then no edit is applied.
 *
 * @example
 *   applyEdits(doc, [
 *     { op: 'set', path: ['label'], value: 'Deal' },
 *     { op: 'addField', name: 'region', definition: { type: 'text', label: 'Region' } },
 *     { op: 'delete', path: ['fields', 'legacy_code'] },
 *   ])
 */
export function applyEdits(source: EditSource, edits: readonly Edit[]): string {
  const original = typeof source === 'string' ? source : source.text
  // A byte order mark is not part of the first line's indentation: set it aside.
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : ''
  let text = original.slice(bom.length)
  let doc = parseForEdit(text)
  const style = detectStyle(text, doc)
  let data = doc.toJS()
  for (const edit of edits) {
    for (const step of planEdit(doc, edit)) {
      const next = applyStep({ text, doc, style }, step)
      const expected = applyStepToData(data, step)
      const nextDoc = parseResult(next, step)
      const actual: unknown = nextDoc.toJS()
      if (!deepEqual(actual, expected)) {
        throw new EditError(
          'unsupported',
          stepTarget(step),
          'the YAML around this node is written in a way the editor cannot rewrite safely; edit the text directly',
        )
      }
      text = next
      doc = nextDoc
      data = actual
    }
  }
  return bom + text
}

function applyStep(ctx: EditContext, step: EditStep): string {
  switch (step.kind) {
    case 'replace':
      return replaceValue(ctx, step.path, step.value)
    case 'insert':
      return insertEntry(ctx, step.path, step.key, step.value)
    case 'remove':
      return removeEntry(ctx, step.path)
    case 'rename':
      return renameEntry(ctx, step.path, step.to)
  }
}

function parseResult(text: string, step: EditStep): Document.Parsed {
  try {
    return parseForEdit(text)
  } catch (error) {
    if (!(error instanceof EditError)) throw error
    throw new EditError(
      'unsupported',
      stepTarget(step),
      'the edit would produce invalid YAML here; edit the text directly',
    )
  }
}
