/**
 * A real SMTP server on loopback (the `smtp-server` package) for delivery tests. It keeps
 * each message it accepted; `refuse` can turn a recipient down (4xx: try later, 5xx: never),
 * and past `holdAfter` messages it stops acknowledging them, as a server
 * that stalls mid-delivery does.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string;
  data: string;
}

/** A refusal: the reply code and text the server answers `RCPT TO` with. */
export interface Refusal {
  code: number;
  text: string;
}

export interface SmtpServerOptions {
  refuse?: (to: string, attempt: number) => Refusal | undefined;
  /** Acknowledges this many messages, then holds every later one. */
  holdAfter?: number;
}

export async function startSmtpServer(options: SmtpServerOptions = {}) {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      const attempt = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, attempt);
      const refusal = options.refuse?.(to, attempt);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // A held message is never acknowledged: by SMTP's rules the server did not take it.
        if (received.length >= (options.holdAfter ?? Infinity)) return;
        for (const to of session.envelope.rcptTo) {
          received.push({ to: to.address.toLowerCase(), data: Buffer.concat(chunks).toString('utf8') });
        }
        callback();
      });
    },
  });
  // A client that dies mid-session (a SIGKILLed server) resets its connection: that is what the
  // tests do on purpose, not a failure of the mail server, so it must not become an uncaught error.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    /** Attempts (`RCPT TO`) made for an address. */
    attemptsFor: (to: string) => attempts.get(to) ?? 0,
    /** Acknowledges messages again, however many came before. */
    release: () => void (options.holdAfter = Infinity),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
