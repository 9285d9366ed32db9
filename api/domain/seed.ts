/**
 * The demo data: group `demo` with 25 seats, subgroups, members, and pending and expired
 * invitations, so every state of the product can be seen at once.
 */
import type { MemberView, Store } from '../store/store.ts';
import type { Clock } from './clock.ts';
import { invitationMail } from '../mail/invitation-mail.ts';
import { mintToken } from './secrets.ts';

/** The two fixed tokens of demo mode and the members they sign in as. */
export const DEMO_TOKENS = { 'demo-admin': 'usr_demo_admin', 'demo-learner': 'usr_demo_learner' } as const;
export const DEMO_GROUP_ID = 'demo';

const DAY = 86_400_000;

/**
 * Signs in with a demo token: `demo-admin` or `demo-learner` in group `demo`, or
 * `demo-admin@<groupId>` (and `demo-learner@…`) as the member of that group with the same
 * address, which a group filled by `POST dev/seed` has (the demo's big group).
 */
export function demoAuthenticate(store: Store) {
  return async (token: string): Promise<MemberView | undefined> => {
    const [name = '', groupId] = token.split('@', 2);
    const id = Object.hasOwn(DEMO_TOKENS, name) ? DEMO_TOKENS[name as keyof typeof DEMO_TOKENS] : undefined;
    const member = id ? await store.member(id) : undefined;
    if (!member || groupId === undefined) return member;
    return store.memberByEmail(groupId, member.email.toLowerCase());
  };
}

const SUBGROUPS = [
  { id: 'sub_emergency', name: 'Emergency Medicine' },
  { id: 'sub_radiology', name: 'Radiology' },
  { id: 'sub_nursing', name: 'Nursing' },
];
const MEMBERS = [
  ['usr_demo_admin', 'dana.admin@riverside.example', 'Dana Whitfield', 'admin', null, 'active', 200],
  ['usr_demo_learner', 'lee.learner@riverside.example', 'Lee Okafor', 'learner', 'sub_emergency', 'active', 120],
  ['usr_priya', 'priya.shah@riverside.example', 'Priya Shah', 'admin', 'sub_radiology', 'active', 180],
  ['usr_marco', 'marco.rossi@riverside.example', 'Marco Rossi', 'learner', 'sub_emergency', 'active', 90],
  ['usr_aiko', 'aiko.tanaka@riverside.example', 'Aiko Tanaka', 'learner', 'sub_radiology', 'active', 75],
  ['usr_sam', 'sam.carter@riverside.example', 'Sam Carter', 'learner', 'sub_nursing', 'active', 60],
  ['usr_ines', 'ines.garcia@riverside.example', 'Inés García', 'learner', 'sub_nursing', 'active', 45],
  ['usr_tom', 'tom.becker@riverside.example', 'Tom Becker', 'learner', null, 'active', 30],
  ['usr_nora', 'nora.lind@riverside.example', 'Nora Lind', 'learner', 'sub_emergency', 'active', 20],
  ['usr_omar', 'omar.haddad@riverside.example', 'Omar Haddad', 'learner', 'sub_radiology', 'active', 12],
  ['usr_ruth', 'ruth.mensah@riverside.example', 'Ruth Mensah', 'learner', 'sub_nursing', 'deactivated', 150],
] as const;
/** [email, role, subgroup, days since last sent]: 4 still valid, 3 expired. */
const INVITATIONS = [
  ['kim.nguyen@riverside.example', 'learner', 'sub_emergency', 1],
  ['felix.wagner@riverside.example', 'learner', 'sub_radiology', 3],
  ['grace.obi@riverside.example', 'admin', null, 6],
  ['hugo.martin@riverside.example', 'learner', 'sub_nursing', 8],
  ['ana.silva@riverside.example', 'learner', 'sub_emergency', 12],
  ['ben.cohen@riverside.example', 'learner', null, 15],
  ['chloe.dubois@riverside.example', 'learner', 'sub_nursing', 21],
] as const;

/** Fills a new store; does nothing when the demo group exists already. */
export async function seedDemo(options: { store: Store; clock: Clock; acceptUrl: (token: string) => string }) {
  const { store, clock } = options;
  if (await store.group(DEMO_GROUP_ID)) return;
  const now = clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const groupName = 'Riverside General Hospital';
  const minted = await Promise.all(INVITATIONS.map(async (invitation) => ({ invitation, ...(await mintToken()) })));

  const seeding = store.transaction(async (tx) => {
    await tx.insertGroup({ id: DEMO_GROUP_ID, name: groupName, totalSeats: 25 });
    for (const sub of SUBGROUPS) await tx.insertSubgroup({ ...sub, groupId: DEMO_GROUP_ID, createdAt: at(210) });
    for (const [id, email, name, role, subgroupId, status, daysAgo] of MEMBERS) {
      const joinedAt = at(daysAgo);
      const groupId = DEMO_GROUP_ID;
      await tx.insertMember({ id, groupId, email, name, role, subgroupId, status, joinedAt, passwordHash: null });
    }
    const rows = minted.map(({ invitation: [email, role, subgroupId, daysAgo], token, tokenHash }, index) => {
      const row = {
        id: `inv_seed_${index + 1}`,
        groupId: DEMO_GROUP_ID,
        email,
        name: null,
        role,
        subgroupId,
        tokenHash,
        createdAt: at(daysAgo + 2 * (index % 2)),
        lastSentAt: at(daysAgo),
        expiresAt: at(daysAgo - 10),
        sendCount: 1 + (index % 2),
        invitedById: index % 3 === 2 ? 'usr_priya' : 'usr_demo_admin',
        locale: 'en',
      };
      const mail = invitationMail({ ...row, to: email, groupName, acceptUrl: options.acceptUrl(token) });
      // Dated when the invitation says it was last sent, as the Pending table shows it.
      return { row, mail: { ...mail, sentAt: row.lastSentAt } };
    });
    for (const { row } of rows) await tx.insertInvitation(row);
    return rows.map(({ mail }) => mail);
  });
  // Another instance starting on the same database may have seeded it meanwhile: its group
  // came first (our insert waited for its commit, then failed), and it sends the mails.
  const mails = await seeding.catch(async (error: unknown) => {
    if (await store.group(DEMO_GROUP_ID)) return [];
    throw error;
  });
  // For show, so in the outbox even when the server sends through SMTP.
  for (const mail of mails) await store.addMail(mail);
}
