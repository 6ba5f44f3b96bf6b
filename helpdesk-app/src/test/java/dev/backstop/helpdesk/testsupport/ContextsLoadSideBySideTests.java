package dev.backstop.helpdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.cache.ContextCache;

/**
 * {@link ContextsLoadSideBySide} is in effect: Spring's extension takes its manager, and a class asking for a context
 * that is loaded does not wait while another class's context starts. In the shared context, so it starts nothing.
 */
@SharedH2Context
class ContextsLoadSideBySideTests {

    @Test
    void springsExtensionHandsThisClassItsContextThroughTheSideBySideLoader() {
        assertThat(ContextsLoadSideBySide.servedBy(ContextsLoadSideBySideTests.class))
                .as("SpringExtension took the TestContextManager that ContextsLoadSideBySide put into its store; if not"
                        + " (a Spring upgrade), contexts start one at a time again and block the other classes")
                .isTrue();
    }

    @Test
    void aLoadedContextIsFoundWhileAnotherThreadHoldsTheCacheAsWhenItStartsAContext() throws Exception {
        ContextsLoadSideBySide.Loader loader = new ContextsLoadSideBySide.Loader();
        ContextCache cache = loader.cache();
        MergedContextConfiguration key = BootstrapUtils.resolveTestContextBootstrapper(
                        ContextsLoadSideBySideTests.class)
                .buildMergedContextConfiguration();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            synchronized (cache) { // what Spring's own loader holds for the whole start of a context
                held.countDown();
                awaitQuietly(release);
            }
        });
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> loaded = CompletableFuture.supplyAsync(() -> loader.isContextLoaded(key));
            assertThat(loaded.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            holder.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
