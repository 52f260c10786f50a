#!/usr/bin/env node
// The installed `objectos` command. The CLI is written in TypeScript and built into dist/ by
// `npm ci` (the root `prepare` script); this file stays plain JavaScript so npm can link it
// before that build has run.
import '../dist/cli/bin.js'
