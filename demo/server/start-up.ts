/**
 * Start-up failures an operator fixes in the configuration: one line on stderr naming the
 * variable and its value, exit code 1, no stack trace.
 */
import type { Server } from 'node:net';

/** Says what is wrong with the configuration and stops the process. */
export function refuseToStart(message: string): never {
  console.error(`Manage Users server not started: ${message}`);
  process.exit(1);
}

/** Listens on `host:port`; a port in use or not allowed stops the process, naming `PORT`. */
export async function listenOn(server: Server, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      refuseToStart(`PORT=${port} is already in use on ${host}: stop what uses it or set another PORT.`);
    if (code === 'EACCES')
      refuseToStart(`PORT=${port} is not allowed for this user on ${host}: set a PORT above 1023.`);
    throw error;
  }
}

/** Opens the database with `open`; a SQLite file that cannot be opened stops the process, naming `DATABASE`. */
export async function openDatabase<T>(open: () => Promise<T>, file: string): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof Error && /unable to open database file/.test(error.message))
      refuseToStart(
        `DATABASE=${file} cannot be opened: check that its folder exists and that this user may write there.`,
      );
    throw error;
  }
}
