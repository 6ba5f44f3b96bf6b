package dev.backstop.helpdesk.testsupport;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail's SMTP and IMAP ports for the tests that share them, one pair per surefire fork (the pom sets
 * {@code backstop.test.smtp-port} / {@code backstop.test.imap-port} from the fork number), so two forks never bind
 * the same port. In a test's properties write {@code spring.mail.port=${backstop.test.smtp-port:3025}}; outside Maven
 * (an IDE run) the ports are GreenMail's usual 3025 and 3143. ADR "fast build".
 */
public final class TestMail {

    public static final int SMTP_PORT = Integer.getInteger("backstop.test.smtp-port", ServerSetupTest.SMTP.getPort());
    public static final int IMAP_PORT = Integer.getInteger("backstop.test.imap-port", ServerSetupTest.IMAP.getPort());

    /** {@link ServerSetupTest#SMTP} on this fork's port. */
    public static final ServerSetup SMTP = ServerSetupTest.SMTP.port(SMTP_PORT);

    /** {@link ServerSetupTest#SMTP_IMAP} on this fork's ports. */
    public static final ServerSetup[] SMTP_IMAP = {SMTP, ServerSetupTest.IMAP.port(IMAP_PORT)};

    private TestMail() {}
}
