/**
 * The paths of the metadata routes, as meta/meta-routes.ts serves them: every object described,
 * one object, the diagnostics of the last compile, and the definitions of one other kind. The
 * kinds `{kind}` accepts are the route's own list (`definitionRoutes`), not a copy.
 *
 * @example
 *   metaPaths()['/api/v1/meta/{kind}']?.get?.parameters
 *   // → [{ name: 'kind', in: 'path', schema: { enum: ['views', 'pages', …] } }]
 */
import { definitionRoutes } from '../meta/meta-routes.js'
import { envelope, errorResponses, json, schemaRef, type PathItem } from './path-parts.js'

const tags = ['Metadata']
const list = (name: string) => ({ type: 'array', items: schemaRef(name) })

export function metaPaths(): Record<string, PathItem> {
  const kinds = Object.keys(definitionRoutes)
  return {
    '/api/v1/meta/objects': {
      get: {
        operationId: 'metaObjects',
        tags,
        summary: 'Describe every object',
        description: 'Every object of the app with its fields and child relations.',
        responses: {
          '200': {
            description: 'Every object of the app.',
            ...json(envelope(list('ObjectDescription'))),
          },
          ...errorResponses(401),
        },
      },
    },
    '/api/v1/meta/objects/{name}': {
      get: {
        operationId: 'metaObject',
        tags,
        summary: 'Describe one object',
        parameters: [
          {
            name: 'name',
            in: 'path',
            required: true,
            description: 'The object name.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'The object.',
            ...json(envelope(schemaRef('ObjectDescription'))),
          },
          ...errorResponses(401, 404),
        },
      },
    },
    '/api/v1/meta/diagnostics': {
      get: {
        operationId: 'metaDiagnostics',
        tags,
        summary: 'Diagnostics of the last compile',
        description:
          'The warnings of the running app, or the errors of a reload that did not compile ' +
          '(the app keeps serving the last version that did).',
        responses: {
          '200': {
            description: 'The diagnostics, and how many are errors and warnings.',
            ...json(
              envelope(list('Diagnostic'), {
                type: 'object',
                required: ['errors', 'warnings'],
                properties: {
                  errors: { type: 'integer', minimum: 0 },
                  warnings: { type: 'integer', minimum: 0 },
                },
              }),
            ),
          },
          ...errorResponses(401),
        },
      },
    },
    '/api/v1/meta/{kind}': {
      get: {
        operationId: 'metaDefinitions',
        tags,
        summary: 'Definitions of one kind',
        description: 'The views, pages, apps, … of the app, as validated from their YAML files.',
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            description: 'The kind, by its plural name; any other name answers 404.',
            schema: { type: 'string', enum: kinds },
          },
        ],
        responses: {
          '200': {
            description: 'The definitions of that kind (an empty list when the app has none).',
            ...json(envelope(list('Definition'))),
          },
          ...errorResponses(401, 404),
        },
      },
    },
  }
}
