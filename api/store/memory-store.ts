/**
 * A store in memory, for the msw handlers and quick tests. A transaction works on a copy
 * of the state that replaces it only when the work succeeds, so failures change nothing.
 * Transactions run one at a time; reads and writes outside one wait for it to finish.
 * Inside a transaction, use its `tx` (not the store): the store would wait for it forever.
 */
import { createMutex } from './mutex.ts';
import type {
  ActivityRow,
  ActivityStorage,
  GroupStorage,
  InvitationStorage,
  MailStorage,
  MemberStorage,
  ResponseStorage,
  SubgroupStorage,
  GroupRow,
  InvitationMatch,
  DeliveryState,
  InvitationRow,
  InvitationView,
  ListKey,
  Listed,
  ListWindow,
  MemberRow,
  MemberView,
  Store,
  StoredMail,
  StoredResponse,
  SubgroupRow,
  Transaction,
  NewJob,
  JobStorage,
} from './store.ts';
import { OUTBOX_KEEPS, OUTBOX_PAGE } from './store.ts';
import { asyncStorage, settle, type Sync, type SyncStorage } from './sync-storage.ts';
import { nameKey } from './name-key.ts';

interface State {
  groups: Map<string, GroupRow>;
  subgroups: Map<string, SubgroupRow>;
  members: Map<string, MemberRow>;
  invitations: Map<string, InvitationRow & DeliveryState>;
  responses: Map<string, StoredResponse>;
  mails: StoredMail[];
  /** Every group's activity, in the order it was added. */
  activity: ActivityRow[];
  jobs: Map<number, StoredJob>;
  /** The last job id given out. */
  jobSeq: number;
}

interface StoredJob extends NewJob {
  id: number;
  attempts: number;
  status: 'pending' | 'failed';
  lastError: string | null;
  claimedBy: string | null;
  claimedUntil: string | null;
}

export function createMemoryStore(): Store {
  let state: State = {
    groups: new Map(),
    subgroups: new Map(),
    members: new Map(),
    invitations: new Map(),
    responses: new Map(),
    mails: [],
    jobs: new Map(),
    jobSeq: 0,
    activity: [],
  };
  const mutex = createMutex();
  const store: Store = {
    ...asyncStorage(
      storageOn(() => state),
      (run) => mutex.run(() => settle(run)),
    ),
    transaction: (work) =>
      mutex.run(async () => {
        const draft = copyOf(state);
        const tx: Transaction = {
          ...asyncStorage(
            storageOn(() => draft),
            settle,
          ),
          lockGroup: () => Promise.resolve(),
          transaction: (nested) => nested(tx),
        };
        const result = await work(tx);
        state = draft;
        return result;
      }),
    ping: () => Promise.resolve(),
    close: () => mutex.run(() => Promise.resolve()),
  };
  return store;
}

function copyOf(saved: State): State {
  return {
    groups: new Map(saved.groups),
    subgroups: new Map(saved.subgroups),
    members: new Map(saved.members),
    invitations: new Map(saved.invitations),
    responses: new Map(saved.responses),
    mails: [...saved.mails],
    jobs: new Map(saved.jobs),
    jobSeq: saved.jobSeq,
    activity: [...saved.activity],
  };
}

/** The reads and writes on the state `state` gives (the store's, or a transaction's copy). */
function storageOn(state: () => State): SyncStorage {
  const views = viewsOn(state);
  return {
    ...groupsOn(state),
    ...subgroupsOn(state),
    ...membersOn(state, views),
    ...invitationsOn(state, views),
    ...responsesOn(state),
    ...mailsOn(state),
    ...jobsOn(state),
    ...activityOn(state),
  };
}

type Views = ReturnType<typeof viewsOn>;

function viewsOn(state: () => State) {
  const subgroupName = (id: string | null) => (id ? (state().subgroups.get(id)?.name ?? null) : null);
  return {
    member: (row: MemberRow): MemberView => ({ ...row, subgroupName: subgroupName(row.subgroupId) }),
    invitation: (row: InvitationRow & DeliveryState): InvitationView => ({
      ...row,
      subgroupName: subgroupName(row.subgroupId),
      invitedByEmail: state().members.get(row.invitedById)?.email ?? '',
    }),
  };
}

const inGroup = <T extends { groupId: string }>(rows: Map<string, T>, groupId: string) =>
  [...rows.values()].filter((row) => row.groupId === groupId);

function groupsOn(state: () => State): Sync<GroupStorage> {
  return {
    group: (id) => state().groups.get(id),
    insertGroup: (row) => void state().groups.set(row.id, { ...row }),
    setTotalSeats(id, totalSeats) {
      const row = state().groups.get(id);
      if (row) state().groups.set(id, { ...row, totalSeats });
    },
    seatCounts(groupId, now) {
      const invitations = inGroup(state().invitations, groupId);
      const expired = invitations.filter((row) => row.expiresAt <= now).length;
      return {
        active: inGroup(state().members, groupId).filter((row) => row.status === 'active').length,
        pending: invitations.length - expired,
        expired,
      };
    },
  };
}

function subgroupsOn(state: () => State): Sync<SubgroupStorage> {
  const countIn = (rows: Iterable<{ subgroupId: string | null }>, id: string) =>
    [...rows].filter((row) => row.subgroupId === id).length;
  /** Members who hold a seat: a subgroup's member count leaves deactivated people out. */
  const activeMembers = () => [...state().members.values()].filter((row) => row.status === 'active');
  const detach = <T extends { subgroupId: string | null }>(rows: Map<string, T>, id: string) => {
    for (const [key, row] of rows) if (row.subgroupId === id) rows.set(key, { ...row, subgroupId: null });
  };
  /** The memory store's unique index on (group, nameKey(name)), as SQLite has. */
  const refuseTakenKey = (groupId: string, name: string, id: string) => {
    const taken = inGroup(state().subgroups, groupId).some(
      (row) => row.id !== id && nameKey(row.name) === nameKey(name),
    );
    if (taken) throw new Error('UNIQUE constraint failed: subgroups.group_id, subgroups.name_key');
  };
  return {
    subgroups: (groupId) =>
      inGroup(state().subgroups, groupId)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((row) => ({
          ...row,
          memberCount: countIn(activeMembers(), row.id),
          invitationCount: countIn(state().invitations.values(), row.id),
        })),
    subgroup: (groupId, id) => inGroup(state().subgroups, groupId).find((row) => row.id === id),
    subgroupByName: (groupId, name) =>
      inGroup(state().subgroups, groupId).find((row) => nameKey(row.name) === nameKey(name)),
    insertSubgroup(row) {
      refuseTakenKey(row.groupId, row.name, row.id);
      state().subgroups.set(row.id, { ...row });
    },
    renameSubgroup(id, name) {
      const row = state().subgroups.get(id);
      if (!row) return;
      refuseTakenKey(row.groupId, name, id);
      state().subgroups.set(id, { ...row, name });
    },
    deleteSubgroup(id) {
      state().subgroups.delete(id);
      detach(state().members, id);
      detach(state().invitations, id);
    },
  };
}

function membersOn(state: () => State, views: Views): Sync<MemberStorage> {
  const byEmail = (groupId: string, keys: string[], wanted = new Set(keys)) =>
    inGroup(state().members, groupId)
      .filter((m) => wanted.has(m.email.toLowerCase()))
      .map(views.member);
  return {
    member: (id) => {
      const row = state().members.get(id);
      return row && views.member(row);
    },
    memberByEmail: (groupId, emailKey) => byEmail(groupId, [emailKey])[0],
    membersByEmail: byEmail,
    members(groupId, filter) {
      const rows = inGroup(state().members, groupId).filter(
        (row) =>
          (!filter.status || row.status === filter.status) &&
          (!filter.role || row.role === filter.role) &&
          (!filter.subgroupId || row.subgroupId === filter.subgroupId) &&
          (!filter.q || row.email.toLowerCase().includes(filter.q) || row.name.toLowerCase().includes(filter.q)),
      );
      return window(rows.map(views.member), filter.sort, filter);
    },
    insertMember: (row) => void state().members.set(row.id, { ...row }),
    insertMembers: (rows) => rows.forEach((row) => state().members.set(row.id, { ...row })),
    setMemberStatus(id, status) {
      const row = state().members.get(id);
      if (row) state().members.set(id, { ...row, status });
    },
  };
}

function invitationsOn(state: () => State, views: Views): Sync<InvitationStorage> {
  const byEmail = (groupId: string, keys: string[], wanted = new Set(keys)) =>
    inGroup(state().invitations, groupId)
      .filter((i) => wanted.has(i.email.toLowerCase()))
      .map(views.invitation);
  const matching = (groupId: string, match: InvitationMatch) =>
    inGroup(state().invitations, groupId).filter(
      (row) =>
        (match.status === 'all' || (match.status === 'expired') === row.expiresAt <= match.now) &&
        (!match.role || row.role === match.role) &&
        (!match.subgroupId || row.subgroupId === match.subgroupId) &&
        (!match.delivery || row.deliveryStatus === match.delivery) &&
        (!match.q || row.email.toLowerCase().includes(match.q)),
    );
  const insertInvitation = (row: InvitationRow & Partial<DeliveryState>) =>
    void state().invitations.set(row.id, {
      ...{ deliveryStatus: 'sent', deliveryAttempts: 1, deliveryLastAttemptAt: null, deliveryError: null },
      ...row,
    });
  return {
    invitation(groupId, id) {
      const row = state().invitations.get(id);
      return row && row.groupId === groupId ? views.invitation(row) : undefined;
    },
    invitationByEmail: (groupId, emailKey) => byEmail(groupId, [emailKey])[0],
    invitationsByEmail: byEmail,
    invitationByTokenHash(tokenHash) {
      const row = [...state().invitations.values()].find((i) => i.tokenHash === tokenHash);
      return row && views.invitation(row);
    },
    invitations: (groupId, filter) => window(matching(groupId, filter).map(views.invitation), filter.sort, filter),
    insertInvitation,
    insertInvitations: (rows) => rows.forEach(insertInvitation),
    setDelivery(id, send, delivery) {
      const row = state().invitations.get(id);
      if (row?.sendCount === send) state().invitations.set(id, { ...row, ...delivery });
    },
    updateInvitations(updates) {
      for (const { id, ...update } of updates) {
        const row = state().invitations.get(id);
        if (row) state().invitations.set(id, { ...row, ...update });
      }
    },
    deleteInvitation: (id) => void state().invitations.delete(id),
    deleteInvitationsMatching(groupId, match, limit) {
      const doomed = matching(groupId, match).slice(0, limit);
      for (const row of doomed) state().invitations.delete(row.id);
      return doomed.map(({ id, email }) => ({ id, email }));
    },
  };
}

function responsesOn(state: () => State): Sync<ResponseStorage> {
  return {
    storedResponse: (scope, key) => state().responses.get(`${scope}\n${key}`),
    claimResponse(record) {
      const id = `${record.scope}\n${record.key}`;
      if (state().responses.has(id)) return false;
      state().responses.set(id, { ...record });
      return true;
    },
    storeResponse: (record) => void state().responses.set(`${record.scope}\n${record.key}`, { ...record }),
    forgetResponse: (scope, key) => void state().responses.delete(`${scope}\n${key}`),
    purgeResponses(before) {
      for (const [key, row] of state().responses) if (row.createdAt < before) state().responses.delete(key);
    },
  };
}

function mailsOn(state: () => State): Sync<MailStorage> {
  return {
    addMail(mail) {
      const { mails } = state();
      mails.push({ ...mail });
      if (mails.length > OUTBOX_KEEPS) mails.splice(0, mails.length - OUTBOX_KEEPS);
    },
    mails: (to, limit = OUTBOX_PAGE) =>
      state()
        .mails.filter((mail) => !to || mail.to.toLowerCase() === to)
        .slice(-limit)
        .reverse(),
  };
}

function jobsOn(state: () => State): Sync<JobStorage> {
  const pending = () => [...state().jobs.values()].filter((job) => job.status === 'pending');
  /** An ordered job waits for the earlier pending jobs of its kind and group key. */
  const first = (job: StoredJob) =>
    !job.ordered || !pending().some((e) => e.kind === job.kind && e.groupKey === job.groupKey && e.id < job.id);
  return {
    enqueueJobs(jobs) {
      for (const job of jobs) {
        const id = ++state().jobSeq;
        const fresh = { attempts: 0, status: 'pending', lastError: null, claimedBy: null, claimedUntil: null } as const;
        state().jobs.set(id, { ...job, id, ...fresh });
      }
    },
    claimJobs(claim) {
      const free = (job: StoredJob) =>
        job.dueAt <= claim.now && (!job.claimedUntil || job.claimedUntil < claim.wallNow);
      const picked = pending()
        .filter((job) => free(job) && first(job))
        .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id - b.id))
        .slice(0, claim.limit)
        .map((job) => ({
          ...job,
          claimedBy: claim.worker,
          claimedUntil: claim.claimedUntil,
          attempts: job.attempts + 1,
        }));
      for (const job of picked) state().jobs.set(job.id, job);
      return picked
        .sort((a, b) => a.id - b.id)
        .map(({ id, kind, groupKey, payload, attempts }) => ({ id, kind, groupKey, payload, attempts }));
    },
    settleJob(id, worker, outcome) {
      const job = state().jobs.get(id);
      if (job?.claimedBy !== worker) return;
      if (outcome.status === 'done') return void state().jobs.delete(id);
      const dueAt = outcome.status === 'pending' ? outcome.dueAt : job.dueAt;
      const settled = { status: outcome.status, dueAt, lastError: outcome.error, claimedBy: null, claimedUntil: null };
      state().jobs.set(id, { ...job, ...settled });
    },
    nextJobDue: () =>
      pending()
        .filter((job) => !job.claimedUntil)
        .map((job) => job.dueAt)
        .sort()[0],
    jobCounts(kind) {
      const jobs = [...state().jobs.values()].filter((job) => job.kind === kind);
      return {
        pending: jobs.filter((job) => job.status === 'pending').length,
        failed: jobs.filter((job) => job.status === 'failed').length,
      };
    },
  };
}

/** A row's position is its index in the log; a page walks down from the newest, as the SQL stores do. */
function activityOn(state: () => State): Sync<ActivityStorage> {
  return {
    insertActivities: (rows) => void state().activity.push(...rows.map((row) => ({ ...row }))),
    activity(groupId, filter) {
      const matching = state()
        .activity.map((row, seq) => ({ row, seq }))
        .filter(({ row }) => row.groupId === groupId && (!filter.type || row.type === filter.type));
      const before = filter.after ? Number(filter.after.key) : Infinity;
      const newer = matching.filter(({ seq }) => seq < before).reverse();
      const page = newer.slice(0, filter.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ row }) => row),
        total: matching.length,
        next: newer.length > filter.limit && last ? { key: String(last.seq), id: last.row.id } : null,
      };
    },
  };
}

/**
 * Sorts by a contract sort key (`-` for descending, ties broken by id) and cuts the page
 * after `range.after` (keyset, as the SQL stores do).
 */
function window<T extends { id: string }>(rows: T[], sort: string, range: ListWindow): Listed<T> {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as keyof T;
  const direction = descending ? -1 : 1;
  const compare = (a: ListKey, b: ListKey) =>
    direction * (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // Keys are computed once per row, not once per comparison: it matters at 50,000 rows.
  const keyed = rows.map((row) => ({ key: String(row[field]).toLowerCase(), id: row.id, row }));
  keyed.sort(compare);
  const { after } = range;
  const start = after ? keyed.findIndex((entry) => compare(entry, after) > 0) : 0;
  const page = start < 0 ? [] : keyed.slice(start, start + range.limit);
  const last = page.at(-1);
  const more = start >= 0 && start + range.limit < keyed.length;
  return {
    items: page.map(({ row }) => row),
    total: rows.length,
    next: more && last ? { key: last.key, id: last.id } : null,
  };
}
