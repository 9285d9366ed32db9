/**
 * Signed webhooks: every activity event is enqueued, in the transaction that records it, as a
 * `webhook` job ordered per group, and the worker (api/jobs/worker.ts) POSTs it to
 * `WEBHOOK_URL` as `{ type, timestamp, data }` signed the Standard Webhooks way. A receiver
 * that answers other than 2xx, or not within {@link WEBHOOK_TIMEOUT_MS}, gets the same event
 * again after the worker's backoff, with the same `webhook-id`; later events of the group wait
 * for it, so a receiver sees each group's events in order. The admin's request never waits
 * for a receiver: it answers once the event and its job committed.
 */
import type { ActivityEvent } from '../../sdk/schemas.ts';
import { JobError, type JobHandlers } from '../jobs/worker.ts';
import type { ClaimedJob, NewJob } from '../store/store.ts';
import { secretBytes, signWebhook } from './signature.ts';

export const WEBHOOK_JOB = 'webhook';
/** How long a receiver has to answer one attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Where events go, and the `whsec_…` secret they are signed with. */
export interface WebhookTarget {
  url: string;
  secret: string;
}

/** What a webhook job carries: the message id and the exact body to sign and send. */
interface WebhookPayload {
  id: string;
  body: string;
}

/** The job that carries one event of a group to the receiver. */
export function webhookJob(groupId: string, event: ActivityEvent): NewJob {
  const body = JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: { groupId, ...event } });
  const payload: WebhookPayload = { id: event.id, body };
  const at = event.occurredAt;
  return {
    kind: WEBHOOK_JOB,
    groupKey: groupId,
    ordered: true,
    payload: JSON.stringify(payload),
    dueAt: at,
    createdAt: at,
  };
}

/** The handler that POSTs webhook jobs to `target`. */
export function webhookJobHandlers(target: WebhookTarget): JobHandlers {
  const key = secretBytes(target.secret);
  return { [WEBHOOK_JOB]: { perform: (job) => post(target.url, key, job) } };
}

async function post(url: string, key: Uint8Array<ArrayBuffer>, job: ClaimedJob): Promise<void> {
  const { id, body } = JSON.parse(job.payload) as WebhookPayload;
  // The receiver checks the timestamp against its own clock: wall time, not the demo clock.
  const headers = await signWebhook(key, id, Math.floor(Date.now() / 1000), body);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new JobError(timedOut ? 'The receiver did not answer in time.' : 'The receiver could not be reached.', false);
  }
  await response.body?.cancel();
  if (!response.ok) throw new JobError(`The receiver answered ${response.status}.`, false);
}
