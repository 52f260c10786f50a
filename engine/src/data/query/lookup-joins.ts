/**
 * LEFT JOINs for dot paths in aggregates (`groupBy: ['account.industry']`): each lookup prefix
 * is joined once under its own alias, and a path resolves to the qualified column to select.
 * Lookups are many-to-one, so the joins never multiply rows and counts stay right.
 */
import type { Knex } from 'knex'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import { resolvePath, type ResolvedPath } from './field-path.js'

export interface JoinedColumn {
  readonly path: ResolvedPath
  /** The column to select, qualified by the main table or a join alias. */
  readonly column: string
}

export class LookupJoins {
  readonly #joins = new Map<string, { alias: string; table: string; on: string }>()

  constructor(
    private readonly registry: Registry,
    private readonly object: ObjectNode,
  ) {}

  /** Resolves `path` (joining what it crosses) or throws UnknownField naming it and `where`. */
  column(path: string, where: string): JoinedColumn {
    const resolved = resolvePath(this.registry, this.object, path, where)
    let qualifier = this.object.table
    let prefix = ''
    for (const hop of resolved.hops) {
      prefix = prefix === '' ? hop.field.name : `${prefix}.${hop.field.name}`
      let join = this.#joins.get(prefix)
      if (join === undefined) {
        join = {
          alias: `oos_j${this.#joins.size + 1}`,
          table: hop.to.table,
          on: `${qualifier}.${hop.field.column}`,
        }
        this.#joins.set(prefix, join)
      }
      qualifier = join.alias
    }
    return { path: resolved, column: `${qualifier}.${resolved.field.column}` }
  }

  /** Adds the joins collected so far to `qb`. */
  apply(qb: Knex.QueryBuilder): void {
    for (const join of this.#joins.values()) {
      qb.leftJoin({ [join.alias]: join.table }, `${join.alias}.id`, join.on)
    }
  }
}
