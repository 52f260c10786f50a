/**
 * How hard sign-in is throttled. Two limits, both kept in the database so every process on it
 * counts together: requests per client address (better-auth's rate limiter), and failed
 * sign-ins per account (the lockout: after `accountFailures` failures within `accountWindow`
 * seconds, sign-in for that email is refused for `accountLock` seconds, whatever the password).
 * The first refusal per address and route (per email for a lock) in each window is audited
 * (auth-refusals.ts).
 *
 * @example
 *   createIdentity(db, { registry, throttle: { accountFailures: 3 } })
 */

export interface RateRule {
  /** Seconds. */
  readonly window: number
  /** Requests allowed per client address in one window. */
  readonly max: number
}

export interface ThrottleSettings {
  /** Every auth route, per client address. */
  readonly perAddress: RateRule
  /** Sign-in, sign-up and password changes, per client address and route. */
  readonly signInPerAddress: RateRule
  /** Failed sign-ins for one email before it is locked. */
  readonly accountFailures: number
  /** Seconds within which the failures are counted. */
  readonly accountWindow: number
  /** Seconds the email stays locked. */
  readonly accountLock: number
}

export const defaultThrottle: ThrottleSettings = Object.freeze({
  perAddress: { window: 60, max: 100 },
  signInPerAddress: { window: 60, max: 10 },
  accountFailures: 5,
  accountWindow: 15 * 60,
  accountLock: 15 * 60,
})

export function throttleSettings(given: Partial<ThrottleSettings> = {}): ThrottleSettings {
  return { ...defaultThrottle, ...given }
}
