import { describe, expect, it } from 'vitest'
import { compileFiles } from '../load/load-app.js'
import { authActions } from './auth-event.js'

describe('auth event actions', () => {
  it('are each an option of sys_audit_event.action, so the trail can store and show them', () => {
    const result = compileFiles([{ path: 'objectos.yaml', content: 'name: audit_actions\n' }])
    if (!result.ok) throw new Error('the platform metadata does not compile')
    const action = result.registry.object('sys_audit_event').fields.get('action')
    const values = (action?.options ?? []).map((option) => option.value)
    expect(values.filter((value) => !['create', 'update', 'delete'].includes(value))).toEqual([
      ...authActions,
    ])
  })
})
