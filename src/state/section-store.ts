/**
 * What one Manage Users section knows: seats, subgroups, the signed-in member, and which
 * lists are stale. `<manage-users>` shares its store with the elements inside it through
 * `@lit/context`; an element used alone has a store of its own. Elements subscribe, and
 * every change asks them to render again.
 */
import type { ReactiveControllerHost } from 'lit';
import type { InvitationsClient, Me, Seats, Subgroup } from '../../sdk/index.ts';

/** The client and group a store works on. */
export interface Api {
  client: InvitationsClient;
  groupId: string;
}

/** The lists a section shows, one per tab. */
export type ListKind = 'invitations' | 'active' | 'deactivated' | 'activity';

export class SectionStore {
  /** The client and group, once known (and allowed to load). */
  api: Api | undefined = undefined;
  /** The section's language; elements without a `locale` use it. */
  locale = '';
  /** The time relative expiry is shown against. */
  now: () => number = Date.now;
  /** Latest seat usage, when known. */
  seats: Seats | undefined = undefined;
  /** Latest subgroups, when known. */
  subgroups: Subgroup[] | undefined = undefined;
  /** The signed-in member, when known. */
  me: Me | undefined = undefined;
  /** The list on screen; `undefined` when every list is (an element used alone). */
  shown: ListKind | undefined = undefined;

  readonly #versions: Record<ListKind, number> = { invitations: 0, active: 0, deactivated: 0, activity: 0 };
  readonly #hosts = new Set<ReactiveControllerHost>();

  /** Whether a list is on screen, so worth loading now. */
  isShown(kind: ListKind): boolean {
    return this.shown === undefined || this.shown === kind;
  }

  /** Goes up each time the list's content changed on the server. */
  version(kind: ListKind): number {
    return this.#versions[kind];
  }

  /**
   * Marks lists stale: the ones on screen load again, the others when they are shown. The
   * activity log is stale after every change, since it records them all.
   */
  stale(...kinds: ListKind[]) {
    for (const kind of new Set<ListKind>([...kinds, 'activity'])) this.#versions[kind]++;
    this.changed();
  }

  /** Tells every subscribed element to render again. */
  changed() {
    for (const host of this.#hosts) host.requestUpdate();
  }

  subscribe(host: ReactiveControllerHost) {
    this.#hosts.add(host);
  }

  unsubscribe(host: ReactiveControllerHost) {
    this.#hosts.delete(host);
  }
}
