-- Who may call the service, and what they did (issue 14, trust). See ARCHITECTURE.md ("Security").
--
-- api_token: bearer tokens, stored as the SHA-256 of the token (hex), never the token itself. Tokens are 32 random
-- bytes, so a fast hash is enough: nobody can search 2^256 candidates, whatever the hash costs; slow password hashes
-- (bcrypt, Argon2) protect guessable secrets and would cost every request. The hash is unique and indexed: one probe
-- per request finds the caller.
--   role          admin (everything, manages tokens), submitter (posts reports and documents within its binding,
--                 reads its own), supervisor (reads everything under region_code)
--   region_code   the binding of a submitter or supervisor: a division code (000000 for the nation)
--   agency        a submitter bound to one agency: its canonical name (as GET /api/reports/{id} shows it)
--   rate_per_minute  expensive calls (queries, views, exports) a minute; null: the configured default
--   revoked_at    set once; a revoked token is refused at once (the service drops it from its cache on revoke)
create table api_token (
    id              bigint generated always as identity primary key,
    name            text        not null,
    role            text        not null check (role in ('admin', 'submitter', 'supervisor')),
    region_code     text        check (region_code ~ '^[0-9]{6}$'),
    agency          text,
    rate_per_minute integer     check (rate_per_minute > 0),
    token_sha256    text        not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
    created_at      timestamptz not null default now(),
    revoked_at      timestamptz,
    check (role = 'admin' or region_code is not null),
    check (agency is null or role = 'submitter')
);

-- audit_entry: every write (POST, PUT, DELETE) and every export, recorded at the HTTP edge after the answer is known.
-- token_name and role are copied so that an entry still reads right after its token is revoked.
create table audit_entry (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    token_id    bigint,
    token_name  text,
    role        text,
    method      text        not null,
    path        text        not null,
    entity_id   text,
    status      integer     not null
);
create index audit_entry_at on audit_entry (at);
create index audit_entry_token_at on audit_entry (token_id, at);
