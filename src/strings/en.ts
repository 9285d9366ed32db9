import { counter, pluralRules } from './plural.ts';

/**
 * English: the words of the help article, and every other string the elements show.
 * Every locale has exactly these keys (the type {@link Messages} checks it).
 */
const plural = pluralRules('en');
const count = counter('en');

export const en = {
  // The section
  title: 'Manage Users',
  inviteNewUsers: 'Invite New Users',
  manageSubgroups: 'Subgroups',
  tabs: 'User lists',
  tabUsers: 'Users',
  tabPending: 'Pending',
  tabDeactivated: 'Deactivated',
  tabActivity: 'Activity',
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  cancel: 'Cancel',

  // Seats
  seats: 'Seats',
  seatsSummary: (used: number, total: number) => `${count(used)} of ${count(total)} seats occupied`,
  seatsTotal: 'Total',
  seatsActive: 'Active',
  seatsPending: 'Pending, valid or expired',
  seatsValid: 'Still valid',
  seatsExpired: 'Expired',
  seatsAvailable: 'Available',
  seatsExplain: 'Pending invitations, valid or expired, take up a seat until they are accepted or removed.',

  // Learner view
  learnerTitle: 'Your account',
  learnerBody: (name: string, email: string) => `You are signed in as ${name} (${email}), a Learner in this group.`,
  learnerHint:
    'Learners can only view their own progress. Ask an Admin of your group to invite people or change users.',

  // Roles
  learners: 'Learners',
  admins: 'Admins',
  learner: 'Learner',
  admin: 'Admin',
  learnersHint: 'Learners can only view their own progress.',
  adminsHint: "Admins can view all learners' progress and invite other users.",

  // Invite dialog
  inviteTitle: 'Invite New Users',
  inviteIntro: 'Each person will receive an email with setup instructions.',
  userType: 'Type of user',
  boxTitle: (role: string, n: number) => `${role} ${n}`,
  emails: 'Email addresses',
  emailsAdded: 'Addresses added',
  chipKeys: 'Arrow keys move between addresses; Delete removes one.',
  emailsHint: 'Type or paste addresses separated by commas, spaces or new lines.',
  subgroup: 'Subgroup (optional)',
  subgroupHint: 'Pick an existing subgroup or type a new name to create it.',
  subgroupWillBeCreated: (name: string) => `New subgroup "${name}" will be created.`,
  addLearners: 'Add Learners',
  addAdmins: 'Add Admins',
  removeBox: (title: string) => `Remove ${title}`,
  removeEmail: (email: string) => `Remove ${email}`,
  chipInvalid: 'not a valid address',
  chipDuplicate: 'already in this invitation',
  moreAddresses: (n: number) => `and ${count(n)} more ${plural(n, 'address', 'addresses')}`,
  moreRows: (n: number) => `… and ${count(n)} more ${plural(n, 'row', 'rows')}`,
  inviteUsers: 'Invite Users',
  sending: 'Sending…',
  sendingLocked: 'Addresses are read-only while sending.',
  sendingProgress: (first: number, last: number, total: number) =>
    `Sending addresses ${count(first)}–${count(last)} of ${count(total)}…`,
  sentPart: (sent: number, total: number) =>
    `${count(sent)} of ${count(total)} ${plural(total, 'address', 'addresses')} went out; ${
      total - sent === 1 ? 'the other one was' : `the other ${count(total - sent)} were`
    } not sent and ${plural(total - sent, 'is', 'are')} still here.`,
  closeWhileSending: 'The invitations go out even if you close this dialog.',
  invalidLeft: (n: number) =>
    `Fix or remove ${count(n)} ${plural(n, 'address that is', 'addresses that are')} not valid before sending.`,
  nothingToSend: 'Add at least one email address.',
  seatPreview: (n: number, free: number) =>
    `This sends ${count(n)} ${plural(n, 'invitation', 'invitations')}; ${count(free)} ${plural(free, 'seat is', 'seats are')} free.`,
  seatShortfall: (pending: number, expired: number) =>
    `Not enough seats. Pending invitations hold ${count(pending)} ${plural(pending, 'seat', 'seats')} and expired invitations hold ${count(expired)}. Remove the ones you no longer need to free seats.`,
  showExpired: 'Show expired invitations',
  removeExpiredN: (n: number) => `Remove ${count(n)} expired ${plural(n, 'invitation', 'invitations')}`,
  confirmRemoveExpired: (n: number) =>
    `Remove ${count(n)} expired ${plural(n, 'invitation', 'invitations')}? This frees ${count(n)} ${plural(n, 'seat', 'seats')}.`,
  csvChoose: 'Choose CSV file',
  csvDrop: 'or drop a CSV file here',
  csvPreview: (rows: number, boxes: number) =>
    `${count(rows)} ${plural(rows, 'address', 'addresses')} in ${count(boxes)} ${plural(boxes, 'box', 'boxes')}`,
  csvAdd: 'Add to invitation',
  csvFlagged: (n: number) => `${count(n)} ${plural(n, 'row', 'rows')} will not get a new invitation:`,
  csvLeaveOut: (n: number) => `Leave out ${count(n)} ${plural(n, 'row', 'rows')}`,
  draftKept: 'Draft kept.',
  clearDraft: 'Clear',
  draftCleared: 'Draft cleared.',
  csvNoEmail: 'This file has no column of email addresses.',
  csvRowNoEmail: 'No email address',
  results: 'Results',
  resultInvited: 'Invited, email queued',
  resultAlreadyInvited: 'Already invited',
  resultAlreadyMember: 'Already a member',
  resultDeactivated: 'Deactivated member',
  resultReactivated: 'Reactivated',
  resultInvalid: 'Not a valid address',
  resultDuplicate: 'Listed twice',
  resultsSummary: (n: number) => `${count(n)} ${plural(n, 'invitation', 'invitations')} queued to send.`,
  subgroupsCreated: (n: number, names: string) => `${plural(n, 'New subgroup', 'New subgroups')} created: ${names}.`,
  inviteMore: 'Invite more',
  done: 'Done',
  resend: 'Resend',
  resent: 'Resent',

  // Errors, in words a person understands
  errorNetwork:
    "Couldn't reach the server. Check that you are online and try again. If it keeps failing, the server may be down or may not accept requests from this page: tell whoever runs your learning platform.",
  errorTimeout: 'The server took too long to answer. Try again.',
  errorServer: 'Something went wrong on the server. Try again in a moment.',
  typedKept: 'Nothing you typed was lost.',
  errorForbidden: 'Only Admins of this group can do this.',
  errorUnauthenticated: 'Your session has ended. Sign in again, then try again.',
  errorNotFound: 'That item no longer exists. The list has been refreshed.',
  errorSeats: (required: number, available: number) =>
    `This needs ${count(required)} ${plural(required, 'seat', 'seats')} but ${available === 0 ? 'no seat is' : `only ${count(available)} ${plural(available, 'is', 'are')}`} free.`,
  errorRateLimited: 'Too many requests. Wait a moment and try again.',
  errorSubgroupExists: 'A subgroup with that name already exists.',
  errorGeneric: 'That did not work. Try again.',

  // Pending tab
  pendingCaption: 'Pending invitations',
  search: 'Search',
  searchEmail: 'Search by email',
  filterStatus: 'Status',
  filterRole: 'Type',
  filterSubgroup: 'Subgroup',
  all: 'All',
  statusPending: 'Pending',
  statusExpired: 'Expired',
  statusUndelivered: 'Not delivered',
  colEmail: 'Email',
  colType: 'Type',
  colSubgroup: 'Subgroup',
  colStatus: 'Status',
  colExpiry: 'Expiry',
  colInvitedBy: 'Invited by',
  colLastSent: 'Last sent',
  sentTimes: (n: number) => `Sent ${n} ${plural(n, 'time', 'times')}`,
  colActions: 'Actions',
  selectAll: 'Select all on this page',
  selectRow: (email: string) => `Select ${email}`,
  expiresIn: (relative: string) => `expires ${relative}`,
  expiredAgo: (relative: string) => `expired ${relative}`,
  selected: (n: number) => `${n} selected`,
  resendSelected: 'Resend',
  remove: 'Remove',
  removeAllExpired: 'Remove all expired',
  selectAllMatching: (n: number) => `Select all ${count(n)} matching`,
  allMatchingSelected: (n: number) => `All ${count(n)} matching selected`,
  clearSelection: 'Clear selection',
  confirmRemove: (n: number) =>
    `Remove ${count(n)} ${plural(n, 'invitation', 'invitations')}? This frees ${count(n)} ${plural(n, 'seat', 'seats')}.`,
  removingN: (n: number) => `Removing ${count(n)} ${plural(n, 'invitation', 'invitations')}…`,
  resendingN: (n: number) => `Sending ${count(n)} ${plural(n, 'invitation', 'invitations')} again…`,
  removedN: (n: number) =>
    `${count(n)} ${plural(n, 'invitation', 'invitations')} removed; ${count(n)} ${plural(n, 'seat', 'seats')} freed.`,
  resentN: (n: number) => `${count(n)} ${plural(n, 'invitation', 'invitations')} resent.`,
  resentTo: (n: number, emails: string) => `${count(n)} ${plural(n, 'invitation', 'invitations')} resent: ${emails}.`,
  resendWaitUntil: (n: number, time: string, emails: string) =>
    `Not sent again: ${emails}. ${plural(n, 'It was', 'They were')} sent less than a minute ago; try again after ${time}.`,
  resendWaitN: (n: number) =>
    `${count(n)} not sent again: ${plural(n, 'it was', 'they were')} sent less than a minute ago.`,
  resendNotFound: (n: number, emails: string) =>
    `Not found: ${emails}. ${plural(n, 'It was', 'They were')} accepted or removed meanwhile.`,
  resendPerson: (email: string) => `Resend ${email}`,
  resultsCount: (n: number) => `${count(n)} ${plural(n, 'result', 'results')}`,
  noInvitationsMatch: 'No invitations match',
  noUsersMatch: 'No users match',
  noPending: 'No pending invitations.',
  noMatches: 'Nothing matches these filters.',
  pageOf: (from: string, to: string, total: string) => `${from}–${to} of ${total}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  none: '—',

  // Users and Deactivated tabs
  usersCaption: 'Active users',
  deactivatedCaption: 'Deactivated users',
  searchUsers: 'Search by name or email',
  colName: 'Name',
  colJoined: 'Joined',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  deactivatePerson: (name: string) => `Deactivate ${name}`,
  reactivatePerson: (name: string) => `Reactivate ${name}`,
  confirmDeactivate: (name: string) => `Deactivate ${name}? They lose access and their seat is freed.`,
  deactivated: (name: string) => `${name} was deactivated; a seat was freed.`,
  reactivated: (name: string) => `${name} was reactivated.`,
  reactivateNoSeat:
    'No seat is free, so this user cannot be reactivated. Remove pending or expired invitations, or deactivate someone, to free a seat.',
  noUsers: 'No users here.',
  you: '(you)',

  // Subgroups
  subgroupsTitle: 'Subgroups',
  subgroupName: 'Subgroup name',
  renameSubgroupField: (name: string) => `New name for ${name}`,
  addSubgroup: 'Add subgroup',
  rename: 'Rename',
  renameNamed: (name: string) => `Rename ${name}`,
  removeNamed: (name: string) => `Remove ${name}`,
  save: 'Save',
  subgroupCounts: (members: number, invitations: number) =>
    `${count(members)} ${plural(members, 'member', 'members')}, ${count(invitations)} pending ${plural(invitations, 'invitation', 'invitations')}`,
  confirmRemoveSubgroup: (name: string) =>
    `Remove the subgroup "${name}"? Its members and invitations stay, without a subgroup.`,
  noSubgroups: 'No subgroups yet.',
  subgroupAdded: (name: string) => `Subgroup "${name}" added.`,
  subgroupRenamed: (from: string, to: string) => `Subgroup "${from}" renamed to "${to}".`,
  subgroupRemoved: (name: string) => `Subgroup "${name}" removed.`,
};

/** The shape every locale's catalog has. */
export type Messages = typeof en;
