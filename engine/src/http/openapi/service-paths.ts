/**
 * The routes that serve the API's own description and the process's numbers: the OpenAPI
 * document (openapi-routes.ts), the docs page that renders it (docs-page.ts) and `/metrics` in
 * the Prometheus text format (metrics/metrics-routes.ts).
 *
 * @example
 *   servicePaths['/metrics']?.get?.responses['200']
 *   // → { description: …, content: { 'text/plain': { schema: { type: 'string' } } } }
 */
import { errorResponses, json, type PathItem } from './path-parts.js'

const tags = ['Service']

const metricsExample = `# TYPE objectos_http_requests_total counter
objectos_http_requests_total{method="GET",route="/api/v1/data/:object",object="account",status="200"} 12`

export const servicePaths: Readonly<Record<string, PathItem>> = {
  '/api/v1/openapi.json': {
    get: {
      operationId: 'openApiDocument',
      tags,
      summary: 'This OpenAPI document',
      description:
        'Generated from the running app: after a reload it describes the new metadata. The ' +
        'same metadata always gives the same document, byte for byte.',
      responses: {
        '200': {
          description: 'The OpenAPI 3.1 document.',
          ...json({
            type: 'object',
            required: ['openapi', 'info', 'paths', 'components'],
            properties: {
              openapi: { type: 'string', const: '3.1.0' },
              info: { type: 'object' },
              paths: { type: 'object' },
              components: { type: 'object' },
            },
          }),
        },
        ...errorResponses(),
      },
    },
  },
  '/api/v1/docs': {
    get: {
      operationId: 'apiDocs',
      tags,
      summary: 'The docs page',
      description:
        'One self-contained HTML page that renders `openapi.json`: no outside assets, and a ' +
        'Content-Security-Policy that lets only its own script and style run.',
      responses: {
        '200': {
          description: 'The page.',
          headers: {
            'Content-Security-Policy': {
              description: 'Allows only the inline script and style of the page, by hash.',
              schema: { type: 'string' },
            },
          },
          ...json({ type: 'string' }, 'text/html'),
        },
        ...errorResponses(),
      },
    },
  },
  '/metrics': {
    get: {
      operationId: 'metrics',
      tags,
      summary: 'Metrics for Prometheus',
      description:
        'The Prometheus text format (version 0.0.4): requests and latency per route, object and ' +
        'status, the database pool, and the process.',
      responses: {
        '200': {
          description: 'The metrics.',
          content: { 'text/plain': { schema: { type: 'string' }, example: metricsExample } },
        },
        ...errorResponses(),
      },
    },
  },
}
