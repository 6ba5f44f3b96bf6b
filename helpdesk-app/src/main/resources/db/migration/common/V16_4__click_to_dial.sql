-- The phone (issue 16): a PBX that supports click-to-dial has a URL we post the number to; an outbound call an agent
-- placed from Backstop remembers who placed it (the call's agent until the PBX says who answered).
alter table pbx_endpoints add column click_to_dial_url varchar(1000);
alter table calls add column placed_by bigint references app_users (id);
create index calls_ticket on calls (ticket_id);
