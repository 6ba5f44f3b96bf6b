package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.testsupport.OneConnectionPerThread;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Fifty reads of one payslip by payroll staff at the same moment, over real HTTP on real PostgreSQL: every served read
 * left exactly one access-log row (written in the read's own transaction), no read needed a second connection, and a
 * refused read left none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PostgresTest
@Import(OneConnectionPerThread.class)
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/hr-concurrent-pg",
            "backstop.demo-data=false",
            "backstop.sla.escalation.enabled=false",
            "backstop.security.login.delay-per-failure=0ms"
        })
class HrAccessLogConcurrencyTests {

    static final int READS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void fiftyConcurrentReadsLeaveExactlyFiftyRowsAndARefusedReadNone() throws Exception {
        jdbc.update("insert into employees (employee_no, name) values ('C0001', '并发员工')");
        long employeeId = jdbc.queryForObject("select id from employees where employee_no = 'C0001'", Long.class);
        jdbc.update("""
                insert into hr_payslips (employee_id, period, gross_pay, deductions, net_pay) values (?, '2026-10', 15000, 3456.78, 11543.22)""", employeeId);
        long payslipId =
                jdbc.queryForObject("select id from hr_payslips where employee_id = ?", Long.class, employeeId);
        jdbc.update(
                "insert into hr_payslip_items (payslip_id, item_code, item_name, amount) values (?, 'BASE', '基本工资', 15000)",
                payslipId);
        jdbc.update(
                "insert into app_users (username, password_hash, display_name, created_at) values ('pay50', '{noop}demo', '薪酬并发', ?)",
                Timestamp.from(Instant.now()));
        long userId = jdbc.queryForObject("select id from app_users where username = 'pay50'", Long.class);
        jdbc.update("insert into user_roles (user_id, role) values (?, 'HR_PAYROLL')", userId);
        OneConnectionPerThread.clear();

        ExecutorService pool = Executors.newFixedThreadPool(READS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return get("/api/v1/hr/employees/C0001/payslips/2026-10", "pay50")
                        .statusCode();
            }));
        }
        start.countDown();
        int served = 0;
        for (Future<Integer> result : results) {
            if (result.get() == 200) {
                served++;
            }
        }
        pool.shutdown();

        assertThat(served).isEqualTo(READS);
        assertThat(jdbc.queryForObject(
                        "select count(*) from hr_access_log where employee_id = ? and reader_user_id = ?",
                        Long.class,
                        employeeId,
                        userId))
                .isEqualTo((long) served);
        assertThat(OneConnectionPerThread.violations()).isEmpty();

        assertThat(get("/api/v1/hr/employees/C0001/payslips/2026-09", "pay50").statusCode())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "select count(*) from hr_access_log where employee_id = ?", Long.class, employeeId))
                .isEqualTo((long) READS);
    }
}
