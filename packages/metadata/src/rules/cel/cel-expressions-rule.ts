/**
 * Every CEL expression of a document must parse, read only real fields and variables, type-check
 * against its object's field types, and return what its slot needs (true/false for conditions,
 * the declared `returnType` for formulas). See cel-scope.ts for the names each slot may read.
 */
import type { Rule } from '../rule-context.js'
import { checkCelSlot } from './check-cel-slot.js'
import { entityCelSlots } from './entity-cel-slots.js'
import { objectCelSlots } from './object-cel-slots.js'

export const celExpressionsRule: Rule = (ctx) => {
  const slots = ctx.doc.kind === 'object' ? objectCelSlots(ctx) : entityCelSlots(ctx)
  for (const slot of slots) ctx.out.push(...checkCelSlot(ctx.doc, ctx.symbols, slot))
}
