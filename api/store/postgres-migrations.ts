/** Schema changes for PostgreSQL, in order; `schema_migrations` records how many have run. */
export const POSTGRES_MIGRATIONS = [
  `
  CREATE TABLE groups (id text PRIMARY KEY, name text NOT NULL, total_seats integer NOT NULL CHECK (total_seats >= 0));
  CREATE TABLE subgroups (
    id text PRIMARY KEY, group_id text NOT NULL REFERENCES groups(id), name text NOT NULL,
    created_at timestamptz NOT NULL);
  CREATE UNIQUE INDEX subgroups_name ON subgroups (group_id, lower(name));
  CREATE TABLE members (
    id text PRIMARY KEY, group_id text NOT NULL REFERENCES groups(id), email text NOT NULL, name text NOT NULL,
    role text NOT NULL CHECK (role IN ('learner', 'admin')), subgroup_id text REFERENCES subgroups(id),
    status text NOT NULL CHECK (status IN ('active', 'deactivated')), joined_at timestamptz NOT NULL,
    password_hash text);
  CREATE UNIQUE INDEX members_email ON members (group_id, lower(email));
  CREATE INDEX members_subgroup ON members (subgroup_id);
  CREATE TABLE invitations (
    id text PRIMARY KEY, group_id text NOT NULL REFERENCES groups(id), email text NOT NULL,
    role text NOT NULL CHECK (role IN ('learner', 'admin')), subgroup_id text REFERENCES subgroups(id),
    token_hash text NOT NULL UNIQUE, created_at timestamptz NOT NULL, last_sent_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL, send_count integer NOT NULL, invited_by_id text NOT NULL, locale text NOT NULL);
  CREATE UNIQUE INDEX invitations_email ON invitations (group_id, lower(email));
  CREATE INDEX invitations_created ON invitations (group_id, created_at);
  CREATE INDEX invitations_expires ON invitations (group_id, expires_at);
  CREATE INDEX invitations_subgroup ON invitations (subgroup_id);
  CREATE TABLE stored_responses (
    scope text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, status integer NOT NULL, body text NOT NULL,
    created_at timestamptz NOT NULL, PRIMARY KEY (scope, key));
  CREATE INDEX stored_responses_created ON stored_responses (created_at);
  CREATE TABLE outbox (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, recipient text NOT NULL, subject text NOT NULL,
    text text NOT NULL, html text NOT NULL, accept_url text NOT NULL, sent_at timestamptz NOT NULL);
  CREATE INDEX outbox_recipient ON outbox (lower(recipient));
  `,
  `
  -- Lists walk an index in their sort order, ties broken by id: a page costs O(log n + page).
  CREATE INDEX invitations_by_created ON invitations (group_id, created_at, id);
  CREATE INDEX invitations_by_email ON invitations (group_id, lower(email), id);
  CREATE INDEX invitations_by_expires ON invitations (group_id, expires_at, id);
  CREATE INDEX invitations_by_last_sent ON invitations (group_id, last_sent_at, id);
  DROP INDEX invitations_created;
  DROP INDEX invitations_expires;
  CREATE INDEX members_by_email ON members (group_id, lower(email), id);
  CREATE INDEX members_by_name ON members (group_id, lower(name), id);
  CREATE INDEX members_by_joined ON members (group_id, joined_at, id);
  `,
  // Subgroup names are unique by nameKey() (api/store/name-key.ts), a column the store fills.
  // Rows written before are keyed here with PostgreSQL's closest rule (NFKC, lower case); names
  // that collide under it keep distinct keys (id appended). Renaming re-keys a row.
  `
  ALTER TABLE subgroups ADD COLUMN name_key text;
  UPDATE subgroups s SET name_key = lower(normalize(s.name, NFKC)) || CASE WHEN EXISTS (
    SELECT 1 FROM subgroups o WHERE o.group_id = s.group_id AND lower(normalize(o.name, NFKC)) = lower(normalize(s.name, NFKC))
      AND o.id < s.id
  ) THEN ' ' || s.id ELSE '' END;
  ALTER TABLE subgroups ALTER COLUMN name_key SET NOT NULL;
  DROP INDEX subgroups_name;
  CREATE UNIQUE INDEX subgroups_name_key ON subgroups (group_id, name_key);
  `,
  // The invitee's name as the admin gave it (issue 13).
  `ALTER TABLE invitations ADD COLUMN name text;`,
  // The durable outbox (issue 11): jobs to run later, and where each invitation's email stands.
  // Rows from before were mailed in their request: they count as sent.
  `
  CREATE TABLE jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text NOT NULL, group_key text NOT NULL,
    ordered boolean NOT NULL, payload text NOT NULL, due_at timestamptz NOT NULL, attempts integer NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed')), last_error text,
    claimed_by text, claimed_until timestamptz, created_at timestamptz NOT NULL);
  CREATE INDEX jobs_due ON jobs (due_at, id) WHERE status = 'pending';
  CREATE INDEX jobs_in_order ON jobs (kind, group_key, id) WHERE status = 'pending';
  ALTER TABLE invitations ADD COLUMN delivery_status text NOT NULL DEFAULT 'sent'
    CHECK (delivery_status IN ('queued', 'retrying', 'sent', 'failed'));
  ALTER TABLE invitations ADD COLUMN delivery_attempts integer NOT NULL DEFAULT 1;
  ALTER TABLE invitations ADD COLUMN delivery_last_attempt_at timestamptz;
  ALTER TABLE invitations ADD COLUMN delivery_error text;
  `,
  // The activity log (issue 11): rows numbered in the order they were added, read newest first.
  `
  CREATE TABLE activity (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE,
    group_id text NOT NULL REFERENCES groups(id), type text NOT NULL, occurred_at timestamptz NOT NULL,
    actor_id text, actor_name text, actor_email text, subject_type text NOT NULL, subject_id text NOT NULL,
    subject_label text NOT NULL, previous_name text, reason text);
  CREATE INDEX activity_by_group ON activity (group_id, seq);
  CREATE INDEX activity_by_type ON activity (group_id, type, seq);
  `,
];
