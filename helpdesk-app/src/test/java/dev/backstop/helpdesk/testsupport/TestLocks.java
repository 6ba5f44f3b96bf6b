package dev.backstop.helpdesk.testsupport;

/**
 * What test classes running side by side in one test JVM must not use at once: JUnit runs helpdesk-app's test classes
 * concurrently (surefire configuration in {@code helpdesk-app/pom.xml}) and a class holding a {@code @ResourceLock}
 * of these names waits for any other class holding the same. ADR 0040.
 * <ul>
 *   <li>every class of one Spring test context takes the lock {@code context:<its data directory>}: the shared
 *       contexts' rules (own rows, no global counts) were written for classes that follow one another, and a class
 *       may still set a presence, a clock or a setting for the length of a test — the shared annotations
 *       ({@link SharedH2Context} …) carry it, classes that share a context by equal properties carry it
 *       themselves;</li>
 *   <li>{@link #CHROMIUM}: the test JVM's one Chromium drives one tab at a time;</li>
 *   <li>{@link #MAIL_PORTS}: GreenMail on the JVM's fixed test ports ({@link TestMail}).</li>
 * </ul>
 */
public final class TestLocks {

    public static final String CHROMIUM = "chromium";
    public static final String MAIL_PORTS = "greenmail-test-ports";

    private TestLocks() {}
}
