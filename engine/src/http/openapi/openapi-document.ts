/**
 * Builds the OpenAPI 3.1 document of an app from its registry: one tag, three schemas and the
 * data and bulk paths per object, the shared query and error formats, and every other route the
 * server has — metadata, GraphQL, the document and docs page, metrics and health — plus the (not
 * yet required) auth schemes. Pure and deterministic — objects in name order, no timestamps — so
 * the same metadata always gives the same document, and a reload gives a new one.
 *
 * @example
 *   const doc = buildOpenApiDocument(registry, { serverUrl: 'https://crm.example.com' })
 *   doc.paths['/api/v1/data/account']?.get?.operationId // → 'listAccount'
 */
import type { Registry } from '../../registry/registry.js'
import { authPaths, authTag } from '../auth/auth-paths.js'
import { accessPaths, accessTag } from './access-paths.js'
import type { JsonSchema } from './field-schema.js'
import { graphqlPaths, graphqlSchemas } from './graphql-paths.js'
import { healthPaths } from './health-paths.js'
import { metaPaths } from './meta-paths.js'
import { metaSchemas } from './meta-schemas.js'
import { objectPaths } from './object-paths.js'
import { objectNames, objectSchemas, pascalCase } from './object-schemas.js'
import type { PathItem } from './path-parts.js'
import { servicePaths } from './service-paths.js'
import {
  securitySchemes,
  sharedHeaders,
  sharedParameters,
  sharedResponses,
} from './shared-parameters.js'
import { sharedSchemas } from './shared-schemas.js'

export interface OpenApiOptions {
  /** The public URL of the server; without it, paths are relative to the document's host. */
  readonly serverUrl?: string
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0'
  readonly info: { readonly title: string; readonly version: string; readonly description: string }
  readonly servers?: readonly { readonly url: string }[]
  readonly tags: readonly { readonly name: string; readonly description: string }[]
  readonly paths: Readonly<Record<string, PathItem>>
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>
    readonly parameters: Readonly<Record<string, JsonSchema>>
    readonly headers: Readonly<Record<string, JsonSchema>>
    readonly responses: Readonly<Record<string, JsonSchema>>
    readonly securitySchemes: Readonly<Record<string, JsonSchema>>
  }
}

const description = `The API of this app, generated from its metadata. Every object has list,
get, create, update (PATCH), delete, query, aggregate and bulk routes under \`/api/v1/data\`.
Answers are \`{ "data": …, "meta": … }\`; errors are \`application/problem+json\` with a stable
\`code\`. Reads carry an \`ETag\`; writes honour \`If-Match\` (412 on a stale version). Beside
the data: the metadata the generated UI reads (\`/api/v1/meta\`), GraphQL (\`/api/v1/graphql\`),
this document and its docs page, \`/metrics\`, \`/health\` and \`/ready\`.`

/** The platform's own tags. Capitalized, so no object (lowercase names) can take one. */
const platformTags = [
  { name: 'Metadata', description: 'Objects, definitions and diagnostics, for the UI and Studio.' },
  { name: 'GraphQL', description: 'The same data through one GraphQL endpoint.' },
  { name: 'Service', description: 'This document, its docs page and Prometheus metrics.' },
  { name: 'Health', description: 'Liveness and readiness, for load balancers.' },
  authTag,
  accessTag,
]

/** Component names taken by the platform: an object that would take one gets a suffix. */
const platformSchemas = { ...sharedSchemas, ...metaSchemas, ...graphqlSchemas }

export function buildOpenApiDocument(
  registry: Registry,
  options: OpenApiOptions = {},
): OpenApiDocument {
  const objects = [...registry.objects.values()].sort((a, b) => byName(a.name, b.name))
  const names = objectNames(
    objects.map((o) => o.name),
    new Set(Object.keys(platformSchemas)),
  )
  const schemas: Record<string, JsonSchema> = { ...platformSchemas }
  const paths: Record<string, PathItem> = {}
  const refOf = (object: string) => names.get(object)?.record ?? pascalCase(object)
  for (const object of objects) {
    const own = names.get(object.name)
    if (own === undefined) continue
    Object.assign(schemas, objectSchemas(object, own, refOf))
    Object.assign(paths, objectPaths(registry, object, own))
  }
  Object.assign(
    paths,
    metaPaths(),
    graphqlPaths(),
    servicePaths,
    healthPaths,
    authPaths,
    accessPaths,
  )
  return {
    openapi: '3.1.0',
    info: { title: registry.appName, version: 'v1', description },
    ...(options.serverUrl === undefined ? {} : { servers: [{ url: options.serverUrl }] }),
    tags: [
      ...objects.map((o) => ({ name: o.name, description: `${o.label} (${o.pluralLabel})` })),
      ...platformTags,
    ],
    paths,
    components: {
      schemas: sortedKeys(schemas),
      parameters: sharedParameters,
      headers: sharedHeaders,
      responses: sharedResponses(),
      securitySchemes,
    },
  }
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byName(a, b)))
}

/** Code-unit order: the same on every machine, whatever its locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
