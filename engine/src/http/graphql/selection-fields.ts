/**
 * Reads a GraphQL selection into the data layer's `fields`: only the columns a query asks for are
 * selected (plus `id`, and the lookup columns its relations need). Fragments count; `@skip` and
 * `@include` are ignored on purpose — selecting a column too many is harmless.
 *
 * @example
 *   // { accountList { data { name parent_account { name } opportunities { amount } } } }
 *   dataFieldsOf(account, [dataSelection], fragments) // ['id', 'name', 'parent_account']
 */
import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from './graphql-js.js'
import type { RecordBinding } from './record-binding.js'

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>

/** Calls `visit` for every field of the selection sets, looking through fragments. */
function forEachField(
  sets: readonly SelectionSetNode[],
  fragments: Fragments,
  visit: (field: FieldNode) => void,
  seen: Set<string> = new Set(),
): void {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) visit(selection)
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        forEachField([selection.selectionSet], fragments, visit, seen)
      } else {
        const name = selection.name.value
        const fragment = fragments[name]
        if (fragment === undefined || seen.has(name)) continue
        seen.add(name)
        forEachField([fragment.selectionSet], fragments, visit, seen)
      }
    }
  }
}

/** The selection sets of `nodes` (the field nodes of one response key). */
export function selectionSetsOf(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet === undefined ? [] : [node.selectionSet]))
}

/** The selection sets under the sub-field `name` (e.g. a page's `data`). */
export function subSelections(
  sets: readonly SelectionSetNode[],
  name: string,
  fragments: Fragments,
): SelectionSetNode[] {
  const found: SelectionSetNode[] = []
  forEachField(sets, fragments, (field) => {
    if (field.name.value === name && field.selectionSet !== undefined) {
      found.push(field.selectionSet)
    }
  })
  return found
}

/** Whether the sub-field `name` is selected (e.g. a page's `total`, which costs a count). */
export function selectsField(
  sets: readonly SelectionSetNode[],
  name: string,
  fragments: Fragments,
): boolean {
  let selected = false
  forEachField(sets, fragments, (field) => {
    if (field.name.value === name) selected = true
  })
  return selected
}

/** The data fields to read for a selection on a record type, `id` first. */
export function dataFieldsOf(
  binding: RecordBinding,
  sets: readonly SelectionSetNode[],
  fragments: Fragments,
): string[] {
  const names = new Set<string>(['id'])
  forEachField(sets, fragments, (field) => {
    const bound = binding.fields.get(field.name.value)
    // Child lists are found through this record's id, which is always read.
    if (bound !== undefined && bound.kind !== 'children') names.add(bound.field)
  })
  return [...names]
}

export interface SelectionInfo {
  readonly fieldNodes: readonly FieldNode[]
  readonly fragments: Fragments
}

/**
 * The data fields of a resolver's selection, remembered per query node: a list of 100 accounts
 * resolves `opportunities` 100 times with the same selection, and a cached query document is
 * reused across requests. One cache per built schema, so a reload starts afresh.
 */
export class SelectionCache {
  private readonly records = new WeakMap<FieldNode, string[]>()
  private readonly pages = new WeakMap<FieldNode, string[]>()

  /** The fields of the records a field returns (`account`, `opportunities`, `account(id:)`). */
  recordFields(binding: RecordBinding, info: SelectionInfo): string[] {
    return this.remember(this.records, info, () =>
      dataFieldsOf(binding, selectionSetsOf(info.fieldNodes), info.fragments),
    )
  }

  /** The fields of the records in a page's `data` (`accountList { data { … } }`). */
  pageFields(binding: RecordBinding, info: SelectionInfo): string[] {
    return this.remember(this.pages, info, () => {
      const sets = subSelections(selectionSetsOf(info.fieldNodes), 'data', info.fragments)
      return dataFieldsOf(binding, sets, info.fragments)
    })
  }

  private remember(
    cache: WeakMap<FieldNode, string[]>,
    info: SelectionInfo,
    compute: () => string[],
  ): string[] {
    const [node] = info.fieldNodes
    // Several nodes for one response key (the same field selected twice) are merged uncached.
    if (node === undefined || info.fieldNodes.length > 1) return compute()
    let fields = cache.get(node)
    if (fields === undefined) {
      fields = compute()
      cache.set(node, fields)
    }
    return fields
  }
}
