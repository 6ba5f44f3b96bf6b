package dev.backstop.helpdesk.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.backstop.helpdesk.HelpdeskApplication;
import dev.backstop.helpdesk.erp.ErpLookups;
import dev.backstop.helpdesk.wms.WmsLookups;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The channel desk's distributor view ({@code GET /api/v1/distributors/{code}}) under load on PostgreSQL 17 with 5,000
 * distributors, 1,000,000 orders, ~1,000,000 shipments and 500,000 invoices (not part of the test run;
 * {@code benchmarks/channel/view.sh}). The whole app runs on a real port against an embedded PostgreSQL whose data
 * directory stays under {@code target/channel-bench/} and is reused when {@code REUSE_DATA=true}.
 * <p>
 * Load: an open-loop run at a fixed rate (latency from the intended send time, so a stall counts for every request
 * that should have gone out during it) and a closed-loop wrk run for the maximum throughput; first on the snapshot
 * adapters, then with {@code backstop.erp.base-url} / {@code backstop.wms.base-url} pointed at a WireMock stub that
 * answers after 50 ms (when the live REST adapters exist on the classpath).
 */
class ChannelViewBenchmark {

    static final Path DIR = Path.of("target/channel-bench").toAbsolutePath();
    static final int DISTRIBUTORS = intKnob("DISTRIBUTORS", 5_000);
    static final int ORDERS = intKnob("ORDERS", 1_000_000);
    static final int RATE = intKnob("RATE", 200);
    static final int DURATION = intKnob("DURATION", 60);
    static final int WARMUP = intKnob("WARMUP", 20);
    static final int SERIAL = intKnob("SERIAL", 1000);
    static final int WRK_DURATION = intKnob("WRK_DURATION", 30);
    static final int WRK_THREADS = intKnob("WRK_THREADS", 2);
    static final int WRK_CONNECTIONS = intKnob("WRK_CONNECTIONS", 16);
    static final int STUB_DELAY_MS = intKnob("STUB_DELAY_MS", 50);
    static final boolean REUSE = Boolean.parseBoolean(knob("REUSE_DATA", "false"));
    static final String MODES = knob("MODES", "snapshot,rest");

    private final StringBuilder report = new StringBuilder();
    private final StringBuilder explain = new StringBuilder();
    private JdbcTemplate admin;

    @Test
    void measure() throws Exception {
        Files.createDirectories(DIR);
        Path pgData = DIR.resolve("pgdata");
        Path marker = DIR.resolve("dataset.properties");
        boolean reuse = REUSE && Files.exists(marker) && Files.exists(pgData.resolve("postgresql.conf"));
        if (!reuse) {
            Files.deleteIfExists(marker);
            deleteTree(pgData);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false) // zonky would delete it on close: we keep it for REUSE_DATA
                .setServerConfig("timezone", "UTC")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("effective_cache_size", "8GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setPGStartupWait(Duration.ofMinutes(2))
                .start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            admin = new JdbcTemplate(pg.getPostgresDatabase());
            Map<String, String> dataset;
            List<String> codes;
            String token;
            String pgVersion;
            ConfigurableApplicationContext app = start(jdbcUrl, Map.of());
            try {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                if (reuse) {
                    dataset = load(marker);
                    dataset.put("reused", "true (data set generated earlier, REUSE_DATA=true)");
                } else {
                    dataset = generate(pg.getPostgresDatabase());
                    store(marker, dataset);
                }
                codes = jdbc.queryForList(
                        "select code from distributors where code like 'BM%' order by code", String.class);
                token = issueToken(jdbc);
                pgVersion = jdbc.queryForObject("select version()", String.class);
                explain(pg.getPostgresDatabase(), jdbc);
            } catch (Exception | Error e) {
                app.close();
                throw e;
            }
            Path codesFile = DIR.resolve("codes.txt");
            Files.write(codesFile, codes);
            Path lua = writeLua(codesFile, token);

            header(dataset, pgVersion, codes.size());
            List<String[]> summary = new ArrayList<>();
            if (MODES.contains("snapshot")) {
                try {
                    measureMode("snapshot", port(app), token, codes, lua, summary, null);
                } finally {
                    app.close();
                }
            } else {
                app.close();
            }
            if (MODES.contains("rest")) {
                rest(jdbcUrl, token, codes, lua, summary);
            }
            summary(summary);
        }
        Path out = Path.of(System.getProperty(
                "backstop.benchmark.out", DIR.resolve("RESULTS.md").toString()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        Path explainOut = out.resolveSibling("EXPLAIN.md");
        Files.writeString(explainOut, explain);
        System.out.println(report);
    }

    // ------------------------------------------------------------------------------------------------ the app

    private static ConfigurableApplicationContext start(String jdbcUrl, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("server.port", "0");
        props.put("backstop.data-dir", DIR.resolve("app-data").toString());
        props.put("backstop.demo-data", "true");
        props.put("backstop.sla.escalation.enabled", "false");
        props.put("logging.level.root", "warn");
        props.put("spring.main.banner-mode", "off");
        props.putAll(extra);
        // command-line arguments: they win over application.yml (default properties would not)
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(HelpdeskApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** An API token for the demo channel agent (bcrypt on every request would measure the password hash). */
    private static String issueToken(JdbcTemplate jdbc) throws Exception {
        long agent = jdbc.queryForObject("""
                select u.id from app_users u join user_roles r on r.user_id = u.id
                 where r.role = 'CHANNEL_AGENT' and u.enabled order by u.username = 'agent' desc, u.id fetch first 1 rows only""", Long.class);
        jdbc.update("delete from api_tokens where name = 'channel-bench'");
        SecureRandom random = new SecureRandom();
        byte[] p = new byte[4];
        byte[] s = new byte[32];
        random.nextBytes(p);
        random.nextBytes(s);
        String prefix = HexFormat.of().formatHex(p);
        String secret = HexFormat.of().formatHex(s);
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        jdbc.update(
                "insert into api_tokens (name, token_prefix, token_hash, user_id, created_at) values ('channel-bench', ?, ?, ?, now())",
                prefix,
                hash,
                agent);
        return "bst_" + prefix + "_" + secret;
    }

    // ------------------------------------------------------------------------------------------------ data set

    /** The data set, set-based (generate_series), foreign-key triggers off while loading (consistent by construction). */
    private static Map<String, String> generate(DataSource ds) throws Exception {
        Map<String, String> info = new LinkedHashMap<>();
        long total = System.nanoTime();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute("set maintenance_work_mem = '1GB'");
            st.execute("set work_mem = '256MB'");
            st.execute("set session_replication_role = replica");
            step(info, st, "distributors", """
                    insert into distributors (code, name, region_id, tier, account_manager_id, credit_limit, status, phone, address)
                    select 'BM' || lpad(g::text, 5, '0'),
                           (array['上海', '北京', '广州'])[1 + g % 3] || '基准商贸' || g || '号有限公司',
                           r.ids[1 + g % 3],
                           case when g % 100 < 3 then 'VIP' when g % 100 < 13 then 'KEY' when g % 100 < 20 then 'SPECIAL'
                                else 'GENERAL' end,
                           e.ids[1 + g % greatest(coalesce(array_length(e.ids, 1), 1), 1)],
                           case when g % 100 < 3 then 5000000 when g % 100 < 13 then 2000000 when g % 17 = 0 then null
                                else 500000 end,
                           case when g % 97 = 0 then 'SUSPENDED' else 'ACTIVE' end,
                           '021-' || lpad((60000000 + g)::text, 8, '0'),
                           (array['上海市浦东新区', '北京市朝阳区', '广州市天河区'])[1 + g % 3] || '基准路' || g || '号'
                      from generate_series(1, {D}) g,
                           (select array_agg(id order by code) ids from regions where code in ('EAST', 'NORTH', 'SOUTH')) r,
                           (select array_agg(id order by id) ids from employees) e""".replace("{D}", String.valueOf(DISTRIBUTORS)));
            step(info, st, "distributor_contacts", """
                    insert into distributor_contacts (distributor_id, name, title, phone, phone_digits, email, primary_contact)
                    select d.id, '联系人' || d.code || '-' || n, (array['采购经理', '财务主管', '仓库主管'])[n],
                           '138' || lpad((d.id * 3 + n)::text, 8, '0'), '138' || lpad((d.id * 3 + n)::text, 8, '0'),
                           'c' || n || '.' || lower(d.code) || '@example.cn', n = 1
                      from distributors d cross join generate_series(1, 3) n
                     where d.code like 'BM%' and n <= 1 + d.id % 3""");
            // ~200 orders per distributor, skewed (the biggest accounts have ~10x the average), over two years; the
            // status follows the age, with a few cancelled and a few old orders still open (backorders).
            step(info, st, "erp_orders", """
                    insert into erp_orders (order_no, distributor_id, order_date, status, currency, remark)
                    select 'BMO-' || lpad(row_number() over (order by x.order_date, x.g)::text, 8, '0'), x.distributor_id,
                           x.order_date,
                           case when x.g % 31 = 0 then 'CANCELLED'
                                when x.age > 40 and x.g % 199 = 0 then 'CONFIRMED'
                                when x.age > 40 then 'DELIVERED' when x.age > 12 then 'SHIPPED'
                                when x.age > 4 then 'CONFIRMED' else 'OPEN' end,
                           'CNY', case when x.g % 11 = 0 then '加急' end
                      from (select g, b.ids[1 + least({D} - 1, floor({D} * power(random(), 1.5))::int)] as distributor_id,
                                   a.age, current_date - a.age as order_date
                              from generate_series(1, {N}) g
                              cross join lateral (select floor(random() * 730)::int + (g % 1) as age) a,
                                   (select array_agg(id order by id) ids from distributors where code like 'BM%') b) x
                     order by x.order_date, x.g""".replace("{D}", String.valueOf(DISTRIBUTORS))
                    .replace("{N}", String.valueOf(ORDERS)));
            step(info, st, "erp_order_lines", """
                    insert into erp_order_lines (order_id, line_no, sku, product_name, category, quantity, unit_price, amount)
                    select o.id, n, 'SKU-' || lpad(p::text, 4, '0'), '产品' || p, (array['饮料', '调味品', '乳制品', '零食', '粮油'])[1 + p % 5],
                           q, pr, round(q * pr, 2)
                      from erp_orders o cross join generate_series(1, 4) n
                      cross join lateral (select (o.id * 7 + n * 131) % 600 as p, 1 + (o.id * n) % 48 as q,
                                                 (10 + ((o.id + n) * 37) % 490)::numeric(18, 2) as pr) x
                     where o.order_no like 'BMO-%' and n <= 1 + o.id % 4""");
            // One shipment per shipped or delivered order, a second one for every 19th (split deliveries).
            step(info, st, "wms_shipments", """
                    insert into wms_shipments (shipment_no, order_no, distributor_id, warehouse, carrier, tracking_no, status,
                                               shipped_at, eta, delivered_at)
                    select 'BMS-' || substr(o.order_no, 5) || '-' || k, o.order_no, o.distributor_id,
                           (array['上海仓', '北京仓', '广州仓', '武汉仓'])[1 + o.id % 4],
                           (array['顺丰', '德邦', '京东物流', '中通'])[1 + (o.id / 4) % 4],
                           'T' || lpad((o.id * 10 + k)::text, 12, '0'),
                           case when o.status = 'DELIVERED' then 'DELIVERED' when current_date - o.order_date > 20 then 'IN_TRANSIT'
                                else 'SHIPPED' end,
                           s.at, (s.at + interval '3 days')::date,
                           case when o.status = 'DELIVERED' then s.at + interval '3 days 2 hours' end
                      from erp_orders o cross join generate_series(1, 2) k
                      cross join lateral (select o.order_date + (1 + k + o.id % 3) * interval '1 day' + (o.id % 600) * interval '1 minute' as at) s
                     where o.order_no like 'BMO-%' and o.status in ('SHIPPED', 'DELIVERED') and (k = 1 or o.id % 19 = 0)
                     order by s.at""");
            // What each shipment carried: the whole order, or for a split delivery the odd lines first, the even ones
            // later.
            step(info, st, "wms_shipment_lines", """
                    insert into wms_shipment_lines (shipment_id, line_no, sku, quantity)
                    select s.id, l.line_no, l.sku, l.quantity
                      from wms_shipments s join erp_orders o on o.order_no = s.order_no
                      join erp_order_lines l on l.order_id = o.id
                     where s.shipment_no like 'BMS-%'
                       and (o.id % 19 <> 0 or (l.line_no % 2 = 1) = (right(s.shipment_no, 2) = '-1'))
                     order by s.id, l.line_no""");
            // Invoices for about half of the shipped orders (the rest invoiced monthly elsewhere): old ones paid, a few
            // overdue, recent ones open or partly paid, 1 % void.
            step(info, st, "erp_invoices", """
                    insert into erp_invoices (invoice_no, distributor_id, order_no, issue_date, due_date, amount, tax_amount, status)
                    select 'BMI-' || substr(o.order_no, 5), o.distributor_id, o.order_no, o.order_date + 2,
                           o.order_date + 2 + case when o.id % 5 = 0 then 60 else 30 end, t.amount, round(t.amount * 0.13, 2),
                           case when o.id % 101 = 0 then 'VOID'
                                when current_date - o.order_date > 75 then case when o.id % 53 = 0 then 'OVERDUE' else 'PAID' end
                                when current_date - o.order_date > 35 then
                                     case when o.id % 3 = 0 then 'PAID' when o.id % 3 = 1 then 'PARTIAL' else 'OVERDUE' end
                                else case when o.id % 4 = 0 then 'PAID' when o.id % 4 = 1 then 'PARTIAL' else 'OPEN' end end
                      from erp_orders o
                      cross join lateral (select sum(l.amount) as amount from erp_order_lines l where l.order_id = o.id) t
                     where o.order_no like 'BMO-%' and o.status in ('SHIPPED', 'DELIVERED') and o.id % 19 < 10
                     order by o.order_date, o.id""");
            // Payments: paid invoices in full (a few of them in two parts), partial ones by half; 5 % of paid ones
            // settled outside (no payment row).
            step(info, st, "erp_payments", """
                    insert into erp_payments (payment_no, distributor_id, invoice_no, paid_at, amount, method)
                    select 'BMP-' || substr(i.invoice_no, 5) || '-' || k, i.distributor_id, i.invoice_no,
                           i.issue_date + (5 + i.id % 30 + k * 3) * interval '1 day' + (i.id % 480) * interval '1 minute',
                           case when i.status = 'PARTIAL' or i.id % 10 = 0 then round(i.amount / 2, 2) else i.amount end
                             + case when k = 2 then i.amount - 2 * round(i.amount / 2, 2) else 0 end,
                           (array['TRANSFER', 'TRANSFER', 'ACCEPTANCE', 'OFFSET'])[1 + i.id % 4]
                      from erp_invoices i cross join generate_series(1, 2) k
                     where i.invoice_no like 'BMI-%' and i.status in ('PAID', 'PARTIAL') and i.id % 20 <> 7
                       and (k = 1 or (i.status = 'PAID' and i.id % 10 = 0))
                     order by 4""");
            // Tickets: ten per account, one in five still open, so the view's ticket lists have something to find.
            step(info, st, "tickets", """
                    insert into tickets (ticket_key, desk, type, channel, priority, state, requester_kind, requester_name,
                                         distributor_id, subject, segment, created_at, updated_at, resolved_at, version)
                    select 'BMT-' || lpad((d.id * 10 + n)::text, 8, '0'), 'CHANNEL',
                           (array['INQUIRY', 'SERVICE_REQUEST', 'COMPLAINT'])[1 + n % 3], 'PHONE',
                           (array['LOW', 'NORMAL', 'NORMAL', 'HIGH'])[1 + (d.id + n) % 4],
                           case when n % 5 = 0 then 'OPEN' when n % 7 = 0 then 'PENDING_BACK_OFFICE' else 'CLOSED' end,
                           'DISTRIBUTOR_CONTACT', '联系人' || d.code || '-1', d.id, '基准测试工单 ' || n, 'GENERAL',
                           now() - (n * 17 + d.id % 13) * interval '1 day', now() - (n * 17 + d.id % 13 - 1) * interval '1 day',
                           case when n % 5 <> 0 and n % 7 <> 0 then now() - (n * 17 + d.id % 13 - 1) * interval '1 day' end, 0
                      from distributors d cross join generate_series(1, 10) n where d.code like 'BM%'""");
            st.execute("set session_replication_role = origin");
            long t = System.nanoTime();
            st.execute("vacuum analyze");
            st.execute("checkpoint");
            info.put("time.vacuum-analyze", secondsSince(t));
        }
        info.put("time.total", secondsSince(total));
        info.put("generated-at", LocalDateTime.now().withNano(0).toString());
        return info;
    }

    private static void step(Map<String, String> info, Statement st, String table, String sql) throws Exception {
        long t = System.nanoTime();
        int rows = st.executeUpdate(sql);
        st.execute("analyze " + table); // the next steps join on it: plan with its real size
        info.put("rows." + table, String.valueOf(rows));
        info.put("time." + table, secondsSince(t));
        System.out.printf("generated %,d %s in %s%n", rows, table, info.get("time." + table));
    }

    private static String secondsSince(long startNanos) {
        return "%.1f s".formatted((System.nanoTime() - startNanos) / 1e9);
    }

    private static void store(Path file, Map<String, String> info) throws IOException {
        StringBuilder b = new StringBuilder();
        info.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, b);
    }

    private static Map<String, String> load(Path file) throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                info.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return info;
    }

    // ------------------------------------------------------------------------------------------------ explain

    /** EXPLAIN ANALYZE of the view's SQL for a typical account (median order count) and for the biggest one. */
    private void explain(DataSource ds, JdbcTemplate jdbc) throws Exception {
        Map<String, Object> median = jdbc.queryForMap("""
                select d.id, d.code, count(*) as orders from distributors d join erp_orders o on o.distributor_id = d.id
                 where d.code like 'BM%' group by d.id, d.code order by count(*), d.id offset (select count(*) / 2 from distributors
                 where code like 'BM%') limit 1""");
        Map<String, Object> biggest = jdbc.queryForMap("""
                select d.id, d.code, count(*) as orders from distributors d join erp_orders o on o.distributor_id = d.id
                 where d.code like 'BM%' group by d.id, d.code order by count(*) desc, d.id limit 1""");
        explain.append("# The distributor view's SQL on the benchmark data set\n\n")
                .append("`EXPLAIN (ANALYZE, BUFFERS)` of the snapshot adapters' queries (SnapshotErp, SnapshotWms, "
                        + "DistributorDirectory), each run once before, with the literal values of one account. Written by "
                        + "ChannelViewBenchmark.\n\n");
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            for (Map<String, Object> account : List.of(median, biggest)) {
                long id = ((Number) account.get("id")).longValue();
                String code = (String) account.get("code");
                explain.append("## ")
                        .append(account == median ? "Median" : "Biggest")
                        .append(" account ")
                        .append(code)
                        .append(" (")
                        .append(account.get("orders"))
                        .append(" orders)\n\n");
                String recent = "current_date - 90";
                Map<String, String> queries = new LinkedHashMap<>();
                queries.put("profile (DistributorDirectory.byCode)", """
                        select d.id, d.code, d.name, r.code, r.name, r.name_en, d.tier, e.name, d.credit_limit, d.status, d.phone, d.address
                          from distributors d left join regions r on r.id = d.region_id
                          left join employees e on e.id = d.account_manager_id where d.code = '%s'""".formatted(code));
                queries.put("orders with their line count and amount (SnapshotErp.account)", """
                        select o.id, o.order_no, o.order_date, o.status, o.currency, o.remark, count(l.order_id),
                               coalesce(sum(coalesce(l.amount, round(l.unit_price * l.quantity, 2))), 0)
                          from (select id, order_no, order_date, status, currency, remark from erp_orders
                                 where distributor_id = %d and (order_date >= %s or status in ('OPEN', 'CONFIRMED', 'SHIPPED'))
                                 order by order_date desc, order_no desc fetch first 50 rows only) o
                          left join erp_order_lines l on l.order_id = o.id
                         group by o.id, o.order_no, o.order_date, o.status, o.currency, o.remark
                         order by o.order_date desc, o.order_no desc""".formatted(id, recent));
                queries.put("invoices (SnapshotErp.account)", """
                        select i.invoice_no, i.order_no, i.issue_date, i.due_date, i.amount, i.tax_amount, i.status,
                               coalesce((select sum(p.amount) from erp_payments p where p.invoice_no = i.invoice_no), 0)
                          from erp_invoices i
                         where i.distributor_id = %d and (i.issue_date >= %s or i.status in ('OPEN', 'PARTIAL', 'OVERDUE'))
                         order by i.issue_date desc, i.invoice_no desc fetch first 50 rows only""".formatted(id, recent));
                queries.put("payments (SnapshotErp.account)", """
                        select payment_no, invoice_no, paid_at, amount, method from erp_payments
                         where distributor_id = %d order by paid_at desc, payment_no desc fetch first 20 rows only""".formatted(id));
                queries.put("credit (SnapshotErp.credit)", """
                        select coalesce(sum(o.rest), 0), coalesce(sum(case when o.due_date < current_date then o.rest else 0 end), 0)
                          from (select i.due_date, greatest(i.amount - coalesce(sum(p.amount), 0), 0) as rest
                                  from erp_invoices i
                                  left join erp_payments p on p.invoice_no = i.invoice_no
                                 where i.distributor_id = %d and i.status in ('OPEN', 'PARTIAL', 'OVERDUE')
                                 group by i.id, i.due_date, i.amount) o""".formatted(id));
                queries.put("shipments (SnapshotWms.shipments)", """
                        select s.id, s.shipment_no, s.order_no, d.code, s.warehouse, s.carrier, s.tracking_no, s.status,
                               s.shipped_at, s.eta, s.delivered_at
                          from wms_shipments s join distributors d on d.id = s.distributor_id
                         where s.distributor_id = (select id from distributors where code = '%s')
                         order by s.shipped_at desc nulls first, s.shipment_no desc fetch first 30 rows only""".formatted(code));
                queries.put("shipment lines (SnapshotWms.withLines, 30 shipments)", """
                        select shipment_id, line_no, sku, quantity from wms_shipment_lines where shipment_id in
                          (select s.id from wms_shipments s where s.distributor_id = %d
                            order by s.shipped_at desc nulls first, s.shipment_no desc limit 30)
                         order by shipment_id, line_no""".formatted(id));
                queries.put(
                        "open tickets (DistributorTickets, roughly: a CHANNEL_AGENT's scope, user id 2)",
                        """
                        select t.id, t.ticket_key, t.desk, t.type, t.channel, t.priority, t.state, t.subject, t.requester_name,
                               u.display_name, t.confidential, t.created_at, t.updated_at, t.segment, t.sla_policy_id, t.resolved_at,
                               t.sla_paused_at, t.first_responded_at, t.first_response_due, t.first_response_risk_at,
                               t.resolution_due, t.resolution_risk_at
                          from tickets t left join app_users u on u.id = t.assignee_id
                         where t.distributor_id = %d and t.state not in ('RESOLVED', 'CLOSED')
                           and ((t.assignee_id = 2) or (t.created_by = 2) or (t.desk = 'CHANNEL' and t.confidential = false))
                         order by t.updated_at desc, t.id desc fetch first 10 rows only""".formatted(id));
                queries.put("snapshot age (ImportHistory.lastApplied)", """
                        select max(finished_at) from import_jobs where mode = 'APPLY' and state = 'DONE'
                           and kind in ('orders', 'invoices', 'payments', 'sales-policies')""");
                for (Map.Entry<String, String> q : queries.entrySet()) {
                    st.execute(q.getValue()); // warm the cache first
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + q.getValue())) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    explain.append("### ")
                            .append(q.getKey())
                            .append("\n\n```sql\n")
                            .append(q.getValue().strip())
                            .append("\n```\n\n```\n")
                            .append(plan)
                            .append("```\n\n");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ load

    private void measureMode(
            String mode, int port, String token, List<String> codes, Path lua, List<String[]> summary, String note)
            throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> sample =
                http.send(request(base, token, codes.getFirst()), HttpResponse.BodyHandlers.ofString());
        if (sample.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/distributors/" + codes.getFirst() + " -> "
                    + sample.statusCode() + ": " + sample.body());
        }
        Files.writeString(DIR.resolve("sample-view-" + mode + ".json"), sample.body());
        String origins = origins(sample.body());
        System.out.printf("%s: sample view %,d bytes, %s%n", mode, sample.body().length(), origins);

        long warm = closedLoopWarmup(http, base, token, codes, WARMUP);
        Cpu serialBefore = Cpu.now();
        Histogram serial = serial(http, base, token, codes, SERIAL);
        Cpu serialCpu = Cpu.now().minus(serialBefore);
        System.out.printf(
                "%s one at a time: p50 %s, p99 %s%n",
                mode, ms(serial.getValueAtPercentile(50)), ms(serial.getValueAtPercentile(99)));
        Thread.sleep(2000); // PostgreSQL flushes a backend's statistics at most once a second
        Map<String, long[]> before = tableStats();
        long xactBefore = transactions();
        boolean statements = resetStatements();
        Cpu cpuBefore = Cpu.now();
        LoadResult open = openLoop(http, base, token, codes, RATE, DURATION);
        Cpu cpu = Cpu.now().minus(cpuBefore);
        String topStatements = statements ? topStatements(open.sent) : "";
        Thread.sleep(2000);
        long xacts = transactions() - xactBefore;
        Map<String, long[]> after = tableStats();
        System.out.printf("%s open loop: %s%n", mode, open);
        Cpu wrkBefore = Cpu.now();
        WrkResult wrk = wrk(port, lua);
        Cpu wrkCpu = Cpu.now().minus(wrkBefore);
        System.out.printf("%s wrk: %.0f req/s%n", mode, wrk.rps);

        report.append("\n## ")
                .append(mode.equals("snapshot") ? "Snapshot mode" : "REST mode")
                .append("\n\n");
        if (note != null) {
            report.append(note).append("\n\n");
        }
        report.append("Sample answer: %,d bytes of JSON (%s). Warm-up: %,d requests closed-loop over %d s.\n\n"
                .formatted(sample.body().length(), origins, warm, WARMUP));
        report.append(
                "### One request at a time: %,d views, one client (the same codes in every run)\n\n".formatted(SERIAL));
        report.append(
                "The view's own service time and cost without queueing: what a faster or quieter machine starts from.\n\n");
        report.append("| | p50 | p90 | p99 | p99.9 | max | mean |\n|---|---|---|---|---|---|---|\n");
        report.append(row("service time", serial));
        report.append('\n')
                .append(serialCpu.describe("the one-at-a-time run", SERIAL))
                .append("\n\n");
        report.append("### Fixed rate (open loop): %d requests/s for %d s\n\n".formatted(RATE, DURATION));
        report.append("Latency measured from each request's intended send time (no coordinated omission); ")
                .append(
                        "service time from the actual send. Random distributor codes, JDK HttpClient, virtual threads.\n\n");
        report.append("| | p50 | p90 | p99 | p99.9 | max | mean |\n|---|---|---|---|---|---|---|\n");
        report.append(row("latency (from intended start)", open.latency));
        report.append(row("service time (from actual send)", open.service));
        report.append(
                "\nSent %,d, answered 200: %,d (both ERP and WMS live: %,d), errors / non-200: %,d; achieved %.1f requests/s.\n\n"
                        .formatted(open.sent, open.ok, open.live, open.errors, open.ok / open.seconds));
        report.append(cpu.describe("the fixed-rate run", open.sent)).append("\n\n");
        report.append(
                "PostgreSQL during the fixed-rate run: %.1f transactions (statements outside a transaction count one each) "
                                .formatted((double) xacts / Math.max(1, open.sent))
                        + "per view; per table, scans per view:\n\n");
        report.append(
                "| table | seq scans | rows read by seq scans | index scans | rows fetched by index |\n|---|---|---|---|---|\n");
        after.forEach((table, a) -> {
            long[] b = before.getOrDefault(table, new long[4]);
            double n = Math.max(1, open.sent);
            if (a[0] - b[0] + a[2] - b[2] > 0) {
                report.append("| %s | %.2f | %.0f | %.2f | %.0f |\n"
                        .formatted(table, (a[0] - b[0]) / n, (a[1] - b[1]) / n, (a[2] - b[2]) / n, (a[3] - b[3]) / n));
            }
        });
        report.append('\n').append(topStatements);
        report.append("### Maximum throughput (closed loop): wrk -t%d -c%d -d%ds --latency\n\n"
                .formatted(WRK_THREADS, WRK_CONNECTIONS, WRK_DURATION));
        report.append("| requests/s | p50 | p75 | p90 | p99 | non-2xx / errors |\n|---|---|---|---|---|---|\n");
        report.append("| %.0f | %s | %s | %s | %s | %s |\n\n"
                .formatted(
                        wrk.rps,
                        wrk.percentiles.getOrDefault("50%", "?"),
                        wrk.percentiles.getOrDefault("75%", "?"),
                        wrk.percentiles.getOrDefault("90%", "?"),
                        wrk.percentiles.getOrDefault("99%", "?"),
                        wrk.errors));
        report.append(wrkCpu.describe(
                        "the wrk run (wrk's own CPU is in \"others\")", Math.round(wrk.rps * WRK_DURATION)))
                .append("\n\n");
        report.append("<details><summary>wrk output</summary>\n\n```\n")
                .append(wrk.raw.strip())
                .append("\n```\n</details>\n");
        summary.add(new String[] {
            mode,
            ms(open.latency.getValueAtPercentile(50)),
            ms(open.latency.getValueAtPercentile(90)),
            ms(open.latency.getValueAtPercentile(99)),
            ms(open.latency.getMaxValue()),
            "%,d".formatted(open.errors),
            "%.0f".formatted(wrk.rps),
            wrk.percentiles.getOrDefault("50%", "?"),
            wrk.percentiles.getOrDefault("99%", "?")
        });
    }

    /**
     * CPU used during a run: this JVM (the app and the Java load generator), the PostgreSQL processes (the postmaster
     * of target/channel-bench/pgdata and its children), and the whole machine from /proc/stat (so what other processes
     * took on the shared machine shows next to it), with the load average at the end.
     */
    record Cpu(long jvmNanos, long pgTicks, long machineBusyTicks, long machineTicks, String loadavg) {

        static final double TICK_MS = 10.0; // USER_HZ = 100 on Linux

        static Cpu now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long pg = 0;
            long busy = 0;
            long total = 0;
            String load = "?";
            try {
                long postmaster = Long.parseLong(Files.readAllLines(DIR.resolve("pgdata/postmaster.pid"))
                        .getFirst()
                        .strip());
                try (var procs = Files.list(Path.of("/proc"))) {
                    for (Path proc : procs.filter(
                                    d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                            .toList()) {
                        try {
                            String stat = Files.readString(proc.resolve("stat"));
                            String[] f =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            long pid = Long.parseLong(proc.getFileName().toString());
                            if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                                pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                            }
                        } catch (IOException | RuntimeException gone) {
                            // the process ended meanwhile
                        }
                    }
                }
                String[] cpu = Files.readAllLines(Path.of("/proc/stat"))
                        .getFirst()
                        .trim()
                        .split("\\s+");
                for (int i = 1; i < cpu.length; i++) {
                    long v = Long.parseLong(cpu[i]);
                    total += v;
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += v;
                    }
                }
                load = Files.readString(Path.of("/proc/loadavg")).strip();
            } catch (IOException | RuntimeException unavailable) {
                // not Linux, or no postmaster.pid: the figures stay 0
            }
            return new Cpu(jvm, pg, busy, total, load);
        }

        Cpu minus(Cpu before) {
            return new Cpu(
                    jvmNanos - before.jvmNanos,
                    pgTicks - before.pgTicks,
                    machineBusyTicks - before.machineBusyTicks,
                    machineTicks - before.machineTicks,
                    loadavg);
        }

        String describe(String run, long requests) {
            double n = Math.max(1, requests);
            double jvm = jvmNanos / 1e6;
            double pg = pgTicks * TICK_MS;
            double busy = machineBusyTicks * TICK_MS;
            double others = Math.max(0, busy - jvm - pg);
            double cores = Runtime.getRuntime().availableProcessors();
            return ("CPU during %s: app JVM (with the Java load generator) %.2f ms per view, PostgreSQL %.2f ms per view; "
                            + "the machine was %.0f %% busy (all %d cores), of which other processes (wrk, other sessions' builds) "
                            + "%.0f %% of the machine; load average at the end: %s.")
                    .formatted(
                            run,
                            jvm / n,
                            pg / n,
                            100 * busy / Math.max(1, machineTicks * TICK_MS),
                            (int) cores,
                            100 * others / Math.max(1, machineTicks * TICK_MS),
                            loadavg);
        }
    }

    /** pg_stat_statements (preloaded with track_planning) from zero, for the fixed-rate run; false when not there. */
    private boolean resetStatements() {
        try {
            admin.execute("create extension if not exists pg_stat_statements");
            admin.queryForList("select pg_stat_statements_reset()");
            return true;
        } catch (RuntimeException unavailable) {
            System.out.println("pg_stat_statements not available: " + unavailable.getMessage());
            return false;
        }
    }

    /** The statements of the app during the fixed-rate run, by time in PostgreSQL (planning + execution) per view. */
    private String topStatements(long views) {
        StringBuilder table = new StringBuilder("PostgreSQL statements during the fixed-rate run (pg_stat_statements, ")
                .append("track_planning on; per view: calls, planning and execution time in ms, rows):\n\n")
                .append("| statement | calls | plan ms | exec ms | rows |\n|---|---|---|---|---|\n");
        double n = Math.max(1, views);
        double[] sum = new double[3];
        admin.query(
                """
                select query, calls, total_plan_time, total_exec_time, rows from pg_stat_statements
                 where dbid = (select oid from pg_database where datname = 'postgres') and query not like '%pg_stat%'
                 order by total_plan_time + total_exec_time desc""",
                rs -> {
                    double calls = rs.getLong(2) / n;
                    double plan = rs.getDouble(3) / n;
                    double exec = rs.getDouble(4) / n;
                    sum[0] += calls;
                    sum[1] += plan;
                    sum[2] += exec;
                    if (plan + exec >= 0.005) {
                        String sql = rs.getString(1).replaceAll("\\s+", " ").strip();
                        sql = sql.length() > 140 ? sql.substring(0, 140) + "…" : sql;
                        table.append("| `%s` | %.2f | %.3f | %.3f | %.1f |\n"
                                .formatted(sql.replace("|", "\\|"), calls, plan, exec, rs.getLong(5) / n));
                    }
                });
        table.append("| **all statements** | %.2f | %.3f | %.3f | |\n\n".formatted(sum[0], sum[1], sum[2]));
        return table.toString();
    }

    private Map<String, long[]> tableStats() {
        Map<String, long[]> stats = new java.util.TreeMap<>();
        admin.query(
                "select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0), coalesce(idx_tup_fetch, 0)"
                        + " from pg_stat_user_tables",
                rs -> {
                    stats.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        return stats;
    }

    private long transactions() {
        return admin.queryForObject(
                "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'", Long.class);
    }

    private static HttpRequest request(String base, String token, String code) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/distributors/" + code))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    private static String origins(String json) {
        Matcher m = Pattern.compile("\"origin\"\\s*:\\s*\"(\\w+)\"").matcher(json);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return "origins ERP, WMS: " + String.join(", ", found);
    }

    /** One request after the other over the same random codes (fixed seed), service time in microseconds. */
    private static Histogram serial(HttpClient http, String base, String token, List<String> codes, int count)
            throws Exception {
        Histogram service = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            HttpRequest request = request(base, token, codes.get(random.nextInt(codes.size())));
            long start = System.nanoTime();
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("one at a time: " + answer.statusCode());
            }
            service.recordValue(
                    Math.min(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start), TimeUnit.MINUTES.toMicros(1)));
        }
        return service;
    }

    private static long closedLoopWarmup(HttpClient http, String base, String token, List<String> codes, int seconds)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 8; w++) {
                int worker = w;
                vt.submit(() -> {
                    Random random = new Random(worker);
                    while (System.nanoTime() < until) {
                        try {
                            http.send(
                                    request(base, token, codes.get(random.nextInt(codes.size()))),
                                    HttpResponse.BodyHandlers.discarding());
                            done.incrementAndGet();
                        } catch (Exception e) {
                            // counted by the measured runs, not here
                        }
                    }
                });
            }
        }
        return done.get();
    }

    record LoadResult(
            Histogram latency, Histogram service, long sent, long ok, long errors, long live, double seconds) {
        @Override
        public String toString() {
            return "p50 %s, p90 %s, p99 %s, max %s, %d ok, %d errors"
                    .formatted(
                            ms(latency.getValueAtPercentile(50)),
                            ms(latency.getValueAtPercentile(90)),
                            ms(latency.getValueAtPercentile(99)),
                            ms(latency.getMaxValue()),
                            ok,
                            errors);
        }
    }

    /** Open loop: request i is due at start + i / rate, whatever happened to the ones before it. */
    private static LoadResult openLoop(
            HttpClient http, String base, String token, List<String> codes, int rate, int seconds)
            throws InterruptedException {
        Histogram latency = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        Histogram service = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong live = new AtomicLong();
        long total = (long) rate * seconds;
        double period = 1e9 / rate;
        Random random = new Random(42);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long intended = start + (long) (i * period);
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                HttpRequest req = request(base, token, codes.get(random.nextInt(codes.size())));
                vt.submit(() -> {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(req, HttpResponse.BodyHandlers.ofString());
                        (response.statusCode() == 200 ? ok : errors).incrementAndGet();
                        if (response.statusCode() == 200 && !response.body().contains("\"origin\":\"SNAPSHOT\"")) {
                            live.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long end = System.nanoTime();
                    latency.recordValue(Math.max(1, (end - intended) / 1000));
                    service.recordValue(Math.max(1, (end - sent) / 1000));
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new LoadResult(latency, service, total, ok.get(), errors.get(), live.get(), elapsed);
    }

    record WrkResult(double rps, Map<String, String> percentiles, String errors, String raw) {}

    private static Path writeLua(Path codes, String token) throws IOException {
        Path lua = DIR.resolve("view.lua");
        Files.writeString(lua, """
                -- wrk: GET /api/v1/distributors/{random code} with the benchmark's API token
                local codes = {}
                for line in io.lines("%s") do codes[#codes + 1] = line end
                local headers = { ["Authorization"] = "Bearer %s", ["Accept"] = "application/json" }
                math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
                request = function()
                  return wrk.format("GET", "/api/v1/distributors/" .. codes[math.random(#codes)], headers)
                end
                """.formatted(codes, token));
        return lua;
    }

    private static WrkResult wrk(int port, Path lua) throws Exception {
        Process p = new ProcessBuilder(
                        "wrk",
                        "-t" + WRK_THREADS,
                        "-c" + WRK_CONNECTIONS,
                        "-d" + WRK_DURATION + "s",
                        "--timeout",
                        "10s",
                        "--latency",
                        "-s",
                        lua.toString(),
                        "http://127.0.0.1:" + port)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        Map<String, String> percentiles = new LinkedHashMap<>();
        Matcher pm = Pattern.compile("^\\s+(50|75|90|99)%\\s+(\\S+)", Pattern.MULTILINE)
                .matcher(out);
        while (pm.find()) {
            percentiles.put(pm.group(1) + "%", pm.group(2));
        }
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
        Matcher socket = Pattern.compile("Socket errors:(.*)").matcher(out);
        String errors = (non2xx.find() ? non2xx.group(1) : "0")
                + (socket.find() ? " (socket errors:" + socket.group(1) + ")" : "");
        return new WrkResult(rps.find() ? Double.parseDouble(rps.group(1)) : 0, percentiles, errors, out);
    }

    // ------------------------------------------------------------------------------------------------ REST mode

    private void rest(String jdbcUrl, String token, List<String> codes, Path lua, List<String[]> summary)
            throws Exception {
        boolean adapters = present("dev.backstop.helpdesk.erp.internal.RestErp")
                && present("dev.backstop.helpdesk.wms.internal.RestWms");
        WireMockServer stub = new WireMockServer(options()
                .dynamicPort()
                .containerThreads(200)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(50)
                .disableRequestJournal());
        stub.start();
        try {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("backstop.erp.base-url", stub.baseUrl());
            props.put("backstop.wms.base-url", stub.baseUrl());
            ConfigurableApplicationContext app = start(jdbcUrl, props);
            try {
                // The stub answers every account with the snapshot's view of one typical account (the contract's JSON:
                // the app's records serialized), its code replaced by the one asked for (WireMock response templating).
                ObjectMapper json = app.getBean(ObjectMapper.class);
                String code = codes.get(codes.size() / 2);
                String account = json.writeValueAsString(
                                app.getBean(ErpLookups.class).account(code).value())
                        .replace("\"" + code + "\"", "\"{{request.pathSegments.[1]}}\"");
                String shipments = ("{\"shipments\":"
                                + json.writeValueAsString(app.getBean(WmsLookups.class)
                                        .shipments(code, 30)
                                        .value()) + "}")
                        .replace("\"" + code + "\"", "\"{{request.pathSegments.[1]}}\"");
                stub.stubFor(get(urlPathMatching("/distributors/[^/]+/account"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(account)
                                .withFixedDelay(STUB_DELAY_MS)
                                .withTransformers("response-template")));
                stub.stubFor(get(urlPathMatching("/distributors/[^/]+/shipments"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(shipments)
                                .withFixedDelay(STUB_DELAY_MS)
                                .withTransformers("response-template")));
                if (!adapters) {
                    report.append(
                                    "\n## REST mode\n\n**Not done**: the live REST adapters (`RestErp`, `RestWms`) are not on this ")
                            .append(
                                    "branch yet, so `backstop.erp.base-url` / `backstop.wms.base-url` configure nothing and the ")
                            .append(
                                    "view would still answer from the snapshot. The stub part is ready (WireMock, `GET /distributors/")
                            .append(
                                    "{code}/account` and `/shipments`, %d ms fixed delay); rerun with `MODES=rest` once they exist.\n"
                                            .formatted(STUB_DELAY_MS));
                    summary.add(new String[] {"REST (not done)", "-", "-", "-", "-", "-", "-", "-", "-"});
                    return;
                }
                measureMode(
                        "rest",
                        port(app),
                        token,
                        codes,
                        lua,
                        summary,
                        ("ERP and WMS from a local WireMock stub answering "
                                        + "after a fixed %d ms (same JVM as the app), base URL %s.")
                                .formatted(STUB_DELAY_MS, stub.baseUrl()));
            } finally {
                app.close();
            }
        } finally {
            stub.stop();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ChannelViewBenchmark.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private void header(Map<String, String> dataset, String pgVersion, int codes) throws Exception {
        report.append("# Channel desk: distributor view under load\n\n");
        report.append(
                        "`GET /api/v1/distributors/{code}` (profile, ERP account, shipments, tickets, policies), authenticated ")
                .append("with an API token of a CHANNEL_AGENT user, over %,d random distributor codes. Written by "
                        .formatted(codes))
                .append("`benchmarks/channel/view.sh` (ChannelViewBenchmark) on %s.\n\n"
                        .formatted(LocalDateTime.now().withNano(0)));
        report.append("## Machine\n\n");
        report.append(
                        "**The load generators (the Java open-loop client in the app's JVM, wrk as a separate process) run on the ")
                .append("same machine as the app and PostgreSQL, all on loopback.**\n\n```\n");
        report.append("$ nproc\n").append(exec("nproc")).append("$ free -g\n").append(exec("free", "-g"));
        report.append("java: ")
                .append(System.getProperty("java.vm.vendor"))
                .append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MB, ")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X"))
                        .toList())
                .append('\n');
        report.append("PostgreSQL: ").append(pgVersion).append('\n');
        report.append(
                        "```\n\nPostgreSQL is the embedded one of the tests (zonky binaries, own process): `fsync` off and ")
                .append("`synchronous_commit=off` (zonky defaults), `shared_buffers=1GB`, `effective_cache_size=8GB`; ")
                .append(
                        "the app's Hikari pool is the default (10 connections); demo data on (the view runs as the demo ")
                .append("agent).\n\n");
        report.append("## Data set\n\n| table | rows generated | time |\n|---|---|---|\n");
        for (String table : List.of(
                "distributors",
                "distributor_contacts",
                "erp_orders",
                "erp_order_lines",
                "wms_shipments",
                "wms_shipment_lines",
                "erp_invoices",
                "erp_payments",
                "tickets")) {
            report.append("| %s | %,d | %s |\n"
                    .formatted(
                            table,
                            Long.parseLong(dataset.getOrDefault("rows." + table, "0")),
                            dataset.getOrDefault("time." + table, "?")));
        }
        report.append(
                "| vacuum analyze + checkpoint | | %s |\n".formatted(dataset.getOrDefault("time.vacuum-analyze", "?")));
        report.append("| **total** | | **%s** |\n\n".formatted(dataset.getOrDefault("time.total", "?")));
        report.append("Generated set-based (`insert … select … from generate_series`, foreign-key triggers off while ")
                .append(
                        "loading) on %s%s. Orders are skewed across accounts (the biggest has about 10× the average of 200), "
                                .formatted(
                                        dataset.getOrDefault("generated-at", "?"),
                                        dataset.containsKey("reused") ? ", reused by this run (REUSE_DATA=true)" : ""))
                .append(
                        "over two years in date order, status by age (3 % cancelled, 0.5 % old backorders); 1–4 lines each; ")
                .append(
                        "shipments for every shipped / delivered order plus a second for every 19th (split), with the lines ")
                .append(
                        "they carried; invoices for about half of them (old ones paid, some overdue, recent ones open or ")
                .append(
                        "partial); payments for most paid and partial invoices; ten tickets per account, two open. Rows above ")
                .append("are the generated ones (the demo data adds a few hundred more).\n");
    }

    private void summary(List<String[]> rows) {
        report.append(
                "\n## Summary\n\n| mode | p50 @%d/s | p90 | p99 | max | errors | max req/s (wrk) | wrk p50 | wrk p99 |\n"
                        .formatted(RATE));
        report.append("|---|---|---|---|---|---|---|---|---|\n");
        for (String[] r : rows) {
            report.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        String verdict = rows.stream()
                .filter(r -> r[0].equals("snapshot"))
                .findFirst()
                .map(r -> "Target (p99 < 50 ms at %d requests/s, snapshot mode): **%s** (p99 %s)."
                        .formatted(RATE, parseMs(r[3]) < 50 ? "met" : "not met", r[3]))
                .orElse("Snapshot mode not run.");
        report.append('\n').append(verdict).append('\n');
    }

    private static double parseMs(String s) {
        return Double.parseDouble(s.replace(" ms", "").replace(",", ""));
    }

    private static String row(String label, Histogram h) {
        return "| %s | %s | %s | %s | %s | %s | %s |\n"
                .formatted(
                        label,
                        ms(h.getValueAtPercentile(50)),
                        ms(h.getValueAtPercentile(90)),
                        ms(h.getValueAtPercentile(99)),
                        ms(h.getValueAtPercentile(99.9)),
                        ms(h.getMaxValue()),
                        "%.1f ms".formatted(h.getMean() / 1000));
    }

    private static String ms(long micros) {
        return "%.1f ms".formatted(micros / 1000.0);
    }

    private static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String knob(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty("bench." + name.toLowerCase().replace('_', '-'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intKnob(String name, int fallback) {
        return Integer.parseInt(knob(name, String.valueOf(fallback)));
    }
}
