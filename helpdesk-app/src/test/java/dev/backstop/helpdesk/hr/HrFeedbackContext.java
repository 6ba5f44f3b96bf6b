package dev.backstop.helpdesk.hr;

/** The one test context the hr-feedback tests share (feedback, oversight, retention, my data): same properties. */
final class HrFeedbackContext {

    static final String DATA_DIR = "backstop.data-dir=target/test-data/hr-feedback";
    static final String DEMO = "backstop.demo-data=true";
    static final String DATABASE =
            "spring.datasource.url=jdbc:h2:mem:hrfeedback;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    static final String NO_LOGIN_DELAY = "backstop.security.login.delay-per-failure=0ms";

    private HrFeedbackContext() {}
}
