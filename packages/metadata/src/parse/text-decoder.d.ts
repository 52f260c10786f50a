/**
 * The WHATWG TextDecoder, which both Node and browsers provide as a global. Declared here because
 * this package compiles without DOM or Node typings, to keep it honest about being isomorphic.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  decode(input?: Uint8Array): string
}
