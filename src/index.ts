/**
 * The manage-users elements, without registering any tag: import `manage-users/define`
 * for the standard tags, or register these classes under names of your own.
 *
 * @packageDocumentation
 */
export { ManageUsers } from './manage-users/manage-users.ts';
export { InviteDialog } from './invite-dialog/invite-dialog.ts';
export { PendingTable } from './pending-table/pending-table.ts';
export { MembersPanel } from './members-panel/members-panel.ts';
export { SubgroupsManager } from './subgroups-manager/subgroups-manager.ts';
export { ActivityLog } from './activity-log/activity-log.ts';
export { sectionContext, type Section } from './context.ts';
export type { EventDetails, ManageUsersEventName } from './events.ts';
export { SUPPORTED_LOCALES } from './strings/index.ts';
export * from '../sdk/index.ts';
