/** Schema changes, in order; `PRAGMA user_version` records how many have run. */
export const MIGRATIONS = [
  `
  CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, total_seats INTEGER NOT NULL CHECK (total_seats >= 0));
  CREATE TABLE subgroups (
    id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id), name TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE UNIQUE INDEX subgroups_name ON subgroups (group_id, lower(name));
  CREATE TABLE members (
    id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id), email TEXT NOT NULL, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('learner', 'admin')), subgroup_id TEXT REFERENCES subgroups(id),
    status TEXT NOT NULL CHECK (status IN ('active', 'deactivated')), joined_at TEXT NOT NULL, password_hash TEXT);
  CREATE UNIQUE INDEX members_email ON members (group_id, lower(email));
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id), email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('learner', 'admin')), subgroup_id TEXT REFERENCES subgroups(id),
    token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, last_sent_at TEXT NOT NULL, expires_at TEXT NOT NULL,
    send_count INTEGER NOT NULL, invited_by_id TEXT NOT NULL, locale TEXT NOT NULL);
  CREATE UNIQUE INDEX invitations_email ON invitations (group_id, lower(email));
  CREATE INDEX invitations_created ON invitations (group_id, created_at);
  CREATE INDEX invitations_expires ON invitations (group_id, expires_at);
  CREATE TABLE stored_responses (
    scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY (scope, key));
  CREATE INDEX stored_responses_created ON stored_responses (created_at);
  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, recipient TEXT NOT NULL, subject TEXT NOT NULL, text TEXT NOT NULL,
    html TEXT NOT NULL, accept_url TEXT NOT NULL, sent_at TEXT NOT NULL);
  `,
  // Answers stored before fingerprints were keyed hashes kept raw paths and bodies (tokens,
  // passwords): forget them all. With secure_delete on, their bytes are zeroed, not just unlinked.
  `DELETE FROM stored_responses;`,
];
