/**
 * API keys for integrators, as a better-auth plugin (better-auth 1.7 ships none in its own
 * package, and `@better-auth/api-key` pins older peers): a signed-in user creates keys for
 * themselves, sees each key once at creation, lists and revokes them. Keys are stored as SHA-256
 * digests in `objectos_auth_api_key`; a revoked or expired key, or one whose user is inactive,
 * authenticates as nobody.
 *
 * Routes (under the auth base path): `POST /api-key/create { name, expiresIn? }`,
 * `GET /api-key/list`, `POST /api-key/revoke { id }`.
 *
 * @example
 *   betterAuth({ …, plugins: [apiKeyPlugin()] })
 *   // curl -X POST …/api/v1/auth/api-key/create -H 'cookie: …' -d '{"name":"ci"}'
 *   // → { "id": "…", "name": "ci", "key": "oos_…", "start": "oos_AbC123", … }
 */
import type { BetterAuthPlugin } from 'better-auth'
import { APIError, createAuthEndpoint, sessionMiddleware } from 'better-auth/api'
import * as z from 'zod'
import { authTableName } from './auth-tables.js'
import { hashApiKey, keyStart, newApiKey } from './api-key-token.js'
import { clientDetail, type AuthEvent } from './auth-event.js'

export const apiKeyModel = 'apiKey'

/** The longest lifetime a key may be given: ten years, in seconds. */
const longestLifetime = 10 * 365 * 24 * 3600

export interface StoredApiKey {
  readonly id: string
  readonly name: string
  readonly start: string
  readonly userId: string
  readonly expiresAt: Date | null
  readonly revokedAt: Date | null
  readonly lastUsedAt: Date | null
  readonly createdAt: Date
}

/** What the list and create routes show of a key (never its digest). */
function shown(key: StoredApiKey) {
  return {
    id: key.id,
    name: key.name,
    start: key.start,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
    createdAt: key.createdAt,
  }
}

/** `report` hears of every key made and revoked (never the key itself). */
export function apiKeyPlugin(report?: (event: AuthEvent) => Promise<void>) {
  return {
    id: 'objectos-api-key',
    schema: {
      [apiKeyModel]: {
        modelName: authTableName(apiKeyModel),
        fields: {
          name: { type: 'string', required: true, fieldName: 'name' },
          start: { type: 'string', required: true, fieldName: 'start' },
          keyHash: {
            type: 'string',
            required: true,
            unique: true,
            returned: false,
            fieldName: 'key_hash',
          },
          userId: {
            type: 'string',
            required: true,
            index: true,
            references: { model: 'user', field: 'id', onDelete: 'cascade' },
            fieldName: 'user_id',
          },
          expiresAt: { type: 'date', required: false, fieldName: 'expires_at' },
          revokedAt: { type: 'date', required: false, fieldName: 'revoked_at' },
          lastUsedAt: { type: 'date', required: false, fieldName: 'last_used_at' },
          createdAt: { type: 'date', required: true, fieldName: 'created_at' },
        },
      },
    },
    endpoints: {
      createApiKey: createAuthEndpoint(
        '/api-key/create',
        {
          method: 'POST',
          use: [sessionMiddleware],
          body: z.object({
            name: z.string().trim().min(1).max(100),
            /** Seconds until the key expires; omitted, it never does. */
            expiresIn: z.number().int().min(60).max(longestLifetime).optional(),
          }),
        },
        async (ctx) => {
          const key = newApiKey()
          const now = new Date()
          const created = await ctx.context.adapter.create<Record<string, unknown>, StoredApiKey>({
            model: apiKeyModel,
            data: {
              name: ctx.body.name,
              start: keyStart(key),
              keyHash: hashApiKey(key),
              userId: ctx.context.session.user.id,
              expiresAt:
                ctx.body.expiresIn === undefined
                  ? null
                  : new Date(now.getTime() + ctx.body.expiresIn * 1000),
              revokedAt: null,
              lastUsedAt: null,
              createdAt: now,
            },
          })
          await report?.({
            action: 'api_key_created',
            userId: created.userId,
            detail: { ...clientDetail(ctx.headers), key_id: created.id, name: created.name },
          })
          // The only time the key itself is ever shown.
          return ctx.json({ ...shown(created), key })
        },
      ),
      listApiKeys: createAuthEndpoint(
        '/api-key/list',
        { method: 'GET', use: [sessionMiddleware] },
        async (ctx) => {
          const keys = await ctx.context.adapter.findMany<StoredApiKey>({
            model: apiKeyModel,
            where: [{ field: 'userId', value: ctx.context.session.user.id }],
            sortBy: { field: 'createdAt', direction: 'desc' },
            limit: 1000,
          })
          return ctx.json(keys.map(shown))
        },
      ),
      revokeApiKey: createAuthEndpoint(
        '/api-key/revoke',
        {
          method: 'POST',
          use: [sessionMiddleware],
          body: z.object({ id: z.string().min(1).max(100) }),
        },
        async (ctx) => {
          // Only the owner's own, not yet revoked key: anyone else's is "not found".
          const revoked = await ctx.context.adapter.updateMany({
            model: apiKeyModel,
            where: [
              { field: 'id', value: ctx.body.id },
              { field: 'userId', value: ctx.context.session.user.id },
              { field: 'revokedAt', value: null },
            ],
            update: { revokedAt: new Date() },
          })
          if (revoked === 0) {
            throw new APIError('NOT_FOUND', {
              code: 'API_KEY_NOT_FOUND',
              message: `you have no active API key "${ctx.body.id}"`,
            })
          }
          await report?.({
            action: 'api_key_revoked',
            userId: ctx.context.session.user.id,
            detail: { ...clientDetail(ctx.headers), key_id: ctx.body.id },
          })
          return ctx.json({ revoked: true })
        },
      ),
    },
  } satisfies BetterAuthPlugin
}
