/**
 * Why an email could not be sent, in a few words people can read (never a stack trace or the
 * SMTP URL's credentials), and whether trying again later can help: SMTP 4xx replies,
 * refused connections and timeouts are temporary; 5xx replies are permanent.
 */
import { JobError } from '../jobs/worker.ts';

interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/** The mail server's reply, cut short, on one line. */
function replyOf(error: SmtpError): string {
  return (typeof error.response === 'string' ? error.response : '').replace(/\s+/g, ' ').trim().slice(0, 160);
}

export function smtpFailure(thrown: unknown): JobError {
  const error: SmtpError = typeof thrown === 'object' && thrown !== null ? thrown : {};
  const status = Number(error.responseCode);
  if (status >= 500 && status < 600) return new JobError(`The mail server refused it: ${replyOf(error)}`, true);
  if (status >= 400 && status < 500)
    return new JobError(`The mail server asked to try later: ${replyOf(error)}`, false);
  if (error.code === 'ETIMEDOUT') return new JobError('The mail server did not answer in time.', false);
  if (error.code === 'ECONNECTION' || error.code === 'ESOCKET' || error.code === 'EDNS') {
    return new JobError('The mail server could not be reached.', false);
  }
  return new JobError('The email could not be handed to the mail server.', false);
}
