/**
 * What `<manage-users>` shares with the elements inside it.
 */
import { createContext } from '@lit/context';
import type { InvitationsClient, Seats, Subgroup } from '../sdk/index.ts';

export interface Section {
  client: InvitationsClient;
  groupId: string;
  locale: string;
  /** The time relative expiry is shown against (the demo clock can move it). */
  now: () => number;
  /** Latest seat usage, when known. */
  seats: Seats | undefined;
  /** Latest subgroups, when known. */
  subgroups: Subgroup[] | undefined;
}

export const sectionContext = createContext<Section | undefined>(Symbol('manage-users-section'));
