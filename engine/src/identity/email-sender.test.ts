import { describe, expect, it } from 'vitest'
import { composeMessage } from './email-sender.js'
import { invitationLink } from './organizations.js'

describe('invitation mail', () => {
  it('names the organization, the inviter and the role, and carries the link', () => {
    const link = invitationLink('https://crm.example.com/', '/accept-invitation', '0197-abc')
    expect(link).toBe('https://crm.example.com/accept-invitation?invitationId=0197-abc')
    const message = composeMessage('invitation', 'bob@example.com', link, {
      organization: 'Acme',
      inviter: 'Ann',
      role: 'admin',
    })
    expect(message).toMatchObject({
      kind: 'invitation',
      to: 'bob@example.com',
      link,
      subject: 'Invitation to join Acme',
    })
    expect(message.text).toContain('Ann invited you to join Acme as admin.')
    expect(message.text).toContain(link)
  })

  it('keeps names chosen by users on one short line', () => {
    const message = composeMessage('invitation', 'bob@example.com', 'https://x/a?invitationId=1', {
      organization: `Acme\r\nBcc: everyone@example.com ${'x'.repeat(200)}`,
      inviter: 'Ann',
      role: 'member',
    })
    expect(message.subject).not.toMatch(/[\r\n]/)
    expect(message.subject.length).toBeLessThanOrEqual(120)
  })

  it('keeps a path of the base URL in the link', () => {
    expect(invitationLink('https://example.com/crm', 'join', 'id/1')).toBe(
      'https://example.com/crm/join?invitationId=id%2F1',
    )
  })
})
