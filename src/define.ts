/**
 * Registers the standard tags. Safe to import more than once, or next to another copy.
 *
 * @example
 * <script type="module" src="https://cdn.example.com/manage-users.js"></script>
 * <manage-users base-url="/api/v1/" group-id="g_123"></manage-users>
 */
import { ManageUsers, InviteDialog, PendingTable, MembersPanel, SubgroupsManager, ActivityLog } from './index.ts';
import { register } from './register.ts';

export * from './index.ts';

// Providers before consumers: a consumer defined first would receive nothing.
register({
  'manage-users': ManageUsers,
  'invite-dialog': InviteDialog,
  'pending-table': PendingTable,
  'members-panel': MembersPanel,
  'subgroups-manager': SubgroupsManager,
  'activity-log': ActivityLog,
});

declare global {
  interface HTMLElementTagNameMap {
    'manage-users': ManageUsers;
    'invite-dialog': InviteDialog;
    'pending-table': PendingTable;
    'members-panel': MembersPanel;
    'subgroups-manager': SubgroupsManager;
    'activity-log': ActivityLog;
  }
}
