/**
 * The script-tag bundle, `dist/manage-users.js`: registers the standard tags like
 * `manage-users/define`, but the two dialogs (invite, subgroups) and the Activity tab's log come in
 * chunks of their own from `dist/chunks/`, requested as soon as this file runs and defined when they arrive. The first
 * render (seats, tabs, tables) does not wait for them; `<manage-users>` waits for a dialog's
 * definition before opening it.
 *
 * @example
 * <script type="module" src="https://cdn.example.com/manage-users.js"></script>
 * <manage-users base-url="/api/v1/" group-id="g_123"></manage-users>
 */
import { ManageUsers } from './manage-users/manage-users.ts';
import { PendingTable } from './pending-table/pending-table.ts';
import { MembersPanel } from './members-panel/members-panel.ts';
import { register } from './register.ts';

export { ManageUsers, PendingTable, MembersPanel };
export { sectionContext, type Section } from './context.ts';
export type { EventDetails, ManageUsersEventName } from './events.ts';
export { SUPPORTED_LOCALES } from './strings/index.ts';
export * from '../sdk/index.ts';

// Providers before consumers: a consumer defined first would receive nothing.
register({ 'manage-users': ManageUsers, 'pending-table': PendingTable, 'members-panel': MembersPanel });
void import('./invite-dialog/invite-dialog.ts').then(({ InviteDialog }) => register({ 'invite-dialog': InviteDialog }));
void import('./subgroups-manager/subgroups-manager.ts').then(({ SubgroupsManager }) =>
  register({ 'subgroups-manager': SubgroupsManager }),
);
void import('./activity-log/activity-log.ts').then(({ ActivityLog }) => register({ 'activity-log': ActivityLog }));
