/**
 * Runs in headless Chromium (scripts/bench.ts builds and serves it): an admin's 20,000-row CSV
 * in <invite-dialog>, against the in-memory API in the page (each answer delayed by `latency`
 * ms, as a network would): the preview, its address look-ups, adding the rows to the boxes, a
 * keystroke after that, and (`send`) sending them all (40 requests of 500) up to the table of results.
 */
import '../src/define.ts';
import type { InviteDialog } from '../src/index.ts';
import { deep, inPageApi, signIn, until } from './in-page.ts';

/** One step's time and the longest task (the page not answering) while it ran, in ms. */
export interface Step {
  step: string;
  ms: number;
  longestTask: number;
}

declare global {
  interface Window {
    runInviteBench(rows: number, latency: number, send: boolean): Promise<Step[]>;
  }
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });

const part = (dialog: Element, name: string) => deep<HTMLElement>(dialog, `[part~="${name}"]`)[0];

async function dialogOnApi(latency: number) {
  const api = await inPageApi();
  await api.store.setTotalSeats('demo', 100_000);
  const made: string[] = [];
  /** When each invite request left and when its answer arrived. */
  const invites: Array<{ left: number; answered: number }> = [];
  const dialog: InviteDialog = document.createElement('invite-dialog');
  signIn(dialog, async (url, init) => {
    made.push(url);
    const left = performance.now();
    const answer = await api.fetch(url, init);
    await new Promise((resolve) => setTimeout(resolve, latency));
    if (url.endsWith('/invitations')) invites.push({ left, answered: performance.now() });
    return answer;
  });
  document.body.append(dialog);
  await dialog.show();
  await until(() => Boolean(part(dialog, 'seat-preview')?.textContent.includes('free')), 'the seat preview');
  return { dialog, made, invites };
}

function csvOf(rows: number): string {
  const lines = ['Name,Email,Role,Subgroup'];
  for (let i = 0; i < rows; i++) lines.push(`Person ${i},person${i}@bench.example,Learner,Team ${i % 7}`);
  return lines.join('\n');
}

window.runInviteBench = async (rows, latency, send) => {
  const { dialog, made, invites } = await dialogOnApi(latency);
  const steps: Step[] = [];
  const step = async (name: string, act: () => void, done: () => boolean) => {
    const start = performance.now();
    act();
    await until(done, name, 300_000);
    const end = performance.now();
    const during = longTasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= end);
    steps.push({ step: name, ms: end - start, longestTask: Math.max(0, ...during.map((t) => t.duration)) });
  };
  const count = (path: string) => made.filter((url) => url.endsWith(path)).length;
  const lookUps = Math.ceil(rows / 500);
  const input = deep<HTMLInputElement>(dialog, 'input[type="file"]')[0]!;
  await step(
    'CSV preview',
    () => {
      const files = new DataTransfer();
      files.items.add(new File([csvOf(rows)], 'people.csv', { type: 'text/csv' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
    },
    () => Boolean(part(dialog, 'csv-preview')),
  );
  await step(
    'its look-ups answered',
    () => {},
    () => count('/addresses/lookup') >= lookUps,
  );
  await step(
    'Add to invitation',
    () => part(dialog, 'csv-add-button')?.click(),
    () => Boolean(part(dialog, 'chips-more')),
  );
  const field = deep<HTMLInputElement>(dialog, 'input[part~="email-input"]')[0]!;
  let painted = false;
  await step(
    'a keystroke, painted',
    () => {
      field.value = 'a';
      field.dispatchEvent(new InputEvent('input'));
      requestAnimationFrame(() => requestAnimationFrame(() => (painted = true)));
    },
    () => painted,
  );
  field.value = '';
  field.dispatchEvent(new InputEvent('input'));
  if (!send) return steps;
  const sent = performance.now();
  part(dialog, 'submit-button')?.click();
  await until(() => Boolean(part(dialog, 'results')), 'the results', 600_000);
  const shown = performance.now();
  // The API runs in this page: only the dialog's own work counts, between the requests and after the last.
  const between = invites.slice(1).reduce((sum, invite, i) => sum + invite.left - invites[i]!.answered, 0);
  const last = invites.at(-1)?.answered ?? sent;
  const during = (from: number, to: number) =>
    Math.max(0, ...longTasks.filter((t) => t.startTime >= from && t.startTime <= to).map((t) => t.duration));
  steps.push({
    step: `Invite Users: ${invites.length} requests, the dialog between them`,
    ms: between,
    longestTask: 0,
  });
  steps.push({
    step: 'the table of results after the last answer',
    ms: shown - last,
    longestTask: during(last, shown),
  });
  return steps;
};
