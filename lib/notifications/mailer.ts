import nodemailer from "nodemailer";

// Delivery through SMTP (SPEC §12). The notify core takes any Mailer, so tests and the outbox
// need no network; this is the production one, built from SMTP_URL (smtp:// or smtps://).
export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
};

export type Mailer = { send: (mail: OutgoingMail) => Promise<{ messageId: string | null }> };

export function smtpMailer(url: string): Mailer {
  // Short timeouts: a dead server must fail the attempt (and schedule a retry), not hang the run.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers,
      });
      return { messageId: typeof info.messageId === "string" ? info.messageId : null };
    },
  };
}
