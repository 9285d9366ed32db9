/**
 * Lingering close (RFC 9112 §9.6). When the server closes a connection whose client may still be
 * sending (a body refused with 413 before it was read), closing at once makes the kernel answer the
 * unread bytes with a reset, and a reset can discard the answer before the client reads it: the
 * client sees a broken connection instead of the 413. So the server sends its answer and a FIN, then
 * goes on reading and discarding what arrives, until the client closes, `bytes` more arrived, or
 * `ms` passed; only then is the connection destroyed.
 */
import type { Server, Socket } from 'node:net';

export interface Lingering {
  /** At most this long (default 2 s). */
  ms?: number;
  /** At most this many more bytes read and discarded (default 16 MB). */
  bytes?: number;
}

/** Every connection of `server` that Node closes after an answer (`Connection: close`) lingers. */
export function lingerOnClose(server: Server, { ms = 2000, bytes = 16 * 1024 * 1024 }: Lingering = {}) {
  server.on('connection', (socket: Socket) => {
    let lingering = false;
    // Node's HTTP server closes with destroySoon(): end (the answer, then FIN), then destroy at once.
    socket.destroySoon = () => {
      if (lingering) return;
      lingering = true;
      if (socket.writable) socket.end();
      // The HTTP parser goes on reading the rest of the request and discards it; count what it read.
      const start = socket.bytesRead;
      const enough = setInterval(() => socket.bytesRead - start > bytes && socket.destroy(), 50);
      const timeUp = setTimeout(() => socket.destroy(), ms);
      socket.once('close', () => {
        clearInterval(enough);
        clearTimeout(timeUp);
      });
    };
  });
}
