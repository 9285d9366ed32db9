/**
 * Reader threads (`node:worker_threads`): work that would hold the event loop (a query that
 * reads many rows) runs on one of a few threads, and the main thread only waits for its answer.
 * Both sides of the exchange live here: {@link createReaderPool} on the main thread, and
 * {@link answerCalls} in the thread's module.
 *
 * A call goes to the thread with the fewest calls in progress; a new thread starts when every
 * one is busy and the pool has room. A thread that dies takes its calls with it: they are
 * rejected, and the next call starts a replacement. Threads hold the process open only while
 * they have work, so a pool that is never closed does not keep a script running.
 */
import { once } from 'node:events';
import { Worker, parentPort } from 'node:worker_threads';

export interface ReaderPool {
  /** Runs `method(...args)` on a reader thread; its answer, or a rejection with what it threw. */
  call(method: string, args: unknown[]): Promise<unknown>;
  /** Waits for the calls in progress, then has every thread close and end; later calls are rejected. */
  close(): Promise<void>;
}

/** Asks a thread to run its `onClose` and end. */
const CLOSE = null;

interface Call {
  id: number;
  method: string;
  args: unknown[];
}

interface Answer {
  id: number;
  ok: boolean;
  value: unknown;
}

interface Reader {
  worker: Worker;
  waiting: Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>;
}

/** Up to `size` threads running `script`, each given `workerData`. */
export function createReaderPool(script: URL, workerData: unknown, size: number): ReaderPool {
  const readers: Reader[] = [];
  const inProgress = new Set<Promise<unknown>>();
  let lastId = 0;
  let closed = false;

  function start(): Reader {
    const reader: Reader = { worker: new Worker(script, { workerData }), waiting: new Map() };
    const { worker, waiting } = reader;
    worker.unref();
    worker.on('message', ({ id, ok, value }: Answer) => {
      const call = waiting.get(id);
      waiting.delete(id);
      if (waiting.size === 0) worker.unref();
      if (ok) call?.resolve(value);
      else call?.reject(value);
    });
    worker.on('error', (error) => stopped(reader, error));
    worker.on('exit', (code) => stopped(reader, new Error(`A SQLite reader thread stopped (exit code ${code}).`)));
    readers.push(reader);
    return reader;
  }

  function stopped(reader: Reader, error: unknown) {
    const index = readers.indexOf(reader);
    if (index >= 0) readers.splice(index, 1);
    for (const call of reader.waiting.values()) call.reject(error);
    reader.waiting.clear();
  }

  function idlest(): Reader {
    const least = readers.reduce<Reader | undefined>(
      (best, reader) => (best && best.waiting.size <= reader.waiting.size ? best : reader),
      undefined,
    );
    return least && (least.waiting.size === 0 || readers.length >= size) ? least : start();
  }

  return {
    call(method, args) {
      if (closed) return Promise.reject(new Error('The store is closed.'));
      const { worker, waiting } = idlest();
      const id = ++lastId;
      // Arguments that cannot be copied to the thread throw here, which rejects the call.
      const answer = new Promise<unknown>((resolve, reject) => {
        worker.postMessage({ id, method, args } satisfies Call);
        if (waiting.size === 0) worker.ref();
        waiting.set(id, { resolve, reject });
      });
      inProgress.add(answer);
      void answer.catch(() => undefined).finally(() => inProgress.delete(answer));
      return answer;
    },
    async close() {
      closed = true;
      await Promise.allSettled(inProgress);
      await Promise.all(readers.map(({ worker }) => end(worker)));
    },
  };
}

/** Has a thread close and end; resolves when it has (the process waits for it). */
function end(worker: Worker) {
  const ended = once(worker, 'exit');
  worker.ref();
  worker.postMessage(CLOSE);
  return ended;
}

/**
 * In a reader thread: answers each call with `methods[method](...args)`, or with the error it
 * throws; when the pool closes, runs `onClose` and lets the thread end.
 */
export function answerCalls(methods: Record<string, (...args: never[]) => unknown>, onClose: () => void) {
  const port = parentPort;
  if (!port) throw new Error('answerCalls runs in a worker thread.');
  port.on('message', (call: Call | typeof CLOSE) => {
    if (call === CLOSE) {
      onClose();
      port.close();
      return;
    }
    const { id, method, args } = call;
    try {
      const run = methods[method] as ((...args: unknown[]) => unknown) | undefined;
      if (!run) throw new Error(`A reader thread has no method ${method}.`);
      port.postMessage({ id, ok: true, value: run(...args) } satisfies Answer);
    } catch (error) {
      port.postMessage({
        id,
        ok: false,
        value: error instanceof Error ? error : new Error(String(error)),
      } satisfies Answer);
    }
  });
}
