package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.shared.SchedulerLocks;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On one node at a time (ShedLock): offers the chats still waiting to the agents who became available (or takes the
 * agent "next" gave the ticket to), and closes the chats whose requester left {@code backstop.chat.idle-close} ago,
 * transcript kept. One short transaction per chat.
 */
@Component
class ChatSweep {

    private static final Logger log = LoggerFactory.getLogger(ChatSweep.class);

    private final ChatStore store;
    private final ChatService chats;
    private final ChatSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ChatSweep(
            ChatStore store,
            ChatService chats,
            ChatSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.chats = chats;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${backstop.chat.assign-interval:3s}",
            fixedDelayString = "${backstop.chat.assign-interval:3s}")
    @SchedulerLock(name = "chat-assign", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void assignWaiting() {
        for (ChatStore.Conversation chat : store.waiting()) {
            try {
                transaction.executeWithoutResult(status -> chats.offer(chat.id()));
            } catch (RuntimeException e) {
                log.error("chat {} could not be offered to an agent", chat.id(), e);
            }
        }
    }

    @Scheduled(initialDelayString = "30s", fixedDelayString = "30s")
    @SchedulerLock(name = "chat-idle-close", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void closeIdle() {
        for (Long id : store.idleSince(clock.instant().minus(settings.idleClose()))) {
            try {
                transaction.executeWithoutResult(status -> chats.closeNow(id, "IDLE", "chat.system.idleClosed", ""));
            } catch (RuntimeException e) {
                log.error("idle chat {} could not be closed", id, e);
            }
        }
    }
}
