/** Sends mail through an SMTP server (`SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com`). */
import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.ts';
import { smtpFailure } from './smtp-failure.ts';

/**
 * Waits at most 10 s for a connection and for the greeting, 30 s for any reply, so a mail
 * server that hangs costs one attempt (retried later), never a stuck worker.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
  };
}
