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
  `
  -- Lists walk an index in their sort order, ties broken by id: a page costs O(log n + page).
  CREATE INDEX invitations_by_created ON invitations (group_id, created_at, id);
  CREATE INDEX invitations_by_email ON invitations (group_id, lower(email), id);
  CREATE INDEX invitations_by_expires ON invitations (group_id, expires_at, id);
  CREATE INDEX invitations_by_last_sent ON invitations (group_id, last_sent_at, id);
  CREATE INDEX invitations_by_subgroup ON invitations (subgroup_id, created_at, id);
  DROP INDEX invitations_created;
  DROP INDEX invitations_expires;
  CREATE INDEX members_by_email ON members (group_id, lower(email), id);
  CREATE INDEX members_by_name ON members (group_id, lower(name), id);
  CREATE INDEX members_by_joined ON members (group_id, joined_at, id);
  CREATE INDEX members_by_subgroup ON members (subgroup_id, joined_at, id);
  CREATE INDEX outbox_recipient ON outbox (lower(recipient), seq);

  -- Substring search: trigram indexes of the addresses (and members' names).
  CREATE VIRTUAL TABLE invitations_search USING fts5(
    email, content = 'invitations', content_rowid = 'rowid', tokenize = 'trigram');
  CREATE VIRTUAL TABLE members_search USING fts5(
    email, name, content = 'members', content_rowid = 'rowid', tokenize = 'trigram');
  INSERT INTO invitations_search (invitations_search) VALUES ('rebuild');
  INSERT INTO members_search (members_search) VALUES ('rebuild');

  -- Counts kept up to date by triggers, in the writing transaction: invitations by subgroup
  -- ('' for none), role and the hour they expire in; members by subgroup, role and status.
  CREATE TABLE invitation_counts (
    group_id TEXT NOT NULL, subgroup_id TEXT NOT NULL, role TEXT NOT NULL, expiry_hour TEXT NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY (group_id, subgroup_id, role, expiry_hour)) WITHOUT ROWID;
  CREATE TABLE member_counts (
    group_id TEXT NOT NULL, subgroup_id TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY (group_id, subgroup_id, role, status)) WITHOUT ROWID;
  INSERT INTO invitation_counts
    SELECT group_id, coalesce(subgroup_id, ''), role, substr(expires_at, 1, 13), count(*) FROM invitations
    GROUP BY 1, 2, 3, 4;
  INSERT INTO member_counts
    SELECT group_id, coalesce(subgroup_id, ''), role, status, count(*) FROM members GROUP BY 1, 2, 3, 4;

  CREATE TRIGGER invitations_added AFTER INSERT ON invitations BEGIN
    INSERT INTO invitations_search (rowid, email) VALUES (new.rowid, new.email);
    INSERT INTO invitation_counts
      VALUES (new.group_id, coalesce(new.subgroup_id, ''), new.role, substr(new.expires_at, 1, 13), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER invitations_removed AFTER DELETE ON invitations BEGIN
    INSERT INTO invitations_search (invitations_search, rowid, email) VALUES ('delete', old.rowid, old.email);
    UPDATE invitation_counts SET n = n - 1 WHERE group_id = old.group_id
      AND subgroup_id = coalesce(old.subgroup_id, '') AND role = old.role AND expiry_hour = substr(old.expires_at, 1, 13);
  END;
  CREATE TRIGGER invitations_changed AFTER UPDATE OF subgroup_id, role, expires_at ON invitations BEGIN
    UPDATE invitation_counts SET n = n - 1 WHERE group_id = old.group_id
      AND subgroup_id = coalesce(old.subgroup_id, '') AND role = old.role AND expiry_hour = substr(old.expires_at, 1, 13);
    INSERT INTO invitation_counts
      VALUES (new.group_id, coalesce(new.subgroup_id, ''), new.role, substr(new.expires_at, 1, 13), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER members_added AFTER INSERT ON members BEGIN
    INSERT INTO members_search (rowid, email, name) VALUES (new.rowid, new.email, new.name);
    INSERT INTO member_counts VALUES (new.group_id, coalesce(new.subgroup_id, ''), new.role, new.status, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER members_changed AFTER UPDATE OF subgroup_id, role, status ON members BEGIN
    UPDATE member_counts SET n = n - 1 WHERE group_id = old.group_id
      AND subgroup_id = coalesce(old.subgroup_id, '') AND role = old.role AND status = old.status;
    INSERT INTO member_counts VALUES (new.group_id, coalesce(new.subgroup_id, ''), new.role, new.status, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  `,
  // Subgroup names are unique by nameKey() (api/store/name-key.ts), which SQLite's ASCII-only
  // lower() cannot compute: the key is a column the store fills, first here through the
  // name_key() function it registers. Names that already collide keep distinct keys (id appended).
  `
  ALTER TABLE subgroups ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
  UPDATE subgroups SET name_key = name_key(name) || CASE WHEN EXISTS (
    SELECT 1 FROM subgroups o WHERE o.group_id = subgroups.group_id AND name_key(o.name) = name_key(subgroups.name) AND o.id < subgroups.id
  ) THEN ' ' || id ELSE '' END;
  DROP INDEX subgroups_name;
  CREATE UNIQUE INDEX subgroups_name_key ON subgroups (group_id, name_key);
  `,
  // The invitee's name as the admin gave it (issue 13).
  `ALTER TABLE invitations ADD COLUMN name TEXT;`,
  // The durable outbox (issue 11): jobs to run later, and where each invitation's email stands.
  // Rows from before were mailed in their request: they count as sent.
  `
  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, group_key TEXT NOT NULL, ordered INTEGER NOT NULL,
    payload TEXT NOT NULL, due_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed')), last_error TEXT,
    claimed_by TEXT, claimed_until TEXT, created_at TEXT NOT NULL);
  CREATE INDEX jobs_due ON jobs (due_at, id) WHERE status = 'pending';
  CREATE INDEX jobs_in_order ON jobs (kind, group_key, id) WHERE status = 'pending';
  ALTER TABLE invitations ADD COLUMN delivery_status TEXT NOT NULL DEFAULT 'sent'
    CHECK (delivery_status IN ('queued', 'retrying', 'sent', 'failed'));
  ALTER TABLE invitations ADD COLUMN delivery_attempts INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE invitations ADD COLUMN delivery_last_attempt_at TEXT;
  ALTER TABLE invitations ADD COLUMN delivery_error TEXT;
  `,
  // The activity log (issue 11): rows numbered in the order they were added, read newest first.
  `
  CREATE TABLE activity (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, group_id TEXT NOT NULL REFERENCES groups(id),
    type TEXT NOT NULL, occurred_at TEXT NOT NULL, actor_id TEXT, actor_name TEXT, actor_email TEXT,
    subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, subject_label TEXT NOT NULL, previous_name TEXT, reason TEXT);
  CREATE INDEX activity_by_group ON activity (group_id, seq);
  CREATE INDEX activity_by_type ON activity (group_id, type, seq);
  `,
  // Per group, the shortest time from creation or last send to expiry, in whole seconds (it only
  // ever shrinks): expired lists sorted by creation or sending start their index walk at
  // `now` less it (sql-lists.ts latestExpiredSend), not at the newest pending invitation.
  `
  CREATE TABLE invitation_spans (group_id TEXT PRIMARY KEY, shortest INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO invitation_spans
    SELECT group_id, min(CAST((julianday(expires_at) - julianday(max(created_at, last_sent_at))) * 86400 AS INTEGER) - 1)
    FROM invitations GROUP BY 1;
  CREATE TRIGGER invitations_spanned AFTER INSERT ON invitations BEGIN
    INSERT INTO invitation_spans VALUES (new.group_id,
      CAST((julianday(new.expires_at) - julianday(max(new.created_at, new.last_sent_at))) * 86400 AS INTEGER) - 1)
      ON CONFLICT DO UPDATE SET shortest = min(shortest, excluded.shortest);
  END;
  CREATE TRIGGER invitations_respanned AFTER UPDATE OF created_at, last_sent_at, expires_at ON invitations BEGIN
    INSERT INTO invitation_spans VALUES (new.group_id,
      CAST((julianday(new.expires_at) - julianday(max(new.created_at, new.last_sent_at))) * 86400 AS INTEGER) - 1)
      ON CONFLICT DO UPDATE SET shortest = min(shortest, excluded.shortest);
  END;
  `,
];
