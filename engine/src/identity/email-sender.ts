/**
 * How the identity layer sends mail (email verification, password reset): one small interface
 * with three senders — SMTP (`smtp-email-sender.ts`, what `serve` uses with OBJECTOS_SMTP_URL),
 * one that keeps the messages (tests read the links from it) and one that writes them to a log (a
 * developer's machine, where the link is the point). Never log messages in production: they
 * carry one-time links.
 *
 * `backgroundEmailSender` hands messages over without making the auth request wait for them: the
 * answer to "reset my password" is then the same, just as fast, whether or not the account exists
 * and whether or not the mail server answers; a failed send is reported to its `onFailure`.
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

export interface BackgroundEmailSender extends EmailSender {
  /** Resolves once every message handed over so far is sent or has failed. */
  idle(): Promise<void>
}

/**
 * Sends through `sender` in the background: `send` resolves at once and never rejects; a failure
 * goes to `onFailure` instead of to the request that caused it (and if `onFailure` throws too,
 * that is dropped: nothing may reject where nobody awaits).
 */
export function backgroundEmailSender(
  sender: EmailSender,
  onFailure: (message: EmailMessage, error: unknown) => void,
): BackgroundEmailSender {
  const pending = new Set<Promise<void>>()
  return {
    send(message) {
      const sending = Promise.resolve()
        .then(() => sender.send(message))
        .catch((error: unknown) => onFailure(message, error))
        .catch(() => undefined)
        .finally(() => pending.delete(sending))
      pending.add(sending)
      return Promise.resolve()
    },
    async idle() {
      while (pending.size > 0) await Promise.all(pending)
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
