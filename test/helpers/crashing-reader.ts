/** A reader thread for the pool's tests: `echo` answers its arguments, `fail` throws, `crash` ends the thread. */
import { answerCalls } from '../../api/store/reader-pool.ts';

answerCalls(
  {
    echo: (...args: unknown[]) => args,
    fail: () => {
      throw new Error('no such table: nowhere');
    },
    crash: () => process.exit(3),
  },
  () => undefined,
);
