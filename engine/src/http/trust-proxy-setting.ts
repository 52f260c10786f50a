/**
 * `OBJECTOS_TRUST_PROXY`: which reverse proxies in front of `serve` may say who the client is
 * (`X-Forwarded-For`, `-Host`, `-Proto`). Unset, nobody may: the client address is the
 * connection's, whatever headers a client sends. The value becomes Fastify's `trustProxy`, so
 * `request.ip` — the address the sign-in throttle counts and the audit trail records — is then the
 * client's as the trusted proxies report it.
 *
 * - a comma-separated list of proxy addresses and CIDR ranges (`10.0.0.5`, `10.0.0.0/8`,
 *   `fd00::/8`, or `loopback`, `linklocal`, `uniquelocal`): the safe choice; hops from these are
 *   skipped, right to left, and the first other address is the client.
 * - a hop count (`1`, `2`…): the nearest n hops are trusted whatever their address — only when
 *   the server cannot be reached except through those proxies.
 * - `true`: every hop is trusted and the client is the leftmost `X-Forwarded-For` entry — only when
 *   the proxy replaces that header instead of appending to it.
 * - `false`: the default.
 *
 * Anything else is an InvalidSetting naming the variable.
 *
 * @example
 *   trustProxySetting({ OBJECTOS_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }) // ['10.0.0.0/8', '127.0.0.1']
 *   trustProxySetting({ OBJECTOS_TRUST_PROXY: '1' }) // a function trusting the nearest hop
 *   trustProxySetting({}) // false
 */
import { isIP } from 'node:net'
import { InvalidSetting } from '@objectos/errors'

export const trustProxyVariable = 'OBJECTOS_TRUST_PROXY'

/** What Fastify's `trustProxy` option receives. */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean)

/** The address ranges proxy-addr knows by name. */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal'])

export function trustProxySetting(env: Readonly<Record<string, string | undefined>>): TrustProxy {
  const raw = env[trustProxyVariable] ?? ''
  const text = raw.trim()
  if (text === '' || text.toLowerCase() === 'false') return false
  if (text.toLowerCase() === 'true') return true
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops < 1) throw invalid(raw, 'a hop count is 1 or more')
    // Fastify ignores a bare number (it cannot check the nearest peer), so the count is a
    // function: trusted hops are counted from the connection outwards.
    return (_address, hop) => hop < hops
  }
  const entries = text.split(',').map((entry) => entry.trim())
  const wrong = entries.find((entry) => !isProxyAddress(entry))
  if (wrong !== undefined) {
    throw invalid(raw, wrong === '' ? 'the list has an empty entry' : `"${wrong}" is not one`)
  }
  return entries
}

function invalid(raw: string, why: string) {
  return InvalidSetting.create(
    trustProxyVariable,
    `"${raw}" is not true, a hop count or a comma-separated list of proxy addresses and CIDR ranges (${why})`,
  )
}

/** An IP address, a CIDR range with a prefix length that fits it, or a named range. */
function isProxyAddress(entry: string): boolean {
  if (namedRanges.has(entry)) return true
  const [address = '', prefix, extra] = entry.split('/')
  const version = isIP(address)
  if (version === 0 || extra !== undefined) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)
}
