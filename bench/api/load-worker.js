/**
 * The load generator's child process: runs autocannon against the URL each message names and
 * answers with the measurement. It lives in its own process so the HTTP client's work does not
 * share an event loop with the server being measured. Latencies are taken from autocannon's
 * `response` event (microsecond resolution) rather than its histogram, which records whole
 * milliseconds; p50/p95/p99 are computed from every response of the measurement.
 *
 * Message in:  { id, origin, requests, connections, seconds }; a request is a GET path, or
 *              { method, path, headers, body } (the GraphQL POSTs)
 * Message out: { id, result: { requests, seconds, reqPerSec, p50Ms, p95Ms, p99Ms, … } }
 *              or { id, error }
 */
import autocannon from 'autocannon'
import { percentile } from '../data/measure.js'

/** A request as autocannon takes it. */
const toRequest = (request) =>
  typeof request === 'string' ? { method: 'GET', path: request } : request

function measure({ origin, requests, connections, seconds }) {
  const all = requests.map(toRequest)
  return new Promise((resolve, reject) => {
    let latencies = new Float64Array(1 << 16)
    let count = 0
    let client = 0
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        requests: all,
        // Each connection walks the requests from its own starting point, so the connections do
        // not ask for the same page at the same moment.
        setupClient(c) {
          const offset = Math.floor((client++ * all.length) / connections)
          c.setRequests([...all.slice(offset), ...all.slice(0, offset)])
        },
      },
      (error, result) => {
        if (error) return reject(error)
        const measured = latencies.subarray(0, count)
        resolve({
          requests: result.requests.total,
          seconds: result.duration,
          reqPerSec: result.requests.total / result.duration,
          p50Ms: percentile(measured, 50),
          p95Ms: percentile(measured, 95),
          p99Ms: percentile(measured, 99),
          p97_5MsAutocannon: result.latency.p97_5,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          bytes: result.throughput.total,
        })
      },
    )
    instance.on('response', (_client, _status, _bytes, ms) => {
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2)
        grown.set(latencies)
        latencies = grown
      }
      latencies[count++] = ms
    })
  })
}

process.on('message', (message) => {
  measure(message).then(
    (result) => process.send({ id: message.id, result }),
    (error) => process.send({ id: message.id, error: String(error?.stack ?? error) }),
  )
})
