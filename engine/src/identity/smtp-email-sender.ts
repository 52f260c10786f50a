/**
 * Verification and password-reset mail over SMTP (nodemailer), as `serve` sends it when
 * `OBJECTOS_SMTP_URL` is set: `smtp://user:password@mail.example.com:587` (STARTTLS when the
 * server offers it) or `smtps://…:465` (TLS from the start), from `OBJECTOS_MAIL_FROM`. Messages
 * are plain text, as `composeMessage` words them. A malformed URL or a missing or malformed sender
 * address is an InvalidSetting naming the variable — never echoing the URL, which carries the
 * password.
 *
 * @example
 *   const settings = smtpSettings(process.env) // undefined when OBJECTOS_SMTP_URL is not set
 *   const mail = settings === undefined ? undefined : smtpEmailSender(settings)
 *   await mail?.send(composeMessage('reset-password', 'ann@example.com', link))
 */
import { InvalidSetting } from '@objectos/errors'
import nodemailer from 'nodemailer'
import addressparser from 'nodemailer/lib/addressparser'
import { isEmailAddress } from './create-identity.js'
import type { EmailSender } from './email-sender.js'

export const smtpUrlVariable = 'OBJECTOS_SMTP_URL'
export const mailFromVariable = 'OBJECTOS_MAIL_FROM'

type Env = Readonly<Record<string, string | undefined>>

export interface SmtpSettings {
  /** `smtp://` or `smtps://`, with the credentials and any nodemailer options as query. */
  readonly url: string
  /** The From header: `noreply@example.com` or `ObjectOS <noreply@example.com>`. */
  readonly from: string
}

export interface SmtpEmailSender extends EmailSender {
  /** `host:port` of the mail server, without credentials (for logs). */
  readonly server: string
  /** Closes the transport's connections. */
  close(): void
}

/** Seconds the sender waits on the mail server, unless the URL's query says otherwise. */
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 }

/** The SMTP settings from the environment; undefined when OBJECTOS_SMTP_URL is not set. */
export function smtpSettings(env: Env): SmtpSettings | undefined {
  const url = env[smtpUrlVariable]?.trim() ?? ''
  if (url === '') return undefined
  smtpServer(url)
  const from = env[mailFromVariable]?.trim() ?? ''
  if (from === '') {
    throw InvalidSetting.create(
      mailFromVariable,
      `it is required with ${smtpUrlVariable}: the address mail comes from, such as "ObjectOS <noreply@example.com>"`,
    )
  }
  if (!isSenderAddress(from)) {
    throw InvalidSetting.create(
      mailFromVariable,
      `"${from}" is not one email address such as noreply@example.com or "ObjectOS <noreply@example.com>"`,
    )
  }
  return { url, from }
}

export function smtpEmailSender(settings: SmtpSettings): SmtpEmailSender {
  const server = smtpServer(settings.url)
  const transport = nodemailer.createTransport({ ...timeouts, url: settings.url })
  return {
    server,
    async send(message) {
      const info = await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      })
      if (info.rejected.length > 0) {
        throw new Error(`the mail server refused the recipient: ${info.response}`)
      }
    },
    close() {
      transport.close()
    },
  }
}

/** `host:port` of an SMTP URL; an InvalidSetting when it is not one (the URL is not repeated). */
function smtpServer(text: string): string {
  const example = 'such as smtp://user:password@mail.example.com:587 or smtps://…:465'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw InvalidSetting.create(smtpUrlVariable, `it is not a URL; give one ${example}`)
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw InvalidSetting.create(
      smtpUrlVariable,
      `it must start with smtp:// or smtps://, not ${url.protocol}//; give a URL ${example}`,
    )
  }
  if (url.hostname === '') {
    throw InvalidSetting.create(smtpUrlVariable, `it names no mail server; give a URL ${example}`)
  }
  const port = url.port === '' ? (url.protocol === 'smtps:' ? '465' : '587') : url.port
  return `${url.hostname}:${port}`
}

/** One mailbox, with or without a display name, and nothing that could end the header. */
function isSenderAddress(text: string): boolean {
  if (/[\r\n]/.test(text)) return false
  const parsed = addressparser(text)
  const only = parsed.length === 1 ? parsed[0] : undefined
  return only?.address !== undefined && isEmailAddress(only.address)
}
