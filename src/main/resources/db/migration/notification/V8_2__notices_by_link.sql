-- A step that ends a task several were told of marks their unread notices of it read by kind and
-- link (Notifications#settleForEveryone): found among the unread notices through this index, not by
-- reading every notice of the province.
create index notice_unread_by_link on notice (link, kind) where read_at is null;
