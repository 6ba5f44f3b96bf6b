package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.chat.ChatMessage;
import dev.backstop.helpdesk.chat.ChatView;
import dev.backstop.helpdesk.tickets.Desk;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The chat tables ({@code chat_conversations}, {@code chat_messages}): every statement of the module is here. */
@Component
class ChatStore {

    /** A conversation row. */
    record Conversation(
            long id,
            long ticketId,
            String ticketKey,
            Desk desk,
            long requesterId,
            String requesterName,
            Long agentId,
            String agentName,
            ChatView.State state,
            Instant startedAt,
            Instant requesterSeenAt,
            Instant requesterTypingAt,
            Instant agentTypingAt,
            Instant closedAt,
            Instant updatedAt) {}

    private static final String CONVERSATION = """
            select id, ticket_id, ticket_key, desk, requester_id, requester_name, agent_id, agent_name, state, started_at,
                   requester_seen_at, requester_typing_at, agent_typing_at, closed_at, updated_at
              from chat_conversations""";

    private static final String MESSAGE =
            "select id, conversation_id, side, author_name, body, created_at from chat_messages";

    private final NamedParameterJdbcTemplate jdbc;

    ChatStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(long ticketId, String ticketKey, Desk desk, long requesterId, String requesterName, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                """
                insert into chat_conversations (ticket_id, ticket_key, desk, requester_id, requester_name, state, started_at,
                                                requester_seen_at, updated_at)
                values (:ticket, :key, :desk, :requester, :name, 'WAITING', :now, :now, :now)""",
                new MapSqlParameterSource()
                        .addValue("ticket", ticketId)
                        .addValue("key", ticketKey)
                        .addValue("desk", desk.name())
                        .addValue("requester", requesterId)
                        .addValue("name", requesterName)
                        .addValue("now", Timestamp.from(now)),
                key,
                new String[] {"id"});
        return key.getKey().longValue();
    }

    ChatMessage add(long chatId, ChatMessage.Side side, String author, String body, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                """
                insert into chat_messages (conversation_id, side, author_name, body, created_at)
                values (:chat, :side, :author, :body, :now)""",
                new MapSqlParameterSource()
                        .addValue("chat", chatId)
                        .addValue("side", side.name())
                        .addValue("author", author == null ? "" : author)
                        .addValue("body", body)
                        .addValue("now", Timestamp.from(now)),
                key,
                new String[] {"id"});
        return new ChatMessage(key.getKey().longValue(), chatId, side, author == null ? "" : author, body, now);
    }

    Optional<Conversation> find(long chatId) {
        return jdbc.query(CONVERSATION + " where id = :id", Map.of("id", chatId), ChatStore::conversation).stream()
                .findFirst();
    }

    /** Locks the row for the rest of the transaction (two parties closing at once close it once). */
    Optional<Conversation> lock(long chatId) {
        return jdbc
                .query(CONVERSATION + " where id = :id for update", Map.of("id", chatId), ChatStore::conversation)
                .stream()
                .findFirst();
    }

    Optional<Conversation> openOf(long requesterId) {
        return jdbc
                .query(
                        CONVERSATION + " where requester_id = :user and state <> 'CLOSED' order by id desc",
                        Map.of("user", requesterId),
                        ChatStore::conversation)
                .stream()
                .findFirst();
    }

    List<Conversation> ofAgent(long agentId, Instant closedSince) {
        return jdbc.query(
                CONVERSATION
                        + " where agent_id = :agent and (state <> 'CLOSED' or closed_at >= :since)"
                        + " order by case when state = 'CLOSED' then 1 else 0 end, started_at desc",
                Map.of("agent", agentId, "since", Timestamp.from(closedSince)),
                ChatStore::conversation);
    }

    List<Conversation> waiting() {
        return jdbc.query(CONVERSATION + " where state = 'WAITING' order by id", Map.of(), ChatStore::conversation);
    }

    List<Long> idleSince(Instant cutoff) {
        return jdbc.queryForList(
                "select id from chat_conversations where state <> 'CLOSED' and requester_seen_at < :cutoff order by id",
                Map.of("cutoff", Timestamp.from(cutoff)),
                Long.class);
    }

    List<ChatMessage> messages(long chatId) {
        return jdbc.query(
                MESSAGE + " where conversation_id = :id order by id", Map.of("id", chatId), ChatStore::message);
    }

    /** The messages of these chats stored since {@code from} (what other nodes may have added). */
    List<ChatMessage> messagesSince(Collection<Long> chatIds, Instant from) {
        return jdbc.query(
                MESSAGE + " where conversation_id in (:ids) and created_at >= :from order by id",
                Map.of("ids", chatIds, "from", Timestamp.from(from)),
                ChatStore::message);
    }

    List<Conversation> changedSince(Collection<Long> chatIds, Instant from) {
        return jdbc.query(
                CONVERSATION + " where id in (:ids) and updated_at >= :from",
                Map.of("ids", chatIds, "from", Timestamp.from(from)),
                ChatStore::conversation);
    }

    void join(long chatId, long agentId, String agentName, Instant now) {
        jdbc.update("""
                update chat_conversations set agent_id = :agent, agent_name = :name, state = 'ACTIVE', updated_at = :now
                 where id = :id""", Map.of("id", chatId, "agent", agentId, "name", agentName, "now", Timestamp.from(now)));
    }

    void close(long chatId, String reason, Instant now) {
        jdbc.update("""
                update chat_conversations set state = 'CLOSED', closed_at = :now, closed_reason = :reason,
                       requester_typing_at = null, agent_typing_at = null, updated_at = :now where id = :id""", Map.of("id", chatId, "reason", reason, "now", Timestamp.from(now)));
    }

    /** The requester was here (posted, typed, or holds a stream): not idle. Not a change the other side hears of. */
    void requesterSeen(Collection<Long> chatIds, Instant now) {
        if (!chatIds.isEmpty()) {
            jdbc.update(
                    "update chat_conversations set requester_seen_at = :now where id in (:ids) and state <> 'CLOSED'",
                    Map.of("ids", chatIds, "now", Timestamp.from(now)));
        }
    }

    void typing(long chatId, ChatMessage.Side side, Instant now) {
        String column = side == ChatMessage.Side.AGENT ? "agent_typing_at" : "requester_typing_at";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", chatId);
        parameters.put("now", Timestamp.from(now));
        String seen = side == ChatMessage.Side.REQUESTER ? ", requester_seen_at = :now" : "";
        jdbc.update(
                "update chat_conversations set " + column + " = :now, updated_at = :now" + seen + " where id = :id",
                parameters);
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        long agent = rs.getLong(7);
        Long agentId = rs.wasNull() ? null : agent;
        return new Conversation(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                Desk.valueOf(rs.getString(4)),
                rs.getLong(5),
                rs.getString(6),
                agentId,
                rs.getString(8),
                ChatView.State.valueOf(rs.getString(9)),
                instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)));
    }

    private static ChatMessage message(ResultSet rs, int row) throws SQLException {
        return new ChatMessage(
                rs.getLong(1),
                rs.getLong(2),
                ChatMessage.Side.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                instant(rs.getTimestamp(6)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
