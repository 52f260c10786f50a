/**
 * Services plugins provide to each other by name (`data`, `registry`, later `auth`, `jobs`). A
 * plugin that needs a service declares the providing plugin as a dependency, so the service
 * exists by the time its `init` runs.
 *
 * @example
 *   services.provide('clock', { now: () => new Date() })
 *   services.get<Clock>('clock').now()
 */
import { UnknownService } from '@objectos/errors'

export interface ServiceRegistry {
  provide<T>(name: string, service: T): void
  get<T>(name: string): T
  has(name: string): boolean
}

export function createServiceRegistry(): ServiceRegistry {
  const services = new Map<string, unknown>()
  return {
    provide(name, service) {
      if (services.has(name)) throw new Error(`the service "${name}" is provided twice`)
      services.set(name, service)
    },
    get<T>(name: string): T {
      if (!services.has(name)) throw UnknownService.create(name)
      return services.get(name) as T
    },
    has: (name) => services.has(name),
  }
}
