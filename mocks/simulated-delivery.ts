/**
 * Delivery in the mocks: emails land in the outbox, except for addresses the integrator
 * chooses to fail, so that the "Not delivered" state (and retries) can be seen and tested
 * without a mail server.
 */
import { JobError } from '../api/jobs/worker.ts';
import type { Mailer } from '../api/mail/mailer.ts';

/** How the simulated mail server treats an address: refuses it for good, asks to try later, or takes it. */
export type DeliveryFailure = 'permanent' | 'temporary' | undefined;

/** The default: addresses at `undeliverable.example` are refused for good. */
export const undeliverableExample = (email: string): DeliveryFailure =>
  email.toLowerCase().endsWith('@undeliverable.example') ? 'permanent' : undefined;

/** Hands each email to `outbox`, or fails it as `failure` says, with the reasons a real mail server gives. */
export function simulatedDelivery(outbox: Mailer, failure: (email: string) => DeliveryFailure): Mailer {
  return {
    send(mail) {
      const how = failure(mail.to);
      if (how === 'permanent') {
        throw new JobError('The mail server refused it: 550 5.1.1 Mailbox unavailable (simulated)', true);
      }
      if (how === 'temporary') {
        throw new JobError('The mail server asked to try later: 451 4.3.0 Try again later (simulated)', false);
      }
      return outbox.send(mail);
    },
  };
}
