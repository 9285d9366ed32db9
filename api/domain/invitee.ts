/**
 * The invitee's side: what a link is for, and accepting it to become a member. Tokens are
 * single-use: accepting deletes the invitation in the transaction that adds the member.
 */
import { emailKey } from '../../sdk/emails.ts';
import type { AcceptRequest } from '../../sdk/schemas.ts';
import type { InvitationView, MemberRow, Storage, Transaction } from '../store/store.ts';
import type { Parsed, ServiceContext } from './context.ts';
import { INVITEE_WORDS } from './invitee-words.ts';
import { ProblemError, validationFailed } from './problem.ts';
import { hashToken, newId } from './secrets.ts';
import { memberOf } from './views.ts';
import { actorOf, recordActivity, subjectOf } from './activity.ts';

export function inviteeService(ctx: ServiceContext) {
  const { store } = ctx;

  /** The invitation a token opens, still valid at the clock's time. */
  async function validInvitation(db: Storage, tokenHash: string): Promise<InvitationView> {
    const row = await db.invitationByTokenHash(tokenHash);
    if (!row) throw invitationGone();
    if (ctx.clock.now().toISOString() >= row.expiresAt) throw invitationExpired();
    return row;
  }

  /** Locks the invitation's group, then reads the invitation again: concurrent accepts take turns. */
  async function lockedInvitation(tx: Transaction, tokenHash: string) {
    await tx.lockGroup((await validInvitation(tx, tokenHash)).groupId);
    return validInvitation(tx, tokenHash);
  }

  return {
    async lookUp(token: string) {
      const row = await validInvitation(store, await hashToken(token));
      const group = await store.group(row.groupId);
      if (!group) throw invitationGone();
      const { email, name, role, expiresAt } = row;
      return { email, ...(name ? { name } : {}), groupName: group.name, role, expiresAt, status: 'pending' as const };
    },

    async accept(token: string, input: Parsed<typeof AcceptRequest>) {
      // The cheap look-up first: a dead or guessed link never costs a password hash.
      const tokenHash = await hashToken(token);
      await validInvitation(store, tokenHash);
      if (ctx.isCommonPassword?.(input.password)) throw commonPassword();
      const passwordHash = await ctx.hashPassword(input.password);
      return store.transaction(async (tx) => {
        const row = await lockedInvitation(tx, tokenHash);
        if (await tx.memberByEmail(row.groupId, emailKey(row.email))) throw invitationGone();
        const member: MemberRow = {
          id: newId('usr'),
          groupId: row.groupId,
          email: row.email,
          name: input.name,
          role: row.role,
          subgroupId: row.subgroupId,
          status: 'active',
          joinedAt: ctx.clock.now().toISOString(),
          passwordHash,
        };
        await tx.deleteInvitation(row.id);
        await tx.insertMember(member);
        await recordActivity(ctx, tx, {
          groupId: row.groupId,
          type: 'invitation.accepted',
          actor: actorOf(member),
          subject: subjectOf.invitation(row),
          at: ctx.clock.now(),
        });
        return memberOf({ ...member, subgroupName: row.subgroupName });
      });
    },
  };
}

function invitationGone() {
  return new ProblemError('not_found', 'Invitation not found', INVITEE_WORDS.en.gone);
}

function invitationExpired() {
  return new ProblemError('invitation_expired', 'Invitation expired', INVITEE_WORDS.en.expired);
}

function commonPassword() {
  const message = INVITEE_WORDS.en.passwordCommon;
  return validationFailed([{ path: 'body.password', message, code: 'common_password' }]);
}
