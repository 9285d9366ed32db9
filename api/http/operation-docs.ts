/**
 * What the OpenAPI document says about each operation beyond its shapes: a description with
 * the rules a compatible server must follow, an example request and answer, and when each of
 * its problem codes is sent. Kept apart from the operations table, which the router reads.
 */
import type * as schemas from '../../sdk/schemas.ts';
import type { OperationId } from './operations.ts';

export interface OperationDoc {
  description: string;
  /** An example request body (operations with a body). */
  request?: unknown;
  /** An example of the success answer's body (operations that answer with one). */
  response?: unknown;
  /** When this operation sends a problem code, where that differs from the general rule. */
  problems?: Partial<Record<schemas.ProblemCode, string>>;
}

const seats: schemas.Seats = { total: 25, active: 10, pending: 4, expired: 3, available: 8 };
const nursing: schemas.SubgroupRef = { id: 'sub_nursing', name: 'Nursing' };
const invitation: schemas.Invitation = {
  id: 'inv_3f2a9c',
  email: 'kim.nguyen@riverside.example',
  role: 'learner',
  subgroup: nursing,
  status: 'pending',
  createdAt: '2026-11-28T09:00:00.000Z',
  lastSentAt: '2026-11-28T09:00:00.000Z',
  expiresAt: '2026-12-08T09:00:00.000Z',
  sendCount: 1,
  invitedBy: { id: 'usr_demo_admin', email: 'dana.admin@riverside.example' },
  delivery: { status: 'sent', attempts: 1, lastAttemptAt: '2026-11-28T09:00:01.000Z', error: null },
};
const member: schemas.Member = {
  id: 'usr_marco',
  email: 'marco.rossi@riverside.example',
  name: 'Marco Rossi',
  role: 'learner',
  subgroup: nursing,
  status: 'active',
  joinedAt: '2026-09-01T08:30:00.000Z',
};
const subgroup: schemas.Subgroup = { ...nursing, memberCount: 3, invitationCount: 2 };
const nextCursor = 'eyJvZmZzZXQiOjUwfQ==';

const PAGING =
  'Pages: `limit` 1–200 (default 50), written as plain decimal digits; `cursor` is the `nextCursor` of the ' +
  'previous ' +
  'page, opaque to clients (an unknown cursor is `422` with path `query.cursor`). `total` counts every match.';
const SEATS_ANSWER = 'The answer carries the new `seats`.';
const DELIVERY =
  'The email is queued with the invitation in one transaction and sent after the answer: `delivery.status` is ' +
  '`queued`, then `sent`, `retrying` (a temporary failure: SMTP 4xx, no connection, a timeout; tried again with ' +
  'backoff) or `failed` (SMTP 5xx, or the last attempt), with the reason in `delivery.error`. A mail server that ' +
  'is down never changes the answer. One reminder follows 3 days (`REMINDER_DAYS`) before expiry while pending.';

export const operationDocs: Record<OperationId, OperationDoc> = {
  getGroup: {
    description:
      'The group and its seats. Occupied seats = active members + outstanding invitations, valid or expired; ' +
      '`available` = `total` − occupied, never negative.',
    response: { id: 'demo', name: 'Riverside General Hospital', seats },
  },
  getMe: {
    description:
      "The caller's identity and role in the group. Any active member may call it; the widget uses it to decide " +
      'what to show.',
    response: { id: 'usr_demo_admin', email: 'dana.admin@riverside.example', name: 'Dana Whitfield', role: 'admin' },
    problems: { forbidden: 'The caller is not an active member of the group.' },
  },
  listSubgroups: {
    description: 'Every subgroup of the group, by name, with how many members and outstanding invitations it holds.',
    response: { items: [subgroup] },
  },
  createSubgroup: {
    description:
      'Creates a subgroup. The name is trimmed, then must be 1–80 characters and unique in the group ignoring case.',
    request: { name: 'Nursing' },
    response: { ...subgroup, memberCount: 0, invitationCount: 0 },
    problems: { subgroup_exists: 'A subgroup with this name (ignoring case) exists.' },
  },
  renameSubgroup: {
    description: 'Renames a subgroup, with the same name rules as creating one. Renaming to its own name succeeds.',
    request: { name: 'Nursing Unit' },
    response: { ...subgroup, name: 'Nursing Unit' },
    problems: { subgroup_exists: 'Another subgroup has this name (ignoring case).' },
  },
  deleteSubgroup: {
    description: 'Deletes a subgroup. Its members and invitations stay, with no subgroup. Seats do not change.',
  },
  listMembers: {
    description:
      'Members of the group. `status` filters (without it: everyone), `q` matches email or name ignoring case, ' +
      `\`sort\` defaults to \`email\` (\`-\` descends). ${PAGING}`,
    response: { items: [member], nextCursor, total: 11 },
  },
  deactivateMember: {
    description:
      'Deactivates a member, which frees their seat; deactivating a deactivated member changes nothing. ' +
      SEATS_ANSWER,
    response: { member: { ...member, status: 'deactivated' }, seats: { ...seats, active: 9, available: 9 } },
    problems: { forbidden: 'The caller is not an Admin of the group, or is this member.' },
  },
  reactivateMember: {
    description: `Reactivates a deactivated member, which needs one available seat. ${SEATS_ANSWER}`,
    response: { member, seats },
    problems: {
      forbidden: 'The caller is not an Admin of the group, or is this member.',
      seats_exhausted: 'No seat is available; `required` is 1 and `seats` the current usage.',
    },
  },
  listInvitations: {
    description:
      'Outstanding invitations. An invitation is `expired` once `expiresAt` (10 days after it was last sent) has ' +
      'passed, and still holds its seat until it is removed or resent. `status` filters (default `all`), `q` ' +
      `matches the email, \`delivery\` filters by \`delivery.status\` (\`failed\`: not delivered), \`sort\` defaults to ` +
      `\`-createdAt\`. ${PAGING}`,
    response: { items: [invitation], nextCursor: null, total: 1 },
  },
  invite: {
    description: [
      'Invites people in one or more boxes, each with its own role and subgroup: an existing one by `id`, or one by ' +
        '`name` (an existing name, ignoring case, is used; otherwise it is created with the invitations).',
      'Each email is trimmed and compared ignoring case; it is valid when an HTML `input type=email` accepts it and ' +
        'it has at most 254 characters. Each address gets a result in request order: `invited`, `already_invited` ' +
        '(with the existing invitation), `already_member`, `invalid_email` or `duplicate` (earlier in this request).',
      'All or nothing: the `invited` rows need that many available seats, or `409 seats_exhausted` and nothing is ' +
        'created, not even a new subgroup, also under concurrent requests. Each invitee gets an email with a ' +
        'single-use link (in `locale` when given); the invitation expires 10 days later. At most 500 emails and 50 ' +
        'boxes per request.',
      DELIVERY,
    ].join('\n\n'),
    request: {
      batches: [
        { role: 'learner', subgroup: { id: 'sub_nursing' }, emails: ['kim.nguyen@riverside.example'] },
        { role: 'admin', emails: ['not an email'] },
      ],
      locale: 'en',
    },
    response: {
      results: [
        { email: 'kim.nguyen@riverside.example', status: 'invited', invitation },
        { email: 'not an email', status: 'invalid_email' },
      ],
      seats: { ...seats, pending: 5, available: 7 },
    },
    problems: {
      seats_exhausted: 'The new invitations need more seats than are available; nothing was created.',
      too_many_emails: 'More than 500 emails in the request.',
    },
  },
  resendInvitations: {
    description:
      'Sends each invitation again with a new link (the old one stops working): `lastSentAt` = now, `expiresAt` = ' +
      'now + 10 days, `sendCount` + 1; an expired invitation becomes pending. Seats do not change. One invitation ' +
      'can be sent at most once a minute: sooner, its result is `rate_limited` with `retryAfter` seconds. Unknown ' +
      'ids get `not_found`. Results follow the order of `ids`. Each resent invitation starts its `delivery` over ' +
      `(\`queued\`). ${DELIVERY}`,
    request: { ids: ['inv_3f2a9c', 'inv_7b41d0'] },
    response: {
      results: [
        { id: 'inv_3f2a9c', status: 'resent', invitation: { ...invitation, sendCount: 2 } },
        { id: 'inv_7b41d0', status: 'rate_limited', retryAfter: 42 },
      ],
    },
  },
  removeInvitations: {
    description: `Removes invitations; their links stop working and their seats are free at once. ${SEATS_ANSWER}`,
    request: { ids: ['inv_3f2a9c', 'inv_gone'] },
    response: { removed: ['inv_3f2a9c'], notFound: ['inv_gone'], seats: { ...seats, pending: 3, available: 9 } },
  },
  listActivity: {
    description: [
      'Every change of the group, newest first: who made it (`actor`: a member, or `system` for what the server ' +
        'does on its own), when (`occurredAt`), and to what (`subject`, with the address or name it had). Each ' +
        'change is recorded in the transaction that makes it, so the log never holds a change that did not happen ' +
        'nor misses one that did.',
      'Types: `invitation.created`, `.resent`, `.removed`, `.accepted` (the actor is the new member), `.expired`, ' +
        '`.delivered`, `.delivery_failed` (with `reason`), `.reminded`; `member.deactivated`, `.reactivated`; ' +
        '`subgroup.created`, `.renamed` (with `previousName`), `.removed`. `type` filters to one of them. ' +
        `A cursor stays valid while new changes are added: the next page continues where the last one ended. ${PAGING}`,
    ].join('\n\n'),
    response: {
      items: [
        {
          id: 'evt_9c1d2e',
          type: 'subgroup.renamed',
          occurredAt: '2026-11-29T10:05:00.000Z',
          actor: {
            type: 'member',
            id: 'usr_demo_admin',
            name: 'Dana Whitfield',
            email: 'dana.admin@riverside.example',
          },
          subject: { type: 'subgroup', id: 'sub_nursing', label: 'Nursing Unit' },
          previousName: 'Nursing',
        },
        {
          id: 'evt_4b7a10',
          type: 'invitation.created',
          occurredAt: '2026-11-28T09:00:00.000Z',
          actor: {
            type: 'member',
            id: 'usr_demo_admin',
            name: 'Dana Whitfield',
            email: 'dana.admin@riverside.example',
          },
          subject: { type: 'invitation', id: 'inv_3f2a9c', label: 'kim.nguyen@riverside.example' },
        },
      ],
      nextCursor,
      total: 12,
    },
  },
  lookUpAddresses: {
    description:
      'Changes nothing. For each address (trimmed, compared ignoring case), the member and the invitation (valid or ' +
      'expired) the group has with it, if any; addresses the group does not know are left out. With these, a client ' +
      'applies the rule an invite applies (`planInvites`) to preview the seats a request needs. At most 500 emails.',
    request: { emails: ['kim.nguyen@riverside.example', 'Marco.Rossi@riverside.example', 'new.person@x.org'] },
    response: { members: [member], invitations: [invitation] },
  },
  lookUpInvitation: {
    description:
      'What an invitation link is for, for the accept page. No sign-in: the token from the link is the secret.',
    response: {
      email: 'kim.nguyen@riverside.example',
      groupName: 'Riverside General Hospital',
      role: 'learner',
      expiresAt: '2026-12-08T09:00:00.000Z',
      status: 'pending',
    },
    problems: {
      not_found: 'No invitation has this token: it was used, replaced by a resend, or removed.',
      invitation_expired: 'The invitation has expired; an Admin can resend it.',
    },
  },
  acceptInvitation: {
    description:
      "Accepts an invitation: the invitee becomes an active member with the invitation's role and subgroup, and the " +
      'seat moves from pending to active. The token is single use. The name is trimmed, then 1–100 characters; the ' +
      'password is 8–128 characters.',
    request: { name: 'Kim Nguyen', password: 'correct horse battery' },
    response: {
      ...member,
      id: 'usr_5d0e11',
      email: 'kim.nguyen@riverside.example',
      name: 'Kim Nguyen',
      joinedAt: '2026-11-29T10:00:00.000Z',
    },
    problems: {
      not_found: 'No invitation has this token: it was used, replaced by a resend, or removed.',
      invitation_expired: 'The invitation has expired; an Admin can resend it.',
    },
  },
  readOutbox: {
    description:
      'Demo mode only: the emails the server would have sent, newest first; `to` filters by recipient. It answers ' +
      'once the emails due have been delivered.',
    response: {
      items: [
        {
          to: 'kim.nguyen@riverside.example',
          subject: 'You are invited to Riverside General Hospital',
          text: 'Dana Whitfield invited you … http://localhost:8000/accept?token=…',
          html: '<p>Dana Whitfield invited you …</p>',
          acceptUrl: 'http://localhost:8000/accept?token=q3T1k7W0mX9bR2sV5yZ8aC4dE6fG1hJ3kL5nP7qS9uW',
          sentAt: '2026-11-28T09:00:00.000Z',
        },
      ],
    },
  },
  seedGroup: {
    description:
      'Demo mode only: fills a group with many invitations and members for scale tests; seats are raised to fit.',
    request: { groupId: 'scale', invitations: 1000, expired: 100, members: 500 },
    response: { groupId: 'scale', seats: { total: 1500, active: 500, pending: 900, expired: 100, available: 0 } },
  },
  advanceClock: {
    description:
      'Demo mode only: moves the server clock forward, for every rule that reads time (expiry, throttles, limits, ' +
      'reminders, retries of delivery), and answers after every job that became due has run.',
    request: { advanceMs: 864_000_000 },
    response: { now: '2026-12-08T09:00:00.000Z' },
  },
};
