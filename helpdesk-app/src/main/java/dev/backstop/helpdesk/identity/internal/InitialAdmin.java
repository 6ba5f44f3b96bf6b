package dev.backstop.helpdesk.identity.internal;

import dev.backstop.helpdesk.identity.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A real deployment (demo data off) starts with no users: create one {@code admin} with
 * BACKSTOP_ADMIN_PASSWORD, or a random password logged once, so there is always a way in and never a
 * {@code demo} password outside demo mode.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final Users users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final boolean demoData;
    private final String configuredPassword;

    InitialAdmin(
            Users users,
            PasswordEncoder encoder,
            Clock clock,
            @Value("${backstop.demo-data:true}") boolean demoData,
            @Value("${backstop.security.initial-admin-password:${BACKSTOP_ADMIN_PASSWORD:}}")
                    String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.demoData = demoData;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoData || users.count() > 0) {
            return;
        }
        String password = configuredPassword;
        if (password == null || password.isBlank()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = HexFormat.of().formatHex(random);
            log.warn(
                    "No users yet: created 'admin' with the one-time password {} — change it after the first login",
                    password);
        } else {
            log.info("No users yet: created 'admin' with the password from BACKSTOP_ADMIN_PASSWORD");
        }
        users.create("admin", encoder.encode(password), "系统管理员", Set.of(Role.ADMIN), clock.instant());
    }
}
