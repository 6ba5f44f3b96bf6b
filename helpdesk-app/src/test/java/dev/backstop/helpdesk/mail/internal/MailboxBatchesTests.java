package dev.backstop.helpdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The reader fetches a mailbox in batches bounded by count and by bytes, and never skips or repeats a message. */
class MailboxBatchesTests {

    @Test
    void batchesHoldAtMostTheCountAndAboutTheBytesAndALargeMessageGoesAlone() throws Exception {
        int[] sizes = {10, 10, 10, 10, 10, 95, 10, 10, 200, 10};
        Message[] messages =
                IntStream.of(sizes).mapToObj(MailboxBatchesTests::ofSize).toArray(Message[]::new);

        List<Message[]> batches = MailboxPoller.batches(messages, 3, 100);

        assertThat(batches.stream().map(b -> b.length)).containsExactly(3, 2, 1, 2, 1, 1);
        assertThat(batches.stream().flatMap(java.util.Arrays::stream)).containsExactly(messages);
        assertThat(MailboxPoller.batches(new Message[0], 3, 100)).isEmpty();
    }

    private static Message ofSize(int size) {
        return new MimeMessage((jakarta.mail.Session) null) {
            @Override
            public int getSize() {
                return size;
            }
        };
    }
}
