/**
 * Type test (checked by `npm run typecheck`, never run): the tags in React 19 JSX with
 * `manage-users/jsx`, the way a host writes them, and what the compiler must refuse.
 */
import type {} from '../../frameworks/jsx.ts';
import type { Seats } from '../../sdk/index.ts';

/** A handler written for another event's detail. */
const countResults = (event: CustomEvent<{ results: string[] }>) => event.detail.results.length;

export function Host({ onSeats }: { onSeats: (seats: Seats) => void }) {
  return (
    <>
      <manage-users
        base-url="/api/v1/"
        group-id="g_123"
        getToken={() => 'token'}
        onseats-changed={(event) => onSeats(event.detail.seats)}
        oninvitations-remove-request={(event) => event.detail.ids.length > 10 && event.preventDefault()}
      />
      <pending-table status="expired" page-size={20} />
      {/* @ts-expect-error -- the members panel lists active or deactivated members, not expired ones */}
      <members-panel status="expired" />
      {/* @ts-expect-error -- a token provider returns a string, not a number */}
      <manage-users getToken={() => 42} />
      {/* @ts-expect-error -- seats-changed carries seats, not results */}
      <manage-users onseats-changed={countResults} />
    </>
  );
}
