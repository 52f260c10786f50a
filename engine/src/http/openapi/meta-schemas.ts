/**
 * The component schemas of the metadata routes: an object as meta/describe-object.ts describes
 * it (`ObjectDescription`, its `FieldDescription`s and `ChildRelation`s), a compile problem
 * (`Diagnostic`, the one shape of packages/metadata) and a definition of another kind
 * (`Definition`: a view, page, app, …).
 */
import type { JsonSchema } from './field-schema.js'
import { schemaRef } from './path-parts.js'

const text = (description: string): JsonSchema => ({ type: 'string', description })
const flag = (description: string): JsonSchema => ({ type: 'boolean', description })
const deleteBehavior: JsonSchema = {
  type: 'string',
  enum: ['set_null', 'cascade', 'restrict'],
  description: 'What deleting the parent does to the records that point at it.',
}

const fieldDescription: JsonSchema = {
  type: 'object',
  description:
    'One field with what a form or a column needs. The optional keys appear only when the ' +
    'field declares them.',
  required: [
    'name',
    'label',
    'type',
    'required',
    'readonly',
    'system',
    'computed',
    'multiple',
    'unique',
    'searchable',
    'editable',
  ],
  properties: {
    name: text('The field name, as in the API.'),
    label: text('The label shown to people.'),
    type: text('The metadata field type, e.g. `text`, `currency`, `lookup`.'),
    required: flag('A create must give a value (or the field has a default).'),
    readonly: flag('No write may set it: system and computed fields, and declared read-only.'),
    system: flag('Filled by the server: id, timestamps, owner, version.'),
    computed: flag('A formula, roll-up summary or autonumber.'),
    multiple: flag('Holds a list of values (multiselect, checkboxes, tags).'),
    unique: flag('No two records may have the same value.'),
    searchable: flag('Matched by the `search` parameter of a list.'),
    editable: flag('The caller may set it (its permission sets grant editing it).'),
    minLength: { type: 'integer', minimum: 0 },
    maxLength: { type: 'integer', minimum: 0 },
    min: { type: 'number' },
    max: { type: 'number' },
    scale: { type: 'integer', minimum: 0, description: 'Decimal places kept.' },
    options: {
      type: 'array',
      description: 'The choices of a select, multiselect, radio, checkboxes or tags field.',
      items: {
        type: 'object',
        required: ['value', 'label'],
        properties: { value: { type: 'string' }, label: { type: 'string' } },
      },
    },
    reference: {
      type: 'object',
      description: 'The object a lookup or master-detail field points at.',
      required: ['object', 'masterDetail', 'deleteBehavior'],
      properties: { object: { type: 'string' }, masterDetail: { type: 'boolean' }, deleteBehavior },
    },
    returnType: {
      type: 'string',
      enum: ['number', 'text', 'boolean', 'date'],
      description: 'The type of the value a formula computes.',
    },
    summary: {
      type: 'object',
      description: 'What a roll-up summary aggregates: `fn` of `childField` over the children.',
      required: ['childObject', 'relationshipField', 'fn'],
      properties: {
        childObject: { type: 'string' },
        relationshipField: { type: 'string' },
        fn: { type: 'string', enum: ['count', 'sum', 'min', 'max', 'avg'] },
        childField: { type: 'string', description: 'Absent for `count`.' },
      },
    },
  },
}

export const metaSchemas: Readonly<Record<string, JsonSchema>> = {
  ObjectDescription: {
    type: 'object',
    description:
      'An object as the generated UI and Studio read it: labels, the fields the caller may read, ' +
      'what the caller may do, and the objects that point at it.',
    required: [
      'name',
      'label',
      'pluralLabel',
      'nameField',
      'sharingModel',
      'access',
      'fields',
      'children',
    ],
    properties: {
      name: text('The object name, as in `/api/v1/data/{name}`.'),
      label: { type: 'string' },
      pluralLabel: { type: 'string' },
      nameField: {
        type: ['string', 'null'],
        description: 'The field that names a record in lists and lookups.',
      },
      sharingModel: {
        type: 'string',
        enum: ['private', 'public_read', 'public_read_write'],
        description: 'Who sees a record before permission sets widen it.',
      },
      access: {
        type: 'object',
        description: "The caller's rights on the object's records.",
        required: ['read', 'create', 'edit', 'delete'],
        properties: {
          read: { type: 'boolean' },
          create: { type: 'boolean' },
          edit: { type: 'boolean' },
          delete: { type: 'boolean' },
        },
      },
      fields: { type: 'array', items: schemaRef('FieldDescription') },
      children: { type: 'array', items: schemaRef('ChildRelation') },
    },
  },
  FieldDescription: fieldDescription,
  ChildRelation: {
    type: 'object',
    description: 'A lookup or master-detail field of another object that points at this one.',
    required: ['object', 'field', 'masterDetail', 'deleteBehavior'],
    properties: {
      object: text('The child object.'),
      field: text('Its field that points here.'),
      masterDetail: { type: 'boolean' },
      deleteBehavior,
    },
  },
  Diagnostic: {
    type: 'object',
    description:
      'A problem of the metadata, pointing at the YAML: the same value `objectos validate` ' +
      'prints and Studio underlines.',
    required: ['code', 'severity', 'message', 'file', 'line', 'column', 'path'],
    properties: {
      code: { type: 'string', pattern: '^OOS_[A-Z0-9_]+$', examples: ['OOS_SCHEMA_UNKNOWN_KEY'] },
      severity: { type: 'string', enum: ['error', 'warning'] },
      message: text('One sentence, without the location.'),
      file: text('The file, relative to the app folder.'),
      line: { type: 'integer', minimum: 1 },
      column: { type: 'integer', minimum: 1 },
      path: {
        type: 'array',
        description: 'Where in the document: mapping keys and list indexes.',
        items: { type: ['string', 'integer'] },
      },
      hint: text('A suggestion, e.g. `did you mean "label"?`.'),
    },
  },
  Definition: {
    type: 'object',
    description: 'One definition of a metadata kind other than objects, as validated.',
    required: ['name', 'file', 'definition'],
    properties: {
      name: { type: 'string' },
      file: text('The file it comes from, relative to the app folder.'),
      definition: {
        type: 'object',
        description:
          'The definition as written in the YAML file (see the JSON Schema of its kind).',
        additionalProperties: true,
      },
    },
  },
}
