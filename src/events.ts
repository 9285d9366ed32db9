/**
 * The events the elements fire. All bubble and cross shadow roots (`composed`); the
 * `…-request` events are cancelable: call `preventDefault()` to stop the action.
 */
import type {
  InvitationFilter,
  InvitationsError,
  InviteResult,
  Member,
  ResendResult,
  Seats,
  Subgroup,
} from '../sdk/index.ts';

export interface EventDetails {
  /** Invitations were sent; `results` has one entry per address. */
  'invitations-sent': { results: InviteResult[]; seats: Seats };
  /** Invitations were sent again: `results` per id (empty after a resend by filter), `resent` how many. */
  'invitations-resent': { results: ResendResult[]; resent: number };
  /** Invitations were removed and their seats freed: `removed` ids (empty after a removal by filter), `count`. */
  'invitations-removed': { removed: string[]; count: number; seats: Seats };
  /** Seat usage changed (after invite, remove, deactivate, reactivate, or a refresh). */
  'seats-changed': { seats: Seats };
  /** A member was deactivated or reactivated. */
  'members-changed': { member: Member; seats: Seats };
  /** Subgroups were added, renamed or removed. */
  'subgroups-changed': { subgroups: Subgroup[] };
  /** An operation failed; `message` is what the admin was shown. */
  'manage-users-error': { error: InvitationsError | Error; message: string };
  /** Cancelable: invitations are about to be removed, by `ids`, or (`ids` empty) every one `filter` matches. */
  'invitations-remove-request': { ids: string[]; filter?: InvitationFilter };
  /** Cancelable: a member is about to be deactivated. */
  'member-deactivate-request': { member: Member };
  /** Cancelable: a subgroup is about to be removed. */
  'subgroup-remove-request': { subgroup: Subgroup };
  /** The invite dialog asks its section to show pending invitations with a status. */
  'show-pending': { status: 'pending' | 'expired' | 'all' };
}

export type ManageUsersEventName = keyof EventDetails;

declare global {
  interface HTMLElementEventMap {
    'invitations-sent': CustomEvent<EventDetails['invitations-sent']>;
    'invitations-resent': CustomEvent<EventDetails['invitations-resent']>;
    'invitations-removed': CustomEvent<EventDetails['invitations-removed']>;
    'seats-changed': CustomEvent<EventDetails['seats-changed']>;
    'members-changed': CustomEvent<EventDetails['members-changed']>;
    'subgroups-changed': CustomEvent<EventDetails['subgroups-changed']>;
    'manage-users-error': CustomEvent<EventDetails['manage-users-error']>;
    'invitations-remove-request': CustomEvent<EventDetails['invitations-remove-request']>;
    'member-deactivate-request': CustomEvent<EventDetails['member-deactivate-request']>;
    'subgroup-remove-request': CustomEvent<EventDetails['subgroup-remove-request']>;
    'show-pending': CustomEvent<EventDetails['show-pending']>;
  }
}
