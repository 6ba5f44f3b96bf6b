-- The feed for indexes derived from tickets (similar resolved tickets) reads by (updated_at, id).
create index tickets_updated on tickets (updated_at, id);
