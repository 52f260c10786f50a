/**
 * `objectos serve [dir]`: opens the app (SQLite under the folder by default, DATABASE_URL for
 * PostgreSQL), applies non-destructive migrations, and serves the REST API with structured logs
 * until SIGINT or SIGTERM, then finishes in-flight requests and closes the database.
 */
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  ExitCode,
  UsageError,
  validateCommand,
  type CliIo,
  type Command,
  type CommandInput,
} from '@objectos/cli'
import { ObjectOSError, PluginFailed } from '@objectos/errors'
import type { FastifyInstance } from 'fastify'
import { openApp } from '../../boot/open-app.js'
import { watchApp } from '../../boot/watch-app.js'
import { trustProxySetting } from '../../http/trust-proxy-setting.js'
import { loadApp } from '../../load/load-app.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the app: migrate its database and serve its REST API',
  description: [
    'Compiles the app folder, opens its database (DATABASE_URL, or the SQLite file',
    '.objectos/data.sqlite in the folder), applies the migration plan if nothing in it is',
    'destructive, and serves the API under /api/v1 plus /health and /ready. A destructive plan',
    'stops the start and names the command that applies it. Logs are JSON lines (pino).',
    '',
    'Environment: PORT (default 3000), HOST (default 127.0.0.1; 0.0.0.0 in a container),',
    'DATABASE_URL, LOG_LEVEL (default info), OBJECTOS_SECRET (signs sessions; default: a',
    'random secret kept in the database), OBJECTOS_BASE_URL (the public URL; https makes',
    'cookies Secure), OBJECTOS_ADMIN_EMAIL and OBJECTOS_ADMIN_PASSWORD (create the first',
    'administrator when there is none), OBJECTOS_SMTP_URL and OBJECTOS_MAIL_FROM (verification',
    'and password-reset mail), OBJECTOS_REQUIRE_EMAIL_VERIFICATION, OBJECTOS_TRUST_PROXY (the',
    'reverse proxies whose X-Forwarded-For counts), OBJECTOS_ORGANIZATION_CREATORS',
    '(administrators or everyone).',
    '',
    'Exit codes: 0 stopped by a signal, 1 metadata errors or a failed start, 2 usage error.',
  ].join('\n'),
  arguments: [{ name: 'dir', description: 'The app folder (default: .)', optional: true }],
  options: {
    watch: {
      type: 'boolean',
      description: 'reload when the metadata changes (as objectos dev does)',
    },
  },
  examples: [
    'objectos serve examples/crm',
    'PORT=8080 DATABASE_URL=postgres://… objectos serve .',
    'objectos serve examples/crm --watch',
  ],
  run: (input, io) => runServe(input, io, input.options.watch === true),
}

export const devCommand: Command = {
  name: 'dev',
  summary: 'Serve the app and reload it whenever its metadata changes',
  description: [
    'objectos serve --watch: every change to a YAML file of the app folder is validated,',
    'planned and, when nothing in the plan is destructive, applied while the server runs; the',
    'REST routes follow at once. A change with errors (or a destructive plan) keeps the',
    'running app as it was and prints the diagnostics, also served on /api/v1/meta/diagnostics.',
    '',
    'Environment and exit codes as for objectos serve.',
  ].join('\n'),
  arguments: serveCommand.arguments,
  options: {},
  examples: ['objectos dev examples/crm'],
  run: (input, io) => runServe(input, io, true),
}

async function runServe(input: CommandInput, io: CliIo, watching: boolean): Promise<number> {
  const dirArgument = input.positionals[0] ?? '.'
  const dir = resolve(io.cwd, dirArgument)
  const info = await stat(dir).catch(() => undefined)
  if (info === undefined || !info.isDirectory()) {
    throw new UsageError(`folder "${dirArgument}" does not exist`)
  }
  const port = Number(io.env.PORT ?? '3000')
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`PORT must be a port number, got "${io.env.PORT ?? ''}"`)
  }
  const compiled = await loadApp(dir)
  if (!compiled.ok) {
    await validateCommand.run({ options: { format: 'text' }, positionals: [dirArgument] }, io)
    io.stderr.write('objectos serve: fix the metadata errors above first\n')
    return ExitCode.failure
  }
  const host = io.env.HOST ?? '127.0.0.1'
  let app
  try {
    app = await openApp({
      dir,
      registry: compiled.registry,
      databaseUrl: io.env.DATABASE_URL || undefined,
      plugins: [
        httpPlugin({
          port,
          host,
          logger: { level: io.env.LOG_LEVEL ?? 'info' },
          trustProxy: trustProxySetting(io.env),
        }),
      ],
      // The first administrator of a container, from OBJECTOS_ADMIN_EMAIL/PASSWORD.
      identity: {
        env: io.env,
        bootstrap: true,
        log: (line) => io.stderr.write(`objectos serve: ${line}\n`),
      },
    })
  } catch (error) {
    if (!(error instanceof ObjectOSError)) throw error
    const cause = PluginFailed.is(error) ? (error as { cause?: unknown }).cause : undefined
    io.stderr.write(`objectos serve: ${error.message}\n`)
    if (cause instanceof ObjectOSError) {
      for (const step of cause.errors) io.stderr.write(`  - ${step.message}\n`)
    }
    return ExitCode.failure
  }
  const address = app.kernel.services.get<FastifyInstance>('http').addresses()[0]
  const url = `http://${host}:${typeof address === 'object' ? address.port : port}`
  io.stderr.write(
    `objectos serve: ${app.registry().appName} on ${url} (database: ${app.db.dialect} ${app.db.target})\n`,
  )
  const stopWatching = watching
    ? watchApp(app, dir, (line) => io.stderr.write(`objectos: ${line}\n`))
    : () => undefined
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  stopWatching()
  await app.close()
  return ExitCode.ok
}
