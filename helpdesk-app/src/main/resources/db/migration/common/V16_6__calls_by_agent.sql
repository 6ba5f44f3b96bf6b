-- Presence follows the phone: at each hang-up it counts the agent's other answered calls
-- (select count(*) from calls where agent_id = ? and state = 'ANSWERED'), which read every call without this index.
create index calls_agent_state on calls (agent_id, state);
