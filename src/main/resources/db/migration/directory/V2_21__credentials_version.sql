-- Raised whenever a person's password, roles or enabled state change: a session or API token
-- opened under an earlier version is refused on its next request, on every node.
alter table person add column credentials_version bigint not null default 0;
