/**
 * What a mailer delivers, and the outbox mailer of demo mode.
 */
import type { Storage } from '../store/store.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  acceptUrl: string;
}

/** Delivers mail. The reference server uses SMTP or the outbox; the mocks the outbox. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Keeps every message in the store's outbox (demo mode). */
export function outboxMailer(store: Storage, now: () => Date): Mailer {
  return {
    send: (mail) => store.addMail({ ...mail, sentAt: now().toISOString() }),
  };
}
