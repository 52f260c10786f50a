/**
 * The position kind (`*.position.yaml`) as ObjectOS reads it: @objectstack/spec's PositionSchema
 * (a named group of users — the spec's word for a role) plus `permissionSets`, the sets bound to
 * everyone holding the position, so the binding is reviewable metadata. Users hold positions
 * through `sys_user_position` records.
 */
import { PositionSchema } from '@objectstack/spec/identity'
import { PermissionSetSchema } from '@objectstack/spec/security'
import { z } from 'zod'

export const ObjectosPositionSchema = PositionSchema.safeExtend({
  permissionSets: z
    .array(PermissionSetSchema.shape.name)
    .optional()
    .describe(
      'ObjectOS extension (not in @objectstack/spec): the permission sets everyone holding this ' +
        'position holds, by name. Sets add up with those assigned to the user directly.',
    ),
})
