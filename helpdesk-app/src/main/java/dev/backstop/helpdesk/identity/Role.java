package dev.backstop.helpdesk.identity;

/**
 * The roles of PRODUCT.md. Spring Security authorities are {@code ROLE_<name>}.
 */
public enum Role {
    DISTRIBUTOR,
    CHANNEL_AGENT,
    BACK_OFFICE,
    FRONTLINE,
    EXPERT,
    HR_AGENT,
    HR_PAYROLL,
    /**
     * Leads the HR desk. Granted beside {@link #HR_AGENT} (the demo {@code hrlead} holds both): it adds only the lead's
     * powers — sees and flags confidential cases (harassment, disputes), hears of locked caller verification.
     */
    HR_LEAD,
    EMPLOYEE,
    FAMILY,
    SUPERVISOR,
    /** Writes, reviews and publishes knowledge-base articles, templates and scripts. */
    KB_EDITOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Portal users see only their own account's or their own data. */
    public boolean isPortalRole() {
        return this == DISTRIBUTOR || this == EMPLOYEE || this == FAMILY;
    }
}
