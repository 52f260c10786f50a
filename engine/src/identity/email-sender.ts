/**
 * How the identity layer sends mail (email verification, password reset): one small interface,
 * so SMTP (nodemailer) can come later without touching the flows. For now two senders: one that
 * keeps the messages (tests read the links from it) and one that writes them to a log (a
 * developer's machine, where the link is the point). Never log messages in production: they
 * carry one-time links.
 *
 * @example
 *   const mail = recordingEmailSender()
 *   await createIdentity(db, { registry, emailSender: mail })
 *   mail.sent.at(-1)?.link // → 'http://…/api/v1/auth/reset-password/…'
 */

export interface EmailMessage {
  readonly kind: 'verify-email' | 'reset-password'
  readonly to: string
  readonly subject: string
  readonly text: string
  /** The one-time link the message carries. */
  readonly link: string
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>
}

export interface RecordingEmailSender extends EmailSender {
  readonly sent: readonly EmailMessage[]
}

export function recordingEmailSender(): RecordingEmailSender {
  const sent: EmailMessage[] = []
  return {
    sent,
    send(message) {
      sent.push(message)
      return Promise.resolve()
    },
  }
}

export function loggingEmailSender(log: (line: string) => void): EmailSender {
  return {
    send(message) {
      log(`mail to ${message.to}: ${message.subject} — ${message.link}`)
      return Promise.resolve()
    },
  }
}

/** The message for a flow, in plain words. */
export function composeMessage(kind: EmailMessage['kind'], to: string, link: string): EmailMessage {
  if (kind === 'verify-email') {
    return {
      kind,
      to,
      link,
      subject: 'Confirm your email address',
      text: [
        `Open this link to confirm that ${to} is your address:`,
        link,
        'If you did not sign up, ignore this message.',
      ].join('\n\n'),
    }
  }
  return {
    kind,
    to,
    link,
    subject: 'Reset your password',
    text: [
      'Open this link within an hour to choose a new password:',
      link,
      'If you did not ask for it, ignore this message: your password stays as it is.',
    ].join('\n\n'),
  }
}
