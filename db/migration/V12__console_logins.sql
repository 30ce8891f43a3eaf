-- The console's sign-ins through the OpenID Connect provider (mode oidc), kept in the database so
-- that any replica answers a signed-in person, and the provider's redirect back may reach another
-- replica than the one that sent the person there. A row is a sign-in under way (kind 'request':
-- the authorization request, until the provider answers) or a login (kind 'login': the signed-in
-- person). The browser's cookie holds a random value; the row is found by its SHA-256 (id), so the
-- table alone signs nobody in.
create table console_login (
    id         text primary key,
    kind       text not null check (kind in ('request', 'login')),
    content    bytea not null,
    expires_at timestamptz not null
);

create index console_login_expiry on console_login (expires_at);
