import { describe, expect, it } from 'vitest'
import { didYouMean, didYouMeanHint, editDistance } from './did-you-mean.js'

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('lable', 'label')).toBe(1)
    expect(editDistance('ab', 'ba')).toBe(1)
  })

  it('counts inserts, deletes and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('abc', '')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })
})

describe('didYouMean', () => {
  const fieldKeys = ['label', 'name', 'type', 'required', 'defaultValue', 'description']

  it('suggests the closest candidate for a typo', () => {
    expect(didYouMean('lable', fieldKeys)).toBe('label')
    expect(didYouMean('requird', fieldKeys)).toBe('required')
    expect(didYouMean('defaultvalu', fieldKeys)).toBe('defaultValue')
    expect(didYouMean('currancy', ['text', 'number', 'currency', 'percent'])).toBe('currency')
  })

  it('compares case-insensitively', () => {
    expect(didYouMean('Label', fieldKeys)).toBe('label')
    expect(didYouMean('DEFAULTVALUE', fieldKeys)).toBe('defaultValue')
  })

  it('suggests nothing when no candidate is close', () => {
    expect(didYouMean('colour', fieldKeys)).toBeUndefined()
    expect(didYouMean('x', ['label'])).toBeUndefined()
    expect(didYouMean('anything', [])).toBeUndefined()
  })

  it('keeps short words strict: one edit at most', () => {
    expect(didYouMean('tpye', fieldKeys)).toBe('type')
    expect(didYouMean('tp', fieldKeys)).toBeUndefined()
  })

  it('never suggests the word itself', () => {
    expect(didYouMean('label', ['label'])).toBeUndefined()
  })

  it('breaks ties by the longer common prefix', () => {
    expect(didYouMean('dsc', ['asc', 'desc'])).toBe('desc')
    expect(didYouMean('dsc', ['desc', 'asc'])).toBe('desc')
  })

  it('breaks remaining ties alphabetically, whatever the candidate order', () => {
    expect(didYouMean('cat', ['hat', 'bat', 'rat'])).toBe('bat')
    expect(didYouMean('cat', ['rat', 'hat', 'bat'])).toBe('bat')
  })

  it('formats a hint', () => {
    expect(didYouMeanHint('lable', fieldKeys)).toBe('did you mean "label"?')
    expect(didYouMeanHint('zzzz', fieldKeys)).toBeUndefined()
  })
})
