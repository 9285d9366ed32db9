/**
 * React components for the elements, made with `@lit/react`: properties are set as
 * properties (functions and objects included) and each event has a typed `on…` prop.
 * Importing this module registers the standard tags.
 *
 * @example
 * import { ManageUsers } from 'manage-users/react';
 *
 * <ManageUsers baseUrl="/api/v1/" groupId="g_123" getToken={() => session.token}
 *   onSeatsChanged={(event) => setSeats(event.detail.seats)} />
 *
 * @packageDocumentation
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import * as elements from '../src/define.ts';
import type { ManageUsersEventName } from '../src/events.ts';
import type { EventPropName, ManageUsersEvent } from './element-props.ts';

export type { EventProps, ManageUsersEvent } from './element-props.ts';

/** Each event's prop; the compiler checks that every event has one, spelled right. */
const EVENT_PROPS: { [Name in ManageUsersEventName]: EventPropName<Name> } = {
  'invitations-sent': 'onInvitationsSent',
  'invitations-resent': 'onInvitationsResent',
  'invitations-removed': 'onInvitationsRemoved',
  'seats-changed': 'onSeatsChanged',
  'members-changed': 'onMembersChanged',
  'subgroups-changed': 'onSubgroupsChanged',
  'manage-users-error': 'onManageUsersError',
  'invitations-remove-request': 'onInvitationsRemoveRequest',
  'member-deactivate-request': 'onMemberDeactivateRequest',
  'subgroup-remove-request': 'onSubgroupRemoveRequest',
  'show-pending': 'onShowPending',
};

type Events = { [Name in ManageUsersEventName as EventPropName<Name>]: EventName<ManageUsersEvent<Name>> };

// Events bubble out of nested elements, so every component offers every event.
const events = Object.fromEntries(Object.entries(EVENT_PROPS).map(([name, prop]) => [prop, name])) as Events;

/** `<manage-users>`: the whole section. */
export const ManageUsers = createComponent({
  tagName: 'manage-users',
  elementClass: elements.ManageUsers,
  react: React,
  events,
});
/** `<invite-dialog>`: the invite form, alone. */
export const InviteDialog = createComponent({
  tagName: 'invite-dialog',
  elementClass: elements.InviteDialog,
  react: React,
  events,
});
/** `<pending-table>`: pending and expired invitations, alone. */
export const PendingTable = createComponent({
  tagName: 'pending-table',
  elementClass: elements.PendingTable,
  react: React,
  events,
});
/** `<members-panel>`: active or deactivated members, alone. */
export const MembersPanel = createComponent({
  tagName: 'members-panel',
  elementClass: elements.MembersPanel,
  react: React,
  events,
});
/** `<subgroups-manager>`: add, rename and remove subgroups, alone. */
export const SubgroupsManager = createComponent({
  tagName: 'subgroups-manager',
  elementClass: elements.SubgroupsManager,
  react: React,
  events,
});
