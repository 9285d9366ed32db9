/**
 * JSX types for React 19's own custom-element support, for hosts that write the tags
 * directly instead of using `manage-users/react`. Types only: reference them once
 * (`import type {} from 'manage-users/jsx'`) and register the tags (`import 'manage-users/define'`)
 * before the first render, so React sets `getToken` as a property. React 19 names a custom
 * element's event prop `on` + the event's exact name: `onseats-changed`.
 *
 * @example
 * <manage-users base-url="/api/v1/" group-id="g_123" getToken={getToken}
 *   onseats-changed={(event) => setSeats(event.detail.seats)} />
 *
 * @packageDocumentation
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { ManageUsersEventName } from '../src/events.ts';
import type { ElementProps, ManageUsersEvent, ManageUsersTag } from './element-props.ts';

/** React 19 listens to `seats-changed` for `onseats-changed`. */
type ReactEventProps = { [Name in ManageUsersEventName as `on${Name}`]?: (event: ManageUsersEvent<Name>) => void };

/** Strings as attributes (they work before the tag is defined); functions and objects as properties. */
type Common<Name extends ManageUsersTag> = { 'base-url'?: string; 'group-id'?: string; locale?: string } & Pick<
  ElementProps[Name],
  'client' | 'getToken' | 'fetch'
> &
  ReactEventProps &
  HTMLAttributes<HTMLElementTagNameMap[Name]> &
  RefAttributes<HTMLElementTagNameMap[Name]>;

/** `page-size` and the status filter of the two lists. */
type ListAttributes<Name extends 'pending-table' | 'members-panel'> = {
  status?: ElementProps[Name]['status'];
  'page-size'?: number;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares JSX as a namespace; this augments it
  namespace JSX {
    interface IntrinsicElements {
      'manage-users': Common<'manage-users'> & Pick<ElementProps['manage-users'], 'now'>;
      'invite-dialog': Common<'invite-dialog'> & { open?: boolean };
      'pending-table': Common<'pending-table'> & ListAttributes<'pending-table'>;
      'members-panel': Common<'members-panel'> & ListAttributes<'members-panel'> & { 'current-member-id'?: string };
      'subgroups-manager': Common<'subgroups-manager'> & { open?: boolean };
    }
  }
}
