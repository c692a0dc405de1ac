import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Files sent along (e.g. a meeting's iCal invitation); nodemailer takes this shape as is. */
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  /** True when an SMTP server is configured; otherwise mails are only logged. */
  readonly configured: boolean;
  send(mail: OutgoingMail): Promise<void>;
}

/** SMTP mailer when SMTP_URL is set, otherwise a logger so links still reach the admin. */
export function createMailer(smtpUrl: string | undefined, from: string, log: FastifyBaseLogger): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      send: async (mail) => {
        log.info({ to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments?.map((file) => file.filename) }, 'e-mail not sent (no SMTP_URL configured)');
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}
