/**
 * What `<manage-users>` shares with the elements inside it: its {@link SectionStore}.
 */
import { createContext } from '@lit/context';
import type { SectionStore } from './state/section-store.ts';

/** The state one section shares: seats, subgroups, the signed-in member, stale lists. */
export type Section = SectionStore;

export const sectionContext = createContext<Section>(Symbol('manage-users-section'));
