/**
 * Email over SMTP (password resets, account notices) through nodemailer, for deployments with a
 * mail relay. `SMTP_URL` carries host, port, security and credentials in one value
 * (`smtps://user:pass@mail.example:465`, `smtp://relay.internal:25`), nodemailer's own format.
 */
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

export function smtpEmail({ url, fromAddress, fromName }: { url: string; fromAddress: string; fromName: string }): EmailAdapter {
  const transport = nodemailer.createTransport(url)
  return () => ({
    name: 'smtp',
    defaultFromAddress: fromAddress,
    defaultFromName: fromName,
    sendEmail: async (message) => transport.sendMail({ from: { address: fromAddress, name: fromName }, ...message }),
  })
}
