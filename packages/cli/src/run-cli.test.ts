import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { captureIo } from '../test/capture-io.js'
import { commandTable } from './command-table.js'
import { runCli } from './run-cli.js'

const io = () => captureIo({ cwd: process.cwd() })

describe('objectos (root)', () => {
  it('prints help listing every command on --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const cli = io()
      expect(await runCli([flag], cli)).toBe(0)
      expect(cli.out()).toContain('Usage: objectos <command> [options]')
      for (const command of commandTable)
        expect(cli.out()).toMatch(new RegExp(`^  ${command.name} `, 'm'))
      expect(cli.err()).toBe('')
    }
  })

  it('prints the package version on --version', async () => {
    const cli = io()
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(await runCli(['--version'], cli)).toBe(0)
    expect(cli.out()).toBe(`${manifest.version}\n`)
  })

  it('exits 2 with help on stderr when no command is given', async () => {
    const cli = io()
    expect(await runCli([], cli)).toBe(2)
    expect(cli.out()).toBe('')
    expect(cli.err()).toContain('Usage: objectos <command>')
  })

  it('exits 2 on an unknown command, naming it and the known ones', async () => {
    const cli = io()
    expect(await runCli(['valdate', 'examples/crm'], cli)).toBe(2)
    expect(cli.out()).toBe('')
    expect(cli.err()).toContain('objectos: unknown command "valdate" (commands: validate, schemas)')
  })

  it('exits 2 on an unknown root flag', async () => {
    const cli = io()
    expect(await runCli(['--verbose'], cli)).toBe(2)
    expect(cli.err()).toContain('unknown option "--verbose"')
  })

  it('shows the same help for "help <command>" and "<command> --help"', async () => {
    for (const command of commandTable) {
      const viaHelp = io()
      const viaFlag = io()
      expect(await runCli(['help', command.name], viaHelp)).toBe(0)
      expect(await runCli([command.name, '--help'], viaFlag)).toBe(0)
      expect(viaHelp.out()).toBe(viaFlag.out())
      expect(viaFlag.out()).toContain(`Usage: objectos ${command.name}`)
      expect(viaFlag.out()).toContain('-h, --help')
    }
  })

  it('prefers --help over a usage mistake on the same line', async () => {
    const cli = io()
    expect(await runCli(['validate', '--bogus', '-h'], cli)).toBe(0)
    expect(cli.out()).toContain('Usage: objectos validate [dir] [options]')
  })
})

describe('command usage errors', () => {
  const cases: [string, string[], string][] = [
    ['an unknown flag', ['validate', '--fromat', 'json'], 'unknown option "--fromat"'],
    [
      'a value outside the choices',
      ['validate', '--format', 'xml'],
      '--format must be "text" or "json", not "xml"',
    ],
    ['a missing flag value', ['validate', '--format'], 'option "--format" needs a value'],
    ['a value on a boolean flag', ['schemas', '--check=yes'], 'option "--check" takes no value'],
    ['an extra argument', ['validate', 'a', 'b'], 'unexpected argument "b"'],
    ['an argument to a command that takes none', ['schemas', 'x'], 'unexpected argument "x"'],
  ]
  it.each(cases)('exits 2 on %s', async (_name, argv, message) => {
    const cli = io()
    expect(await runCli(argv, cli)).toBe(2)
    expect(cli.out()).toBe('')
    expect(cli.err()).toContain(message)
    expect(cli.err()).toContain(`Run "objectos ${argv[0]} --help" for usage.`)
  })
})
