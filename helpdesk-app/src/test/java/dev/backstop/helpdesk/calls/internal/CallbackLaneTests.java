package dev.backstop.helpdesk.calls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Hang-ups that may open a callback ticket take one lane per node before they touch the database, so a burst of
 * abandoned calls queues in memory while rings and answers go straight on (ADR 0036).
 */
class CallbackLaneTests {

    static CtiEvent event(String type, String cause) {
        return new CtiEvent(
                type,
                "13800138000",
                "4008001000",
                "in",
                "c-1",
                List.of(),
                null,
                cause,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void onlyEventsThatMayOpenACallbackTakeTheLane() {
        assertThat(CallbackLane.mayOpenCallback(event("hangup", "cancel"))).isTrue();
        assertThat(CallbackLane.mayOpenCallback(event("hangup", "busy"))).isTrue();
        assertThat(CallbackLane.mayOpenCallback(event("abandoned", null))).isTrue();
        assertThat(CallbackLane.mayOpenCallback(event("hangup", "normalClearing")))
                .isFalse();
        assertThat(CallbackLane.mayOpenCallback(event("hangup", "forwarded"))).isFalse();
        assertThat(CallbackLane.mayOpenCallback(event("newCall", null))).isFalse();
        assertThat(CallbackLane.mayOpenCallback(event("answer", null))).isFalse();
    }

    @Test
    void aSecondAbandonedCallWaitsForTheFirstWhileARingGoesStraightThrough() throws Exception {
        CallbackLane lane = new CallbackLane();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> lane.run(event("hangup", "cancel"), () -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            Future<String> second = threads.submit(() -> lane.run(event("abandoned", null), () -> "second"));
            assertThat(lane.run(event("newCall", null), () -> "ring")).isEqualTo("ring");
            assertThat(lane.run(event("hangup", "normalClearing"), () -> "ended"))
                    .isEqualTo("ended");
            try {
                second.get(300, TimeUnit.MILLISECONDS);
                throw new AssertionError("the second abandoned call ran while the first held the lane");
            } catch (TimeoutException expected) {
                // still waiting for the lane, holding nothing
            }

            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedEventGivesTheLaneBack() {
        CallbackLane lane = new CallbackLane();
        CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> lane.run(event("hangup", "cancel"), () -> {
            throw new IllegalStateException("refused");
        }));
        assertThat(failing).failsWithin(5, TimeUnit.SECONDS);
        assertThat(CompletableFuture.supplyAsync(() -> lane.run(event("hangup", "cancel"), () -> "next")))
                .succeedsWithin(5, TimeUnit.SECONDS)
                .isEqualTo("next");
    }
}
