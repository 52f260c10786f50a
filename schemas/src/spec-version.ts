/**
 * The @objectstack/spec version the committed schemas were generated from. Kept as a constant so
 * the isomorphic entry point need not load the spec; a test checks it against the installed spec.
 */
export const specVersion = '17.4.0'
