/**
 * A store in memory, for the msw handlers and quick tests. A transaction keeps a copy of
 * the state and puts it back when the work throws, so failures change nothing.
 */
import type {
  GroupRow,
  InvitationRow,
  InvitationView,
  Listed,
  MemberRow,
  MemberView,
  Store,
  StoredMail,
  StoredResponse,
  SubgroupRow,
} from './store.ts';

interface State {
  groups: Map<string, GroupRow>;
  subgroups: Map<string, SubgroupRow>;
  members: Map<string, MemberRow>;
  invitations: Map<string, InvitationRow>;
  responses: Map<string, StoredResponse>;
  mails: StoredMail[];
}

export function createMemoryStore(): Store {
  let state: State = {
    groups: new Map(),
    subgroups: new Map(),
    members: new Map(),
    invitations: new Map(),
    responses: new Map(),
    mails: [],
  };

  const subgroupName = (id: string | null) => (id ? (state.subgroups.get(id)?.name ?? null) : null);
  const memberView = (row: MemberRow): MemberView => ({ ...row, subgroupName: subgroupName(row.subgroupId) });
  const invitationView = (row: InvitationRow): InvitationView => ({
    ...row,
    subgroupName: subgroupName(row.subgroupId),
    invitedByEmail: state.members.get(row.invitedById)?.email ?? '',
  });
  const inGroup = <T extends { groupId: string }>(rows: Map<string, T>, groupId: string) =>
    [...rows.values()].filter((row) => row.groupId === groupId);

  return {
    transaction(work) {
      const saved = state;
      state = {
        groups: new Map(saved.groups),
        subgroups: new Map(saved.subgroups),
        members: new Map(saved.members),
        invitations: new Map(saved.invitations),
        responses: new Map(saved.responses),
        mails: [...saved.mails],
      };
      try {
        return work();
      } catch (error) {
        state = saved;
        throw error;
      }
    },

    group: (id) => state.groups.get(id),
    insertGroup: (row) => void state.groups.set(row.id, { ...row }),
    seatCounts(groupId, now) {
      const invitations = inGroup(state.invitations, groupId);
      const expired = invitations.filter((row) => row.expiresAt <= now).length;
      return {
        active: inGroup(state.members, groupId).filter((row) => row.status === 'active').length,
        pending: invitations.length - expired,
        expired,
      };
    },

    subgroups(groupId) {
      return inGroup(state.subgroups, groupId)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((row) => ({
          ...row,
          memberCount: [...state.members.values()].filter((m) => m.subgroupId === row.id).length,
          invitationCount: [...state.invitations.values()].filter((i) => i.subgroupId === row.id).length,
        }));
    },
    subgroup: (groupId, id) => inGroup(state.subgroups, groupId).find((row) => row.id === id),
    subgroupByName: (groupId, name) =>
      inGroup(state.subgroups, groupId).find((row) => row.name.toLowerCase() === name.toLowerCase()),
    insertSubgroup: (row) => void state.subgroups.set(row.id, { ...row }),
    renameSubgroup(id, name) {
      const row = state.subgroups.get(id);
      if (row) state.subgroups.set(id, { ...row, name });
    },
    deleteSubgroup(id) {
      state.subgroups.delete(id);
      for (const [key, row] of state.members) if (row.subgroupId === id) state.members.set(key, { ...row, subgroupId: null });
      for (const [key, row] of state.invitations) if (row.subgroupId === id) state.invitations.set(key, { ...row, subgroupId: null });
    },

    member: (id) => {
      const row = state.members.get(id);
      return row && memberView(row);
    },
    memberByEmail(groupId, emailKey) {
      const row = inGroup(state.members, groupId).find((m) => m.email.toLowerCase() === emailKey);
      return row && memberView(row);
    },
    members(groupId, filter) {
      const rows = inGroup(state.members, groupId).filter(
        (row) =>
          (!filter.status || row.status === filter.status) &&
          (!filter.role || row.role === filter.role) &&
          (!filter.subgroupId || row.subgroupId === filter.subgroupId) &&
          (!filter.q || row.email.toLowerCase().includes(filter.q) || row.name.toLowerCase().includes(filter.q)),
      );
      return window(rows.map(memberView), filter.sort, filter);
    },
    insertMember: (row) => void state.members.set(row.id, { ...row }),
    setMemberStatus(id, status) {
      const row = state.members.get(id);
      if (row) state.members.set(id, { ...row, status });
    },

    invitation(groupId, id) {
      const row = state.invitations.get(id);
      return row && row.groupId === groupId ? invitationView(row) : undefined;
    },
    invitationByEmail(groupId, emailKey) {
      const row = inGroup(state.invitations, groupId).find((i) => i.email.toLowerCase() === emailKey);
      return row && invitationView(row);
    },
    invitationByTokenHash(tokenHash) {
      const row = [...state.invitations.values()].find((i) => i.tokenHash === tokenHash);
      return row && invitationView(row);
    },
    invitations(groupId, filter) {
      const rows = inGroup(state.invitations, groupId).filter(
        (row) =>
          (filter.status === 'all' || (filter.status === 'expired') === row.expiresAt <= filter.now) &&
          (!filter.role || row.role === filter.role) &&
          (!filter.subgroupId || row.subgroupId === filter.subgroupId) &&
          (!filter.q || row.email.toLowerCase().includes(filter.q)),
      );
      return window(rows.map(invitationView), filter.sort, filter);
    },
    insertInvitation: (row) => void state.invitations.set(row.id, { ...row }),
    updateInvitation(id, change) {
      const row = state.invitations.get(id);
      if (row) state.invitations.set(id, { ...row, ...change });
    },
    deleteInvitation: (id) => void state.invitations.delete(id),

    storedResponse: (scope, key) => state.responses.get(`${scope}\n${key}`),
    storeResponse: (record) => void state.responses.set(`${record.scope}\n${record.key}`, { ...record }),
    purgeResponses(before) {
      for (const [key, row] of state.responses) if (row.createdAt < before) state.responses.delete(key);
    },

    addMail: (mail) => void state.mails.push({ ...mail }),
    mails: (to) => state.mails.filter((mail) => !to || mail.to.toLowerCase() === to).reverse(),
  };
}

/** Sorts by a contract sort key (`-` for descending, ties broken by id) and cuts a window. */
function window<T extends { id: string }>(rows: T[], sort: string, range: { offset: number; limit: number }): Listed<T> {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as keyof T;
  const direction = descending ? -1 : 1;
  // Keys are computed once per row, not once per comparison: it matters at 50,000 rows.
  const keyed = rows.map((row) => ({ key: String(row[field]).toLowerCase(), row }));
  keyed.sort((a, b) => direction * (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  return { items: keyed.slice(range.offset, range.offset + range.limit).map(({ row }) => row), total: rows.length };
}
