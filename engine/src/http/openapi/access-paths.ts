/**
 * The access routes: `GET /api/v1/access/explain` (http/access/explain-route.ts), for
 * administrators, and the `objectos-view-as` header every data route honours.
 *
 * @example
 *   accessPaths['/api/v1/access/explain']?.get?.operationId // → 'explainAccess'
 */
import type { JsonSchema } from './field-schema.js'
import { errorResponses, json, type PathItem } from './path-parts.js'

export const accessTag = {
  name: 'Access',
  description: 'Why a user may or may not read and change a record (administrators).',
}

const verdict: JsonSchema = {
  type: 'object',
  required: ['allowed', 'because'],
  properties: {
    allowed: { type: 'boolean' },
    because: { type: 'array', items: { type: 'string' }, description: 'The deciding rules.' },
  },
}

const text = (description: string) => ({ type: 'string', description })

export const accessPaths: Readonly<Record<string, PathItem>> = {
  '/api/v1/access/explain': {
    get: {
      operationId: 'explainAccess',
      tags: [accessTag.name],
      summary: "Explain a user's access to an object, a record and its fields",
      description:
        'Administrators only. Walks the rules the query compiler applies — the permission sets ' +
        "the user holds, the object's sharing model, ownership and the manager hierarchy — and " +
        'names the ones that decide read and edit. To see the data itself as the user does, send ' +
        'any request with the `objectos-view-as: <user id>` header (read-only), and ' +
        '`objectos-view-as-organization: <organization id>` for their active organization.',
      parameters: [
        { name: 'object', in: 'query', required: true, schema: text('The object name.') },
        { name: 'user', in: 'query', required: true, schema: text('A user id or email.') },
        { name: 'id', in: 'query', required: false, schema: text('A record id, to explain it.') },
        {
          name: 'organization',
          in: 'query',
          required: false,
          schema: text(
            'An organization id: explain the user as a session with it active would be ' +
              '(`current_user.activeOrganization`; only if they are a member).',
          ),
        },
      ],
      responses: {
        '200': {
          description: 'The explanation.',
          ...json({
            type: 'object',
            required: ['data'],
            properties: {
              data: {
                type: 'object',
                required: ['user', 'object', 'fields'],
                properties: {
                  user: { type: 'object' },
                  object: { type: 'object' },
                  record: { ...verdictRecord() },
                  fields: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['name', 'read', 'edit'],
                      properties: { name: { type: 'string' }, read: verdict, edit: verdict },
                    },
                  },
                },
              },
            },
          }),
        },
        ...errorResponses(400, 401, 403, 404),
      },
    },
  },
}

function verdictRecord(): JsonSchema {
  return {
    type: 'object',
    description: 'Present when `id` was given.',
    required: ['id', 'ownerId', 'read', 'edit'],
    properties: { id: { type: 'string' }, ownerId: {}, read: verdict, edit: verdict },
  }
}
