/**
 * How GraphQL errors look on the wire: every error carries `extensions.code` from the catalog and
 * the HTTP `status` REST would answer, and a rejected write keeps its per-field `errors`. Errors
 * the engine did not throw on purpose become OOS_SERVER_INTERNAL with a reference to the log —
 * never a stack. A request that never ran (syntax, validation, depth or cost) answers its status
 * (400); one that ran answers 200 with `data` and `errors`, as GraphQL clients expect. An error
 * shared by many fields (a failed batch) is reported once.
 *
 * @example
 *   // { "data": { "createAccount": null }, "errors": [{ "message": "the account record is invalid
 *   //   (1 problem)", "path": ["createAccount"], "extensions": { "code":
 *   //   "OOS_DATA_VALIDATION_FAILED", "status": 422, "errors": [{ "field": "name", … }] } }] }
 */
import { randomUUID } from 'node:crypto'
import { BadRequest, InternalError, ObjectOSError } from '@objectos/errors'
import type { FastifyReply } from 'fastify'
import {
  GraphQLError,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLErrorExtensions,
} from './graphql-js.js'
import { asObjectOSError } from '../problem-reply.js'

interface FormatterContext {
  readonly reply?: FastifyReply | undefined
}

interface Entry {
  readonly error: GraphQLError
  /** The status of the request-level error this one came wrapped in (Mercurius errors). */
  readonly status: number | undefined
}

/** Mercurius wraps validation errors in one error with an `errors` list; unwrap them. */
function entriesOf(error: GraphQLError): Entry[] {
  const original = error.originalError as
    (Error & { errors?: unknown; statusCode?: unknown }) | undefined
  if (
    original !== undefined &&
    !(original instanceof ObjectOSError) &&
    Array.isArray(original.errors)
  ) {
    const status = typeof original.statusCode === 'number' ? original.statusCode : undefined
    return (original.errors as unknown[]).map((inner) => ({
      error:
        inner instanceof GraphQLError
          ? inner
          : new GraphQLError(inner instanceof Error ? inner.message : String(inner)),
      status,
    }))
  }
  return [{ error, status: undefined }]
}

function extensionsOf(error: ObjectOSError): GraphQLErrorExtensions {
  return {
    code: error.code,
    status: error.status,
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
  }
}

function formatted(error: GraphQLError, message: string, extensions: GraphQLErrorExtensions) {
  const out: GraphQLFormattedError = {
    message,
    ...(error.locations === undefined ? {} : { locations: error.locations }),
    ...(error.path === undefined ? {} : { path: error.path }),
    extensions,
  }
  return out
}

export function formatGraphqlErrors(
  execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>,
  context: FormatterContext,
): { statusCode: number; response: FormattedExecutionResult } {
  const request = context.reply?.request
  // Mercurius passes `{ errors }` alone for a request that failed before execution.
  const executed = 'data' in execution
  const seen = new Set<unknown>()
  const errors: GraphQLFormattedError[] = []
  let status: number | undefined
  for (const entry of execution.errors.flatMap(entriesOf)) {
    const { error } = entry
    const original = error.originalError
    if (original !== undefined) {
      if (seen.has(original)) continue
      seen.add(original)
    }
    let out: GraphQLFormattedError
    if (original === undefined || original instanceof GraphQLError) {
      // GraphQL's own messages (syntax, validation, coercion) are safe to show as they are.
      if (executed) request?.log.error({ err: error }, 'GraphQL execution error')
      out = formatted(
        error,
        error.message,
        executed
          ? { code: InternalError.code, status: InternalError.status }
          : { code: BadRequest.code, status: entry.status ?? BadRequest.status },
      )
    } else {
      const mapped =
        original instanceof ObjectOSError
          ? original
          : request === undefined
            ? InternalError.create(randomUUID())
            : asObjectOSError(original, request)
      out = formatted(error, mapped.message, extensionsOf(mapped))
    }
    status ??= Number(out.extensions?.status ?? 500)
    errors.push(out)
  }
  if (executed) {
    // Mercurius's response schema types every `path` segment as a string; GraphQL clients need
    // list indices as numbers to place an error, so these replies are serialized as they are.
    if (errors.some((error) => error.path?.some((segment) => typeof segment === 'number'))) {
      context.reply?.serializer(JSON.stringify).type('application/json; charset=utf-8')
    }
    return { statusCode: 200, response: { data: execution.data ?? null, errors } }
  }
  return { statusCode: status ?? 400, response: { errors } }
}
