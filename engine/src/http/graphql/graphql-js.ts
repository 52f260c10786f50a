/**
 * graphql-js, imported by its CommonJS entry — the one Mercurius `require`s. The package also
 * ships an ESM build (`index.mjs`) that bundler-style resolvers such as Vitest's prefer; a schema
 * built with one copy is rejected by the other ("Cannot use GraphQLSchema from another module or
 * realm"). Every module here imports graphql through this file, so there is one copy everywhere.
 */
export * from 'graphql/index.js'
