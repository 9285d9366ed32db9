/**
 * English words of the Activity tab. They load with the tab's element, not with the widget.
 * Every locale has exactly these keys (the type {@link ActivityMessages} checks it).
 */
import type { ActivityEvent, ActivityType } from '../../sdk/index.ts';

export const activityEn = {
  caption: 'Activity',
  filterType: 'Type of change',
  allChanges: 'All changes',
  colWhen: 'When',
  colWho: 'Who',
  colWhat: 'What',
  system: 'System',
  empty: 'Nothing has happened in this group yet.',
  types: {
    'invitation.created': 'Invited',
    'invitation.resent': 'Invitation resent',
    'invitation.removed': 'Invitation removed',
    'invitation.accepted': 'Invitation accepted',
    'invitation.expired': 'Invitation expired',
    'invitation.delivered': 'Invitation delivered',
    'invitation.delivery_failed': 'Not delivered',
    'invitation.reminded': 'Reminder sent',
    'member.deactivated': 'Deactivated',
    'member.reactivated': 'Reactivated',
    'subgroup.created': 'Subgroup created',
    'subgroup.renamed': 'Subgroup renamed',
    'subgroup.removed': 'Subgroup removed',
  } satisfies Record<ActivityType, string>,
  /** What happened, as a sentence about its subject. */
  what: {
    'invitation.created': (e) => `Invited ${e.subject.label}`,
    'invitation.resent': (e) => `Resent the invitation to ${e.subject.label}`,
    'invitation.removed': (e) => `Removed the invitation to ${e.subject.label}`,
    'invitation.accepted': (e) => `Accepted the invitation to ${e.subject.label}`,
    'invitation.expired': (e) => `The invitation to ${e.subject.label} expired`,
    'invitation.delivered': (e) => `Delivered the invitation to ${e.subject.label}`,
    'invitation.delivery_failed': (e) =>
      `Could not deliver the invitation to ${e.subject.label}${e.reason ? `: ${e.reason}` : ''}`,
    'invitation.reminded': (e) => `Sent ${e.subject.label} a reminder`,
    'member.deactivated': (e) => `Deactivated ${e.subject.label}`,
    'member.reactivated': (e) => `Reactivated ${e.subject.label}`,
    'subgroup.created': (e) => `Created the subgroup ${e.subject.label}`,
    'subgroup.renamed': (e) => `Renamed the subgroup ${e.previousName ?? ''} to ${e.subject.label}`,
    'subgroup.removed': (e) => `Removed the subgroup ${e.subject.label}`,
  } satisfies Record<ActivityType, (event: ActivityEvent) => string>,
};

export type ActivityMessages = typeof activityEn;
