/**
 * Email for a machine without a mail server: each message is written to the CMS log, whole, so a
 * password-reset link can be followed locally. A deployment with a mail relay sets SMTP_URL
 * (./smtpEmail) instead.
 */
import type { EmailAdapter, SendEmailOptions } from 'payload'

type Recipients = SendEmailOptions['to']

/** Every address in a recipient list, however nested (nodemailer accepts strings, objects and arrays of both). */
const addresses = (value: Recipients): string => {
  const list: unknown[] = Array.isArray(value) ? value.flat(2) : value === undefined ? [] : [value]
  return list.map((a) => (typeof a === 'string' ? a : (a as { address: string }).address)).join(', ')
}

/** Tags dropped and the link targets kept in the text, so the log line is readable and complete. */
const plainText = (html: string): string =>
  html
    .replace(/<a\b[^>]*href="([^"]*)"[^>]*>[\s\S]*?<\/a>/gi, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

export function consoleEmail({ fromAddress, fromName, log = console.log }: { fromAddress: string; fromName: string; log?: (line: string) => void }): EmailAdapter {
  return () => ({
    name: 'console',
    defaultFromAddress: fromAddress,
    defaultFromName: fromName,
    sendEmail: async (message) => {
      const body = typeof message.html === 'string' ? plainText(message.html) : typeof message.text === 'string' ? message.text : ''
      log(`[cms] email to ${addresses(message.to)}: ${message.subject ?? '(no subject)'}\n${body}`)
      return { accepted: addresses(message.to) }
    },
  })
}
