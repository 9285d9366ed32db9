/**
 * What every part of the service shares: the store, the clock, the mailer, and the checks
 * each operation starts with (who calls, which group, how many seats are free).
 */
import type * as z from 'zod/mini';
import type { Seats } from '../../sdk/schemas.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Worker } from '../jobs/worker.ts';
import type { GroupRow, MemberView, Storage, Store } from '../store/store.ts';
import type { Clock } from './clock.ts';
import { ProblemError, notFound } from './problem.ts';
import { seatsOf } from './views.ts';

const DAY = 86_400_000;

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  /** The link an invitee opens, for a token. */
  acceptUrl: (token: string) => string;
  /** Hashes a password with a real KDF. */
  hashPassword: (password: string) => Promise<string>;
  /** Refuses passwords on a list of common ones (`common_password`); the server passes its list. */
  isCommonPassword?: (password: string) => boolean;
  /** Days an invitation stays valid after it was last sent (default 10). */
  expiryDays?: number;
  /** Days before expiry that a still pending invitation gets its one reminder (default 3, `REMINDER_DAYS`). */
  reminderDays?: number;
}

/** What the HTTP app adds: the worker that delivers, and the secret that seals the links kept for it. */
export interface Delivery {
  worker: Worker;
  secret: string;
  /** Every activity event also goes to the webhook receiver (`WEBHOOK_URL`): a `webhook` job each. */
  webhooks: boolean;
}

export interface ServiceContext extends ServiceOptions, Delivery {
  /** How long an invitation stays valid after it was last sent, in ms. */
  validFor: number;
  reminderDays: number;
}

/** A request body or query as its schema outputs it. */
export type Parsed<S extends z.ZodMiniType> = z.output<S>;

export function createContext(options: ServiceOptions & Delivery): ServiceContext {
  return { ...options, validFor: (options.expiryDays ?? 10) * DAY, reminderDays: options.reminderDays ?? 3 };
}

/** The caller, when a token named one: everything but the invitee's pages needs one. */
export function signedIn(caller: MemberView | undefined): MemberView {
  if (!caller) throw new ProblemError('unauthenticated', 'Sign-in required', 'No valid token was given.');
  return caller;
}

/** A caller checked against a group. */
export interface Authorized {
  caller: MemberView;
  group: GroupRow;
}

/**
 * The caller must be an active member of the group; an Admin unless `anyRole`. A group the
 * caller does not belong to is `404`, exactly like one that does not exist, so ids cannot be probed.
 */
export async function authorize(
  db: Storage,
  caller: MemberView,
  groupId: string,
  anyRole = false,
): Promise<Authorized> {
  const group = caller.groupId === groupId ? await db.group(groupId) : undefined;
  if (!group) throw notFound('group');
  if (caller.status !== 'active' || (!anyRole && caller.role !== 'admin')) {
    throw new ProblemError(
      'forbidden',
      'Not allowed',
      'Only Admins of this group can do this. Learners can only view their own progress.',
    );
  }
  return { caller, group };
}

/** The group's seats at `now`. */
export async function seats(db: Storage, group: GroupRow, now: Date): Promise<Seats> {
  return seatsOf(group, await db.seatCounts(group.id, now.toISOString()));
}

/** Refuses with `seats_exhausted` when fewer than `required` seats are free. */
export async function requireSeats(
  db: Storage,
  group: GroupRow,
  now: Date,
  required: number,
  explain: (seats: Seats) => { title: string; detail: string },
): Promise<void> {
  const current = await seats(db, group, now);
  if (required > current.available) {
    const { title, detail } = explain(current);
    throw new ProblemError('seats_exhausted', title, detail, { seats: current, required });
  }
}
