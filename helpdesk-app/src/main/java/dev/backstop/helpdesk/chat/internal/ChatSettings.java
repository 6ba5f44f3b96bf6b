package dev.backstop.helpdesk.chat.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code backstop.chat.*}.
 *
 * @param idleClose      a chat whose requester has had no stream open and posted nothing this long is closed
 * @param poll           how often a node with open streams reads what other nodes stored
 * @param lookback       how far back each read looks (covers a transaction that committed late)
 * @param assignInterval how often waiting chats are offered to agents again
 * @param calendar       code of the business calendar chats follow; blank: each desk's service hours
 */
@ConfigurationProperties("backstop.chat")
record ChatSettings(
        @DefaultValue("10m") Duration idleClose,
        @DefaultValue("200ms") Duration poll,
        @DefaultValue("5s") Duration lookback,
        @DefaultValue("3s") Duration assignInterval,
        @DefaultValue("") String calendar) {}
