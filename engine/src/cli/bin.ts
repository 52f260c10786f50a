#!/usr/bin/env node
/**
 * The `objectos` executable: the command line of @objectos/cli plus the commands that need the
 * engine (a database, the compiled app).
 */
import { runBin } from '@objectos/cli'
import { engineCommandTable } from './command-table.js'

await runBin(engineCommandTable)
