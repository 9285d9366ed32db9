/**
 * What a framework template may set on each tag and listen to, for the type declarations
 * of React, Vue and JSX hosts. Types only: nothing here runs.
 */
import type { EventDetails, ManageUsersEventName } from '../src/events.ts';
import type { ManageUsers } from '../src/manage-users/manage-users.ts';
import type { InviteDialog } from '../src/invite-dialog/invite-dialog.ts';
import type { PendingTable } from '../src/pending-table/pending-table.ts';
import type { MembersPanel } from '../src/members-panel/members-panel.ts';
import type { SubgroupsManager } from '../src/subgroups-manager/subgroups-manager.ts';

/** `seats-changed` → `SeatsChanged`. */
type Pascal<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<Name>;

/** The event an element fires under `name`, with its typed `detail`. */
export type ManageUsersEvent<Name extends ManageUsersEventName> = CustomEvent<EventDetails[Name]>;

/** `onSeatsChanged` for `seats-changed`: the event props of React components and Vue templates. */
export type EventPropName<Name extends ManageUsersEventName> = `on${Pascal<Name>}`;

/** One optional handler per event, named `onSeatsChanged` etc. */
export type EventProps = {
  [Name in ManageUsersEventName as EventPropName<Name>]?: (event: ManageUsersEvent<Name>) => void;
};

/** Properties every element takes (the `base-url`, `group-id` and `locale` attributes reflect three of them). */
type SectionProps<Element extends ManageUsers | InviteDialog | PendingTable | MembersPanel | SubgroupsManager> =
  Partial<Pick<Element, 'baseUrl' | 'groupId' | 'locale' | 'client' | 'getToken' | 'fetch'>>;

/** Each tag's properties, camelCase (as Vue and @lit/react name them). */
export interface ElementProps {
  'manage-users': SectionProps<ManageUsers> & Partial<Pick<ManageUsers, 'now'>>;
  'invite-dialog': SectionProps<InviteDialog> & Partial<Pick<InviteDialog, 'open'>>;
  'pending-table': SectionProps<PendingTable> & Partial<Pick<PendingTable, 'status' | 'pageSize'>>;
  'members-panel': SectionProps<MembersPanel> & Partial<Pick<MembersPanel, 'status' | 'pageSize' | 'currentMemberId'>>;
  'subgroups-manager': SectionProps<SubgroupsManager> & Partial<Pick<SubgroupsManager, 'open'>>;
}

export type ManageUsersTag = keyof ElementProps;
