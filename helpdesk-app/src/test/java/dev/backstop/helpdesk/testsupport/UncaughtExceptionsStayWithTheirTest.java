package dev.backstop.helpdesk.testsupport;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Awaitility by default fails a waiting {@code await()} with any exception left uncaught by any thread of the JVM. With
 * test classes running side by side in one JVM that is another class's thread (a node closed on purpose in the middle
 * of its work, as {@code MailRestartTests} does) failing an unrelated test; so it is turned off for the whole run, once,
 * before the first test (registered in {@code META-INF/services}). A test's own failures reach it as before: an
 * assertion or an exception in the condition of its {@code await()}. ADR 0040.
 */
public class UncaughtExceptionsStayWithTheirTest implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }
}
