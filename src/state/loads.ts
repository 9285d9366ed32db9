/**
 * What a store of its own loads: the elements used alone need the subgroups (their
 * filters, the invite dialog's subgroup field) and the invite dialog the seats too.
 */
import type { Api, SectionStore } from './section-store.ts';

export async function loadSubgroups(store: SectionStore, api: Api, signal: AbortSignal) {
  store.subgroups = (await api.client.subgroups.list(api.groupId, { signal })).items;
  store.changed();
}

/** Seats and subgroups, read together. */
export async function loadGroupState(store: SectionStore, api: Api, signal: AbortSignal) {
  const [group, subgroups] = await Promise.all([
    api.client.group.get(api.groupId, { signal }),
    api.client.subgroups.list(api.groupId, { signal }),
  ]);
  store.seats = group.seats;
  store.subgroups = subgroups.items;
  store.changed();
  return group;
}
