/**
 * The small pieces every path builder uses: the operation and path-item types, `$ref`s to the
 * shared components, a JSON body, the `{ data, meta }` envelope and the problem+json error
 * responses by status (500 always included, since any route can fail unexpectedly).
 *
 * @example
 *   const responses = { '200': { description: 'Ok.', ...json(envelope(schemaRef('Account'))) },
 *     ...errorResponses(404) }
 *   // → '200', '404' → NotFound, '500' → InternalError
 */
import type { JsonSchema } from './field-schema.js'
import { problemResponseNames } from './shared-parameters.js'

export type Operation = Readonly<Record<string, unknown>> & {
  readonly operationId: string
  readonly responses: Readonly<Record<string, unknown>>
}
export type PathItem = Readonly<Record<string, Operation>>

export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })
export const parameterRef = (name: string): JsonSchema => ({
  $ref: `#/components/parameters/${name}`,
})
export const headerRef = (name: string): JsonSchema => ({ $ref: `#/components/headers/${name}` })

/** A request or response body of one media type (JSON by default). */
export const json = (body: JsonSchema, type = 'application/json') => ({
  content: { [type]: { schema: body } },
})

/** `{ data: … }` (and `meta` when given), the envelope of every REST answer. */
export function envelope(data: JsonSchema, meta?: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: meta === undefined ? ['data'] : ['data', 'meta'],
    properties: { data, ...(meta === undefined ? {} : { meta }) },
  }
}

/** The shared problem+json responses of these statuses, and of 500. */
export function errorResponses(...statuses: number[]): Record<string, JsonSchema> {
  return Object.fromEntries(
    [...statuses, 500].map((status) => [
      String(status),
      { $ref: `#/components/responses/${problemResponseNames[status] ?? 'InternalError'}` },
    ]),
  )
}
