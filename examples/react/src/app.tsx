import { useState } from 'react';
import { ManageUsers } from 'manage-users/react';
import type { Seats } from 'manage-users/sdk';

/** A host page: its own header shows what the widget reports. */
export function App({ baseUrl, groupId }: { baseUrl: string; groupId: string }) {
  const [seats, setSeats] = useState<Seats>();
  const [lastSent, setLastSent] = useState(0);
  return (
    <main>
      <header>
        <h1>Acme Training</h1>
        <p role="status">
          {seats ? `Seats in use: ${seats.total - seats.available} of ${seats.total}` : 'Loading seats…'}
          {lastSent > 0 && ` · Last invite: ${lastSent} sent`}
        </p>
      </header>
      <ManageUsers
        baseUrl={baseUrl}
        groupId={groupId}
        getToken={() => 'demo-admin' /* your session's access token */}
        onSeatsChanged={(event) => setSeats(event.detail.seats)}
        onInvitationsSent={(event) => setLastSent(event.detail.results.length)}
      />
    </main>
  );
}
