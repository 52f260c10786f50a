/**
 * Renders docs/reference/errors.md from the catalog: every runtime error code with its HTTP
 * status and an example message. A test keeps the committed file in sync (`npm run docs`).
 */
import { definedErrors } from './define-error.js'

/** Example arguments, so each message reads like one a user would see. */
const examples = ['account', 'industry', 'where', 3] as const

export function renderErrorsReference(): string {
  const lines = [
    '<!-- Generated from packages/errors/src by `npm run docs`. Do not edit. -->',
    '# Runtime error codes',
    '',
    'Every error the engine reports on purpose carries one of these stable codes. Over HTTP it is',
    'the `code` of an `application/problem+json` body with the status below; validation failures',
    'add an `errors[]` list with one `{ field, code, message }` per problem.',
    '',
    '| Code | Status | Example message |',
    '| --- | --- | --- |',
  ]
  for (const error of definedErrors()) {
    const describe = error.describe as (...args: readonly unknown[]) => string
    const message = describe(...examples).replace(/\|/g, '\\|')
    lines.push(`| \`${error.code}\` | ${error.status} | ${message} |`)
  }
  return `${lines.join('\n')}\n`
}
