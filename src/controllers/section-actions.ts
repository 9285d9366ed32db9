/**
 * What an admin does to a section, each written once: ask the host (a cancelable
 * `…-request` event) and the admin (a confirmation) when it destroys something; send one
 * request; take the seats from the answer; mark stale only the lists the action changed
 * (the one on screen loads again); fire the events; show the result where they acted.
 */
import {
  SeatsExhaustedError,
  type Invitation,
  type InvitationFilter,
  type InviteRequest,
  type InviteResponse,
  type Member,
  type ResendResult,
  type Seats,
  type Subgroup,
} from '../../sdk/index.ts';
import type { EventDetails } from '../events.ts';
import type { Api } from '../state/section-store.ts';
import { removeInvitations } from '../base/invitation-removal.ts';
import { shortTime } from '../strings/index.ts';
import type { SectionController } from './section-controller.ts';

/** One invite request of a send and its idempotency key (the same again when it is retried). */
export interface InviteRequestToSend {
  request: InviteRequest;
  idempotencyKey: string;
}

/** A send in one or more invite requests, sent one after another (the invite dialog's draft). */
export interface InviteSend {
  /** The next request, or none when all went; after a failure, the failed one again, with its key. */
  next(): InviteRequestToSend | undefined;
  /** The request `next()` gave went: its answer. */
  sent(answer: InviteResponse): void;
  /** What to show while the next request goes ("Sending addresses 501–1,000 of 2,400…"), or nothing. */
  progress(): string;
  /** What to add to a failure's words: how much went and what is kept (empty when nothing went). */
  left(): string;
}

type RequestEvent = 'invitations-remove-request' | 'member-deactivate-request' | 'subgroup-remove-request';

interface RunOptions {
  /** Words a failure itself, given the usual words (an empty string shows nothing). */
  explain?: (error: unknown, reported: string) => string | undefined;
  /** Said while the action runs. */
  progress?: string;
  /** What the admin typed stays on screen: a failure worth retrying says nothing typed was lost. */
  typed?: boolean;
}

/** An invitation as far as resending needs it. */
export type ResendTarget = Pick<Invitation, 'id' | 'email' | 'status'>;

export class SectionActions {
  readonly #section: SectionController;

  constructor(section: SectionController) {
    this.#section = section;
  }

  /**
   * Sends invitations, request after request, until `send` has none left (an invite request
   * carries at most 500 addresses); each answer is taken as it comes (seats, new subgroups,
   * `invitations-sent`). Stops at the first failure: a seat refusal is returned (its seats are
   * kept) and shown by the caller; any other is shown here, with what `send` says is left.
   */
  async invite(send: InviteSend): Promise<boolean | SeatsExhaustedError> {
    const section = this.#section;
    let refusal: SeatsExhaustedError | undefined;
    let went = false;
    const answer = await this.#run(
      async (api) => {
        for (let next = send.next(); next; next = send.next()) {
          section.show(send.progress() ? { tone: 'done', text: send.progress() } : undefined);
          const { request, idempotencyKey } = next;
          const sent = await api.client.invitations.create(api.groupId, request, { idempotencyKey });
          section.host.emit('invitations-sent', { results: sent.results, seats: sent.seats });
          section.setSeats(sent.seats);
          this.#addSubgroupsOf(sent);
          went = true;
          send.sent(sent);
        }
        return true;
      },
      () => undefined,
      {
        explain: (error, reported) => {
          if (error instanceof SeatsExhaustedError) {
            refusal = error;
            section.setSeats(error.seats);
          }
          return [refusal ? '' : reported, send.left()].filter(Boolean).join(' ');
        },
        typed: true,
      },
    );
    // The lists load again once, after the last request that went (not after each of them).
    if (went) section.store.stale('invitations');
    return answer ?? refusal ?? false;
  }

  /** Sends invitations again; names who was resent, who has to wait (and until when) and who is gone. */
  async resend(invitations: ResendTarget[]): Promise<ResendResult[] | undefined> {
    const section = this.#section;
    const answer = await this.#run(
      (api) =>
        api.client.invitations.resend(
          api.groupId,
          invitations.map((i) => i.id),
        ),
      ({ results }) => {
        section.host.emit('invitations-resent', { results, resent: results.filter(isResent).length });
        const seats = section.seats && seatsAfterResend(section.seats, invitations, results);
        if (seats) section.setSeats(seats);
        section.store.stale('invitations');
        return resendReport(section, invitations, results);
      },
    );
    return answer?.results;
  }

  /**
   * Sends every invitation a filter matches again, in one request (`count`, how many match,
   * is for the progress message); then the seats, since expired ones resent are pending again.
   */
  async resendMatching(filter: InvitationFilter, count: number): Promise<boolean> {
    const section = this.#section;
    const answer = await this.#run(
      async (api) => {
        const counts = await api.client.invitations.resendMatching(api.groupId, filter);
        const seats = filter.status === 'pending' ? undefined : (await api.client.group.get(api.groupId)).seats;
        return { ...counts, seats };
      },
      ({ resent, rateLimited, seats }) => {
        section.host.emit('invitations-resent', { results: [], resent });
        if (seats) section.setSeats(seats);
        section.store.stale('invitations');
        const t = section.t;
        return [resent ? t.resentN(resent) : '', rateLimited ? t.resendWaitN(rateLimited) : '']
          .filter(Boolean)
          .join(' ');
      },
      { progress: section.t.resendingN(count) },
    );
    return answer !== undefined;
  }

  /** Removes invitations after the host and the admin agree. */
  async remove(ids: string[], question: string): Promise<boolean> {
    if (!ids.length || !(await this.#approve('invitations-remove-request', { ids }, question))) return false;
    const answer = await this.#run(
      (api) => removeInvitations(api, ids),
      ({ removed, seats }) => this.#removed(removed, removed.length, seats),
    );
    return answer !== undefined;
  }

  /**
   * Removes every invitation a filter matches, in one request, after the host (`filter` in the
   * request event, `ids` empty) and the admin agree; `count` (how many match) is for the progress message.
   */
  async removeMatching(filter: InvitationFilter, count: number, question: string): Promise<boolean> {
    if (!count || !(await this.#approve('invitations-remove-request', { ids: [], filter }, question))) return false;
    const answer = await this.#run(
      (api) => api.client.invitations.removeMatching(api.groupId, filter),
      ({ removed, seats }) => this.#removed([], removed, seats),
      { progress: this.#section.t.removingN(count) },
    );
    return answer !== undefined;
  }

  /**
   * Removes every expired invitation after the host and the admin agree; how many comes from
   * the seats, or (an element used alone knows none) from one list request.
   */
  async removeExpired(question: (count: number) => string): Promise<boolean> {
    const section = this.#section;
    const api = section.api;
    if (!api) return false;
    let expired = section.seats?.expired;
    try {
      expired ??= (await api.client.invitations.list(api.groupId, { status: 'expired', limit: 1 })).total;
    } catch (error) {
      section.show({ tone: 'error', text: section.fail(error) });
      return false;
    }
    return this.removeMatching({ status: 'expired' }, expired, question(expired));
  }

  #removed(removed: string[], count: number, seats: Seats) {
    const section = this.#section;
    section.host.emit('invitations-removed', { removed, count, seats });
    section.setSeats(seats);
    section.store.stale('invitations');
    return section.t.removedN(count);
  }

  /** Deactivates a member after the host and the admin agree. */
  async deactivate(member: Member): Promise<boolean> {
    const t = this.#section.t;
    if (!(await this.#approve('member-deactivate-request', { member }, t.confirmDeactivate(member.name), t.deactivate)))
      return false;
    return this.#changeMember(
      (api) => api.client.members.deactivate(api.groupId, member.id),
      t.deactivated(member.name),
    );
  }

  /** Reactivates a member; says so when no seat is free. */
  async reactivate(member: Pick<Member, 'id' | 'name'>): Promise<boolean> {
    const t = this.#section.t;
    return this.#changeMember(
      (api) => api.client.members.reactivate(api.groupId, member.id),
      t.reactivated(member.name),
    );
  }

  async #changeMember(change: (api: Api) => Promise<{ member: Member; seats: Seats }>, done: string) {
    const section = this.#section;
    const answer = await this.#run(
      change,
      (changed) => {
        section.host.emit('members-changed', changed);
        section.setSeats(changed.seats);
        section.store.stale('active', 'deactivated');
        return done;
      },
      { explain: (error) => (error instanceof SeatsExhaustedError ? section.t.reactivateNoSeat : undefined) },
    );
    return answer !== undefined;
  }

  /** Adds a subgroup. */
  async addSubgroup(name: string): Promise<boolean> {
    const answer = await this.#run(
      (api) => api.client.subgroups.create(api.groupId, { name }),
      (created) =>
        this.#setSubgroups([...this.#section.subgroups, created], this.#section.t.subgroupAdded(created.name)),
      { typed: true },
    );
    return answer !== undefined;
  }

  /** Renames a subgroup; lists on screen show the new name. */
  async renameSubgroup(subgroup: Subgroup, name: string): Promise<boolean> {
    const answer = await this.#run(
      (api) => api.client.subgroups.rename(api.groupId, subgroup.id, { name }),
      (renamed) => {
        this.#section.store.stale('invitations', 'active', 'deactivated');
        const list = this.#section.subgroups.map((s) => (s.id === renamed.id ? renamed : s));
        return this.#setSubgroups(list, this.#section.t.subgroupRenamed(subgroup.name, renamed.name));
      },
      { typed: true },
    );
    return answer !== undefined;
  }

  /** Removes a subgroup after the host and the admin agree. */
  async removeSubgroup(subgroup: Subgroup): Promise<boolean> {
    const t = this.#section.t;
    if (!(await this.#approve('subgroup-remove-request', { subgroup }, t.confirmRemoveSubgroup(subgroup.name))))
      return false;
    const answer = await this.#run(
      async (api) => {
        await api.client.subgroups.remove(api.groupId, subgroup.id);
        return subgroup;
      },
      () => {
        this.#section.store.stale('invitations', 'active', 'deactivated');
        const list = this.#section.subgroups.filter((s) => s.id !== subgroup.id);
        return this.#setSubgroups(list, t.subgroupRemoved(subgroup.name));
      },
    );
    return answer !== undefined;
  }

  #setSubgroups(list: Subgroup[], done: string) {
    const store = this.#section.store;
    store.subgroups = [...list].sort((a, b) => a.name.localeCompare(b.name));
    this.#section.host.emit('subgroups-changed', { subgroups: store.subgroups });
    store.changed();
    return done;
  }

  /** Subgroups an invite created, from its answer: no need to read them again. */
  #addSubgroupsOf(sent: InviteResponse) {
    const known = this.#section.store.subgroups;
    if (!known) return;
    const created = new Map<string, Subgroup>();
    for (const { invitation } of sent.results) {
      const ref = invitation?.subgroup;
      if (!ref || known.some((s) => s.id === ref.id)) continue;
      const count = (created.get(ref.id)?.invitationCount ?? 0) + 1;
      created.set(ref.id, { ...ref, memberCount: 0, invitationCount: count });
    }
    if (created.size) this.#setSubgroups([...known, ...created.values()], '');
  }

  /** The host may cancel (`…-request`), then the admin confirms. */
  async #approve<K extends RequestEvent>(name: K, detail: EventDetails[K], question: string, action?: string) {
    const section = this.#section;
    if (!section.host.emit(name, detail, { cancelable: true })) return false;
    return section.confirmation.ask(question, action ?? section.t.remove);
  }

  /**
   * Runs one action: busy meanwhile (saying `progress`, if given), then its result (or failure)
   * shown and announced.
   */
  async #run<T>(
    work: (api: Api) => Promise<T>,
    done: (answer: T) => string | undefined,
    { explain, progress, typed = false }: RunOptions = {},
  ) {
    const section = this.#section;
    const api = section.api;
    if (!api || section.busy) return undefined;
    section.busy = true;
    section.show(progress ? { tone: 'done', text: progress } : undefined);
    try {
      const answer = await work(api);
      const text = done(answer);
      section.show(text ? { tone: 'done', text } : undefined);
      return answer;
    } catch (error) {
      const reported = section.fail(error, typed);
      const text = explain?.(error, reported) ?? reported;
      section.show(text ? { tone: 'error', text } : undefined);
      return undefined;
    } finally {
      section.busy = false;
      section.host.requestUpdate();
    }
  }
}

/** Resending an expired invitation makes it pending again: the seat moves from expired to pending. */
function seatsAfterResend(seats: Seats, sent: ResendTarget[], results: ResendResult[]): Seats | undefined {
  const revived = results.filter(
    (r) => r.status === 'resent' && sent.find((i) => i.id === r.id)?.status === 'expired',
  ).length;
  return revived ? { ...seats, pending: seats.pending + revived, expired: seats.expired - revived } : undefined;
}

const isResent = (result: ResendResult) => result.status === 'resent';

/**
 * "2 invitations resent: a@x.org, b@x.org. Not sent again, … try again after 10:42: c@x.org.
 * Not found, …: d@x.org." — the time is the latest wait, to the next minute, in the admin's words.
 */
function resendReport(section: SectionController, sent: ResendTarget[], results: ResendResult[]): string {
  const t = section.t;
  const emails = (status: ResendResult['status']) => {
    const list = results.filter((r) => r.status === status);
    return [list.length, list.map((r) => sent.find((i) => i.id === r.id)?.email ?? r.id).join(', ')] as const;
  };
  const [resent, resentTo] = emails('resent');
  const [waiting, waitingFor] = emails('rate_limited');
  const [gone, goneFor] = emails('not_found');
  const wait = Math.max(0, ...results.map((r) => r.retryAfter ?? 0));
  const until = new Date(Math.ceil((section.store.now() + wait * 1000) / 60_000) * 60_000);
  return [
    resent ? t.resentTo(resent, resentTo) : '',
    waiting ? t.resendWaitUntil(waiting, shortTime(section.locale, until), waitingFor) : '',
    gone ? t.resendNotFound(gone, goneFor) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
