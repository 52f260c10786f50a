/**
 * The users of the restricted-user benchmark, created through the engine's record service (as
 * the system) in the platform tables every app has: one administrator, and `reps` sales reps
 * who each hold the bench app's rep position (which binds the rep permission set, and which the
 * app's sharing rule shares priority partner deals with). Nobody manages anybody, so a rep's
 * "own" records are exactly the ones whose `owner_id` is theirs. Once the deals are seeded,
 * `shareByHand` has other reps share a few of theirs with one rep, through the API, as their
 * owners would.
 */
import { repPosition } from '../data/app-metadata.js'
import { benchUserHeader } from './bench-identify.js'

/**
 * Creates the users; returns their ids.
 *
 * @example
 *   const { admin, reps } = await createBenchUsers(app.records, 20)
 *   reps.length // → 20
 */
export async function createBenchUsers(records, reps) {
  const admin = await records.create('sys_user', {
    name: 'Bench Admin',
    email: 'admin@bench.example',
    is_admin: true,
  })
  const repIds = []
  for (let i = 1; i <= reps; i++) {
    const n = String(i).padStart(2, '0')
    const rep = await records.create('sys_user', {
      name: `Bench Rep ${n}`,
      email: `rep${n}@bench.example`,
    })
    await records.create('sys_user_position', { holder: rep.id, position: repPosition })
    repIds.push(rep.id)
  }
  return { admin: admin.id, reps: repIds }
}

/**
 * Manual shares with `rep`: in each of `stages`, the largest deal that another rep owns and
 * `notShared` (a knex `where` callback) keeps, shared for reading by its owner with a
 * `POST /api/v1/data/sys_record_share` sent as that owner. Largest, so the share shows on every
 * list page of its stage. Returns the shared deals' ids.
 *
 * @example
 *   await shareByHand(origin, app.db.knex, repId, ['proposal', 'negotiation'], notByRule)
 *   // → ['019a…', '019a…']
 */
export async function shareByHand(origin, knex, rep, stages, notShared) {
  const ids = []
  for (const stage of stages) {
    const deal = await knex('deal')
      .select('id', 'owner_id')
      .where('stage', stage)
      .andWhereNot('owner_id', rep)
      .andWhere(notShared)
      .orderBy([{ column: 'amount', order: 'desc' }, 'id'])
      .first()
    if (deal === undefined) throw new Error(`bench: no deal of stage ${stage} to share`)
    const response = await fetch(`${origin}/api/v1/data/sys_record_share`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [benchUserHeader]: deal.owner_id },
      body: JSON.stringify({
        object_name: 'deal',
        record_id: deal.id,
        shared_with: rep,
        access_level: 'read',
      }),
    })
    if (response.status !== 201) {
      throw new Error(
        `bench: sharing deal ${deal.id} answered ${response.status}: ${await response.text()}`,
      )
    }
    ids.push(deal.id)
  }
  return ids
}
