/**
 * How the identity layer sends mail (email verification, password reset, invitations to an
 * organization): one small interface
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
  readonly kind: 'verify-email' | 'reset-password' | 'invitation'
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

/** What an invitation says: the organization, who invites, as what. */
export interface InvitationDetails {
  readonly organization: string
  readonly inviter: string
  readonly role: string
}

/** Names chosen by users, on one line and not too long (they go into a subject). */
function oneLine(text: string, length = 100): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}

/**
 * The message for a flow, in plain words. An invitation names the organization, the inviter and
 * the role (`details`); its link leads to the app's page that accepts it.
 */
export function composeMessage(
  kind: EmailMessage['kind'],
  to: string,
  link: string,
  details?: InvitationDetails,
): EmailMessage {
  if (kind === 'invitation') {
    const organization = oneLine(details?.organization ?? 'an organization')
    const inviter = oneLine(details?.inviter ?? 'Someone')
    const role = oneLine(details?.role ?? 'member', 40)
    return {
      kind,
      to,
      link,
      subject: `Invitation to join ${organization}`,
      text: [
        `${inviter} invited you to join ${organization} as ${role}.`,
        `Open this link within 48 hours, signed in as ${to}, to accept or decline:`,
        link,
        'If you did not expect it, ignore this message: nothing changes until you accept.',
      ].join('\n\n'),
    }
  }
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
