/**
 * LEFT JOINs for dot paths in aggregates (`groupBy: ['account.industry']`): each lookup prefix
 * is joined once under its own alias, and a path resolves to the qualified column to select.
 * Lookups are many-to-one, so the joins never multiply rows and counts stay right.
 */
import type { Knex } from 'knex'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import type { ReadGuard } from '../access/read-guard.js'
import { resolvePath, type ResolvedPath } from './field-path.js'
import type { SqlFragment } from './sql-fragment.js'

export interface JoinedColumn {
  readonly path: ResolvedPath
  /** The column to select, qualified by the main table or a join alias. */
  readonly column: string
}

export class LookupJoins {
  readonly #joins = new Map<
    string,
    { alias: string; table: string; on: string; visible: SqlFragment | undefined }
  >()

  /**
   * With a guard, every field a path crosses must be readable, and a joined record the
   * principal may not read joins as no record (its values read as NULL).
   */
  constructor(
    private readonly registry: Registry,
    private readonly object: ObjectNode,
    private readonly guard?: ReadGuard,
  ) {}

  /** Resolves `path` (joining what it crosses) or throws UnknownField naming it and `where`. */
  column(path: string, where: string): JoinedColumn {
    const resolved = resolvePath(this.registry, this.object, path, where)
    let qualifier = this.object.table
    let prefix = ''
    for (const hop of resolved.hops) {
      this.guard?.checkField(hop.from, hop.field, where === 'groupBy' ? 'group by' : 'aggregate')
      prefix = prefix === '' ? hop.field.name : `${prefix}.${hop.field.name}`
      let join = this.#joins.get(prefix)
      if (join === undefined) {
        const alias = `oos_j${this.#joins.size + 1}`
        join = {
          alias,
          table: hop.to.table,
          on: `${qualifier}.${hop.field.column}`,
          visible: this.guard?.rows(hop.to, alias),
        }
        this.#joins.set(prefix, join)
      }
      qualifier = join.alias
    }
    this.guard?.checkField(
      resolved.object,
      resolved.field,
      where === 'groupBy' ? 'group by' : 'aggregate',
    )
    return { path: resolved, column: `${qualifier}.${resolved.field.column}` }
  }

  /** Adds the joins collected so far to `qb`. */
  apply(qb: Knex.QueryBuilder, knex: Knex): void {
    for (const join of this.#joins.values()) {
      const { visible } = join
      if (visible === undefined) {
        qb.leftJoin({ [join.alias]: join.table }, `${join.alias}.id`, join.on)
      } else {
        qb.leftJoin({ [join.alias]: join.table }, function () {
          this.on(`${join.alias}.id`, '=', join.on).andOn(
            knex.raw(`(${visible.sql})`, visible.bindings as Knex.RawBinding[]),
          )
        })
      }
    }
  }
}
