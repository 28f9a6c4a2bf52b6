-- Single sign-on (docs/operations.md "Single sign-on"). Sign-ins started at an identity provider and not yet
-- come back: the callback (OIDC) or ACS (SAML) may reach any replica, so what it must check lives here.
-- The state is stored only as its SHA-256; a row is deleted when its sign-in finishes, so a replayed
-- callback finds nothing.
create table sso_logins (
    state_hash    text        primary key,
    provider_id   text        not null,
    -- SHA-256 of the random cookie the browser got when the sign-in started (OIDC): a callback from another
    -- browser (login CSRF) is refused.
    browser_hash  text,
    nonce         text,
    code_verifier text,
    -- SAML: the AuthnRequest's ID, which the response's InResponseTo must name.
    request_id    text,
    redirect_uri  text        not null,
    expires_at    timestamptz not null
);
create index sso_logins_expiry_idx on sso_logins (expires_at);

-- SAML assertion IDs already used, until the assertion expires: a replayed assertion is refused by every
-- replica, not just the one that saw it first.
create table saml_assertion_ids (
    assertion_id text        primary key,
    expires_at   timestamptz not null
);
create index saml_assertion_ids_expiry_idx on saml_assertion_ids (expires_at);
