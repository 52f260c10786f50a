/**
 * Codes for the app folder as a whole: what must be there before any single file can be judged.
 */
import { defineCodes } from '../diagnostic-spec.js'

export const appCodes = defineCodes({
  OOS_APP_NO_MANIFEST: {
    severity: 'error',
    summary:
      'The app folder has no `objectos.yaml` manifest at its root; the manifest names the app and marks the folder as one.',
    message: () => 'the app folder has no objectos.yaml manifest',
  },
  OOS_APP_EMPTY: {
    severity: 'error',
    summary:
      'The app folder holds no metadata files at all (no `*.yaml` or `*.yml`), so there is nothing to validate or run.',
    message: () => 'no metadata files found in the app folder',
  },
})
