/**
 * The GraphQL type of a field that holds a value (every storage but `reference`, which becomes a
 * lookup in record-types.ts): text → String, number → Float, integer → Int, boolean → Boolean,
 * dates and times → String in ISO 8601 (said in the description), JSON → the JSON scalar, a field
 * with options → an enum of them, a multi-value field → a list.
 *
 * @example
 *   const types = new FieldTypes(typeNames)
 *   types.outputType('Opportunity', stageField) // enum OpportunityStage { prospecting … }
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLEnumValueConfigMap,
  type GraphQLOutputType,
} from './graphql-js.js'
import type { FieldNode } from '../../ir/field-node.js'
import { enumValueNameOf, NameAllocator, typeNameOf } from './graphql-names.js'
import { JsonScalar } from './json-scalars.js'

const formats: Partial<Record<FieldNode['storage'], string>> = {
  date: 'a date, YYYY-MM-DD',
  datetime: 'a timestamp in ISO 8601, UTC (2025-01-31T09:30:00.000Z)',
  time: 'a time of day, HH:MM:SS',
}

/** The description of a field in the schema: its label, and the format of dates and times. */
export function describeField(field: FieldNode): string {
  const format = formats[field.storage]
  const computed =
    field.source === 'formula' || field.source === 'summary' || field.source === 'autonumber'
      ? ` Computed (${field.source}); read-only.`
      : ''
  return `${field.label}${format === undefined ? '' : ` (${format})`}.${computed}`
}

export class FieldTypes {
  /** `typeNames` is the schema-wide allocator: enums must not collide with object types. */
  constructor(private readonly typeNames: NameAllocator) {}

  /** The output type of a value field of the object whose type is `typeName`. */
  outputType(typeName: string, field: FieldNode): GraphQLOutputType {
    if (field.name === 'id') return new GraphQLNonNull(GraphQLID)
    const item = this.itemType(typeName, field)
    return field.multiple ? new GraphQLList(new GraphQLNonNull(item)) : item
  }

  private itemType(typeName: string, field: FieldNode): GraphQLOutputType {
    if (field.options !== undefined && field.options.length > 0) {
      return this.enumType(typeName, field)
    }
    if (field.multiple) return GraphQLString
    switch (field.storage) {
      case 'number':
        return GraphQLFloat
      case 'integer':
        return GraphQLInt
      case 'boolean':
        return GraphQLBoolean
      case 'json':
        return JsonScalar
      default:
        return GraphQLString
    }
  }

  private enumType(typeName: string, field: FieldNode): GraphQLEnumType {
    const name = this.typeNames.allocate(`${typeName}${typeNameOf(field.name)}`)
    const valueNames = new NameAllocator()
    const values: GraphQLEnumValueConfigMap = {}
    for (const option of field.options ?? []) {
      values[valueNames.allocate(enumValueNameOf(option.value))] = {
        value: option.value,
        description: option.label,
      }
    }
    return new GraphQLEnumType({
      name,
      description: `The options of ${field.label}; each value is the stored option value.`,
      values,
    })
  }
}
