/** The engine's intermediate representation: frozen nodes with a `kind` discriminant. */
export * from './field-node.js'
export * from './object-node.js'
export type * from './validation-node.js'
export type * from './program.js'
export type * from './definition-node.js'
