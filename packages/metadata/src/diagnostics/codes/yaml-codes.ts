/**
 * Codes for the YAML layer: syntax, and the safety rules every metadata file must follow — one
 * document, a mapping at the root, no custom tags, no merge keys, bounded aliases and nesting,
 * and no keys that could reach an object's prototype.
 */
import { defineCodes } from '../diagnostic-spec.js'

export const yamlCodes = defineCodes({
  OOS_YAML_SYNTAX: {
    severity: 'error',
    summary: 'The text is not valid YAML; the message says what the YAML parser expected.',
    message: (detail: string) => `YAML syntax error: ${detail}`,
  },
  OOS_YAML_DUPLICATE_KEY: {
    severity: 'error',
    summary:
      'A mapping has the same key twice; the later one would silently win, so it is refused.',
    message: (key: string) => `duplicate key "${key}"`,
  },
  OOS_YAML_MULTIPLE_DOCUMENTS: {
    severity: 'error',
    summary: 'The file holds more than one YAML document (`---`); one entity per file.',
    message: () => 'file holds more than one YAML document; put each entity in its own file',
  },
  OOS_YAML_ROOT_NOT_MAPPING: {
    severity: 'error',
    summary: 'The top level of a metadata file must be a mapping (`key: value` lines).',
    message: (found: string) => `the top level must be a mapping of keys, found ${found}`,
  },
  OOS_YAML_TAG: {
    severity: 'error',
    summary:
      'An explicit YAML tag other than the core `!!str !!int !!float !!bool !!null !!map !!seq` is used; custom and language tags (`!foo`, `!!binary`, `!!set`, `!!timestamp`) are refused.',
    message: (tag: string) => `tag "${tag}" is not allowed; only plain YAML values are`,
  },
  OOS_YAML_FORBIDDEN_KEY: {
    severity: 'error',
    summary:
      'A key named `__proto__`, `constructor` or `prototype` could tamper with JavaScript objects and is refused anywhere in a file.',
    message: (key: string) => `key "${key}" is not allowed`,
  },
  OOS_YAML_MERGE_KEY: {
    severity: 'error',
    summary:
      'Merge keys (`<<: *base`) are not supported: write the keys out, or reuse a whole value with an alias.',
    message: () => 'merge keys ("<<") are not supported',
  },
  OOS_YAML_COMPLEX_KEY: {
    severity: 'error',
    summary: 'A mapping key is a list, a mapping or an alias; keys must be plain text.',
    message: () => 'mapping keys must be plain text, not a list, mapping or alias',
  },
  OOS_YAML_ALIAS_UNDEFINED: {
    severity: 'error',
    summary: 'An alias (`*name`) refers to an anchor (`&name`) that is not defined before it.',
    message: (name: string) => `alias "*${name}" has no anchor "&${name}" before it`,
  },
  OOS_YAML_ALIAS_CYCLE: {
    severity: 'error',
    summary: 'An alias sits inside the very node its anchor names, so the value would be endless.',
    message: (name: string) => `alias "*${name}" refers to a node that contains it`,
  },
  OOS_YAML_ALIAS_LIMIT: {
    severity: 'error',
    summary:
      'Aliases expand to more nodes than the limit ("billion laughs"); the file is refused before it is expanded.',
    message: (name: string, limit: number) =>
      `aliases expand to more than ${limit} nodes (at "*${name}")`,
  },
  OOS_YAML_TOO_DEEP: {
    severity: 'error',
    summary: 'Lists and mappings are nested deeper than the limit of 100 levels.',
    message: (limit: number) => `lists and mappings are nested more than ${limit} levels deep`,
  },
})
