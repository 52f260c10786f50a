/**
 * The notification kind (`*.notification.yaml`). @objectstack/spec has no notification metadata
 * kind, so ObjectOS defines it here, built from spec parts: identifiers and object names use the
 * spec's patterns, channels are a subset of the spec's NotificationChannelSchema.
 */
import { z } from 'zod'
import { ObjectSchema, FieldSchema } from '@objectstack/spec/data'
import { SnakeCaseIdentifierSchema } from '@objectstack/spec/shared'
import { NotificationChannelSchema } from '@objectstack/spec/system'

/** The record events a notification can fire on. */
const recordEvent = z.enum(['create', 'update', 'delete'])

/** Channels ObjectOS delivers; the spec's channel enum names more than the engine implements. */
const channel = NotificationChannelSchema.extract(['email', 'in-app'])

const fieldName = FieldSchema.shape.name.unwrap().describe('A field of the notification object')
const identifier = SnakeCaseIdentifierSchema

const recipients = z
  .strictObject({
    fields: z
      .array(fieldName)
      .min(1)
      .optional()
      .describe('Fields of the record holding a user (lookup to users) or an email address'),
    users: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Explicit users, by email address'),
    roles: z.array(identifier).min(1).optional().describe('Every user holding one of these roles'),
    permissionSets: z
      .array(identifier)
      .min(1)
      .optional()
      .describe('Every user assigned one of these permission sets'),
  })
  .describe('Who receives the notification; at least one recipient source is required')
  .meta({ minProperties: 1 })

/** The zod schema of a notification definition. */
export const NotificationSchema = z
  .strictObject({
    name: identifier.describe('Unique notification name (snake_case)'),
    label: z.string().min(1).optional().describe('Human readable name'),
    description: z.string().optional().describe('What the notification is for'),
    object: ObjectSchema.shape.name.describe('The object whose records trigger the notification'),
    events: z.array(recordEvent).min(1).describe('Record events that send the notification'),
    condition: z
      .string()
      .min(1)
      .optional()
      .describe('CEL predicate over the record; the notification is sent only when it is true'),
    channels: z.array(channel).min(1).describe('Delivery channels'),
    recipients,
    subject: z
      .string()
      .min(1)
      .describe('Subject template; {{field}} placeholders are replaced with record values'),
    body: z
      .string()
      .min(1)
      .describe('Body template; {{field}} placeholders are replaced with record values'),
  })
  .describe(
    'An ObjectOS notification: who is told, how, and when a record changes. Defined by ObjectOS ' +
      '(@objectstack/spec has no notification kind) from spec parts: identifier patterns from ' +
      '@objectstack/spec/shared and /data, channels from @objectstack/spec/system ' +
      'NotificationChannelSchema.',
  )
