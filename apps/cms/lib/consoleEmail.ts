/**
 * Email for a machine without a mail server: each message is written to the CMS log, whole, so a
 * password-reset link can be followed locally. No SMTP transport is bundled with this release; a
 * deployment that must send mail plugs a Payload email adapter in next to this one.
 */
import type { EmailAdapter, SendEmailOptions } from 'payload'

const addresses = (value: SendEmailOptions['to']): string => {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.map((a) => (typeof a === 'string' ? a : a.address)).join(', ')
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
