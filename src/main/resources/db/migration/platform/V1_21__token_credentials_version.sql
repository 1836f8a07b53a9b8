-- The person's credentials version when the token was issued: a later password change, role
-- change or disabling makes the token worthless at once.
alter table api_token add column credentials_version bigint not null default 0;
create index api_token_username on api_token (username);
