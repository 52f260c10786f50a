/**
 * The app manifest (`objectos.yaml`), one per app folder. The spec's package manifest describes
 * plugin packaging ObjectOS does not do, so ObjectOS defines its own small manifest and borrows the
 * spec's identifier and semantic-version patterns.
 */
import { z } from 'zod'
import { ManifestSchema } from '@objectstack/spec/kernel'
import { SnakeCaseIdentifierSchema } from '@objectstack/spec/shared'

/** The zod schema of `objectos.yaml`. */
export const AppManifestSchema = z
  .strictObject({
    name: SnakeCaseIdentifierSchema.describe('Machine name of the app (snake_case)'),
    label: z.string().min(1).optional().describe('Human readable name of the app'),
    description: z.string().optional().describe('What the app is for'),
    version: ManifestSchema.shape.version.optional(),
  })
  .describe(
    'The ObjectOS app manifest (objectos.yaml). Defined by ObjectOS; name and version reuse the ' +
      'patterns of @objectstack/spec/shared SnakeCaseIdentifierSchema and @objectstack/spec/kernel ' +
      'ManifestSchema.',
  )
