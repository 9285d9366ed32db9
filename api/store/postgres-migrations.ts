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
  // Lists at scale (issue 10 on PostgreSQL): trigram indexes for substring search, indexes for
  // the subgroup filter in each sort's order, and counts kept by statement-level triggers in the
  // writing transaction (one update per statement and bucket, not per row). The operator class
  // is named in whichever schema holds pg_trgm, which may have been installed before.
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  DO $$
  DECLARE ops text := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
    JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
  BEGIN
    EXECUTE format('CREATE INDEX invitations_email_trigrams ON invitations USING gin (lower(email) %s)', ops);
    EXECUTE format('CREATE INDEX members_email_trigrams ON members USING gin (lower(email) %s)', ops);
    EXECUTE format('CREATE INDEX members_name_trigrams ON members USING gin (lower(name) %s)', ops);
  END $$;
  CREATE INDEX invitations_by_subgroup ON invitations (subgroup_id, created_at, id);
  CREATE INDEX members_by_subgroup ON members (subgroup_id, joined_at, id);
  DROP INDEX invitations_subgroup;
  DROP INDEX members_subgroup;

  -- Invitations by subgroup ('' for none), role and the hour they expire in (UTC, as text:
  -- '2026-11-30T09'); members by subgroup, role and status; and per group the shortest time
  -- from creation or last send to expiry, in whole seconds (it only ever shrinks).
  CREATE TABLE invitation_counts (
    group_id text NOT NULL, subgroup_id text NOT NULL, role text NOT NULL, expiry_hour text NOT NULL,
    n integer NOT NULL, PRIMARY KEY (group_id, subgroup_id, role, expiry_hour));
  CREATE TABLE member_counts (
    group_id text NOT NULL, subgroup_id text NOT NULL, role text NOT NULL, status text NOT NULL,
    n integer NOT NULL, PRIMARY KEY (group_id, subgroup_id, role, status));
  CREATE TABLE invitation_spans (group_id text PRIMARY KEY, shortest bigint NOT NULL);

  CREATE FUNCTION count_invitations() RETURNS trigger LANGUAGE plpgsql AS $f$
  BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      UPDATE invitation_counts c SET n = c.n - g.n FROM (
        SELECT group_id, coalesce(subgroup_id, '') AS subgroup_id, role,
          to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') AS expiry_hour, count(*)::int AS n
        FROM gone GROUP BY 1, 2, 3, 4) g
      WHERE c.group_id = g.group_id AND c.subgroup_id = g.subgroup_id AND c.role = g.role
        AND c.expiry_hour = g.expiry_hour;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO invitation_counts AS c
        SELECT group_id, coalesce(subgroup_id, ''), role, to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24'),
          count(*)::int
        FROM added GROUP BY 1, 2, 3, 4
        ON CONFLICT (group_id, subgroup_id, role, expiry_hour) DO UPDATE SET n = c.n + excluded.n;
      INSERT INTO invitation_spans AS s
        SELECT group_id, min(floor(extract(epoch FROM expires_at - greatest(created_at, last_sent_at))))::bigint
        FROM added GROUP BY 1
        ON CONFLICT (group_id) DO UPDATE SET shortest = least(s.shortest, excluded.shortest);
    END IF;
    RETURN NULL;
  END $f$;
  CREATE TRIGGER invitations_added AFTER INSERT ON invitations
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_invitations();
  CREATE TRIGGER invitations_removed AFTER DELETE ON invitations
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION count_invitations();
  CREATE TRIGGER invitations_changed AFTER UPDATE ON invitations
    REFERENCING OLD TABLE AS gone NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_invitations();

  CREATE FUNCTION count_members() RETURNS trigger LANGUAGE plpgsql AS $f$
  BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      UPDATE member_counts c SET n = c.n - g.n FROM (
        SELECT group_id, coalesce(subgroup_id, '') AS subgroup_id, role, status, count(*)::int AS n
        FROM gone GROUP BY 1, 2, 3, 4) g
      WHERE c.group_id = g.group_id AND c.subgroup_id = g.subgroup_id AND c.role = g.role AND c.status = g.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO member_counts AS c
        SELECT group_id, coalesce(subgroup_id, ''), role, status, count(*)::int FROM added GROUP BY 1, 2, 3, 4
        ON CONFLICT (group_id, subgroup_id, role, status) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    RETURN NULL;
  END $f$;
  CREATE TRIGGER members_added AFTER INSERT ON members
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_members();
  CREATE TRIGGER members_removed AFTER DELETE ON members
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION count_members();
  CREATE TRIGGER members_changed AFTER UPDATE ON members
    REFERENCING OLD TABLE AS gone NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_members();

  INSERT INTO invitation_counts
    SELECT group_id, coalesce(subgroup_id, ''), role, to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24'),
      count(*) FROM invitations GROUP BY 1, 2, 3, 4;
  INSERT INTO member_counts
    SELECT group_id, coalesce(subgroup_id, ''), role, status, count(*) FROM members GROUP BY 1, 2, 3, 4;
  INSERT INTO invitation_spans
    SELECT group_id, min(floor(extract(epoch FROM expires_at - greatest(created_at, last_sent_at)))) FROM invitations
    GROUP BY 1;
  `,
  // The activity log keeps no foreign key to groups: the key's share lock on the group row made the
  // worker's settling transaction (which records deliveries) deadlock with requests holding the group.
  `ALTER TABLE activity DROP CONSTRAINT activity_group_id_fkey;`,
];
