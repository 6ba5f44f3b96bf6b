package dev.backstop.helpdesk.imports.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs jobs in the background. Every few seconds (and right after an upload) it claims jobs that are queued
 * or whose lease expired (their process died) as long as a worker is free; the claim in the database makes
 * sure that on several nodes only one runs a job.
 */
@Component
class ImportWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ImportSettings settings;
    private final Semaphore free;
    private final ExecutorService executor;

    ImportWorker(ImportJobs jobs, ImportRunner runner, ImportSettings settings) {
        this.jobs = jobs;
        this.runner = runner;
        this.settings = settings;
        this.free = new Semaphore(settings.workers());
        this.executor = Executors.newFixedThreadPool(
                settings.workers(),
                Thread.ofPlatform().name("import-", 1).daemon().factory());
    }

    @Scheduled(
            initialDelayString = "${backstop.imports.poll-initial-delay:1s}",
            fixedDelayString = "${backstop.imports.poll-interval:3s}")
    void poll() {
        try {
            for (Long id : jobs.claimable()) {
                if (!free.tryAcquire()) {
                    return;
                }
                if (!jobs.claim(id, settings.lease())) {
                    free.release();
                    continue;
                }
                executor.execute(() -> {
                    try {
                        runner.run(id);
                    } catch (RuntimeException ex) {
                        log.error("Import job {} could not be finished", id, ex);
                    } finally {
                        free.release();
                    }
                });
            }
        } catch (RuntimeException ex) {
            log.warn("Polling for import jobs failed: {}", ex.getMessage());
        }
    }

    /** Starts a just-queued job at once instead of at the next poll. */
    void wakeUp() {
        Thread.ofVirtual().start(this::poll);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
