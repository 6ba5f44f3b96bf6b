package dev.backstop.helpdesk.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.erp.ErpLookups;
import dev.backstop.helpdesk.shared.Sourced;
import dev.backstop.helpdesk.wms.Shipment;
import dev.backstop.helpdesk.wms.WmsLookups;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The ERP and the WMS over real HTTP, played by WireMock (systems we cannot run here): a good answer is shown live; a
 * slow, failing or garbage answer, an open circuit or a full bulkhead falls back to the imported snapshot and says why;
 * retries are seen on the wire; the circuit opens, keeps the ERP from being asked, and closes again when it recovers.
 * The desk itself never fails: the distributor view answers 200 while the ERP is down.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/connectors",
            "spring.datasource.url=jdbc:h2:mem:connectors;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.erp.budget=2s",
            "backstop.erp.read-timeout=1s",
            "backstop.erp.retries=2",
            "backstop.erp.retry-backoff=10ms",
            "backstop.erp.circuit-open=1s",
            "backstop.erp.circuit-window=40",
            "backstop.erp.token=erp-secret",
            "backstop.wms.budget=2s",
            "backstop.wms.read-timeout=1s",
            "backstop.wms.username=desk",
            "backstop.wms.password=wms-pass"
        })
class ConnectorTests {

    @RegisterExtension
    static WireMockExtension erp = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    static WireMockExtension wms = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        registry.add("backstop.erp.base-url", () -> erp.baseUrl() + "/erp/v1");
        registry.add("backstop.wms.base-url", () -> wms.baseUrl() + "/wms/v1");
    }

    static final String ACCOUNT = """
            {"distributorCode":"D0001",
             "orders":[{"orderNo":"SO-LIVE-1","distributorCode":"D0001","orderDate":"2026-11-20","status":"CONFIRMED",
                        "currency":"CNY","amount":"1234.50","lines":[{"lineNo":1,"sku":"NW-001","productName":"Chai",
                        "category":"Beverages","quantity":50,"unitPrice":"24.69","amount":"1234.50"}]}],
             "invoices":[{"invoiceNo":"INV-LIVE-1","orderNo":"SO-LIVE-1","issueDate":"2026-11-21","dueDate":"2026-12-21",
                          "amount":1234.50,"taxAmount":160.49,"status":"OPEN","paid":0,"overdue":false}],
             "payments":[{"paymentNo":"PAY-LIVE-1","invoiceNo":null,"paidAt":"2026-11-22T10:00:00+08:00","amount":"100.00",
                          "method":"BANK"}],
             "credit":{"limit":"5000000.00","outstanding":"1234.50","overdue":"0","available":"4998765.50"}}""";

    static final String SHIPMENTS = """
            {"shipments":[{"shipmentNo":"SH-LIVE-1","orderNo":"SO-LIVE-1","distributorCode":"D0001","warehouse":"上海一号仓",
              "carrier":"顺丰速运","trackingNo":"SF0000000001","status":"IN_TRANSIT","shippedAt":"2026-11-22T09:15:00+08:00",
              "eta":"2026-11-25","deliveredAt":null,"lines":[{"lineNo":1,"sku":"NW-001","quantity":40}]}]}""";

    @Autowired
    ErpLookups erpLookups;

    @Autowired
    WmsLookups wmsLookups;

    @Autowired
    MockMvc mvc;

    @Autowired
    dev.backstop.helpdesk.imports.ImportHistory importHistory;

    @Autowired
    JdbcTemplate jdbc;

    void erpAccount(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        erp.resetAll();
        erp.stubFor(get(urlEqualTo("/erp/v1/distributors/D0001/account")).willReturn(response));
    }

    void assertSnapshot(Sourced<ErpAccount> found, Sourced.Problem problem) {
        assertThat(found.origin()).isEqualTo(Sourced.Origin.SNAPSHOT);
        assertThat(found.problem()).isEqualTo(problem);
        assertThat(found.value().orders())
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.orderNo()).startsWith("SO-2")); // the demo snapshot, not the live data
    }

    @Test
    @Order(1)
    void aGoodAnswerIsShownLiveWithItsValuesAndAnUnknownOrderIsNotAFailure() {
        erpAccount(okJson(ACCOUNT));
        // the very first call after start-up loads the HTTP client's and the JSON reader's classes; on a busy machine
        // it
        // can outlast the 2 s budget (the desk then shows the snapshot, as it should): this test is about the mapping
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> erpLookups.account("D0001").origin() == Sourced.Origin.LIVE);
        Sourced<ErpAccount> found = erpLookups.account("D0001");
        assertThat(found.origin()).isEqualTo(Sourced.Origin.LIVE);
        assertThat(found.problem()).isNull();
        ErpAccount account = found.value();
        assertThat(account.orders()).singleElement().satisfies(o -> {
            assertThat(o.orderNo()).isEqualTo("SO-LIVE-1");
            assertThat(o.amount()).isEqualByComparingTo("1234.50");
            assertThat(o.lines().getFirst().quantity()).isEqualByComparingTo("50");
        });
        assertThat(account.invoices().getFirst().outstanding()).isEqualByComparingTo("1234.50");
        assertThat(account.payments().getFirst().paidAt()).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(account.credit().available()).isEqualByComparingTo(new BigDecimal("4998765.50"));
        erp.verify(getRequestedFor(urlEqualTo("/erp/v1/distributors/D0001/account"))
                .withHeader("Authorization", equalTo("Bearer erp-secret"))
                .withHeader("Accept", equalTo("application/json")));

        erp.stubFor(
                get(urlEqualTo("/erp/v1/orders/SO-NOPE")).willReturn(aResponse().withStatus(404)));
        Sourced<Optional<ErpAccount.Order>> none = erpLookups.order("D0001", "SO-NOPE");
        assertThat(none.origin()).isEqualTo(Sourced.Origin.LIVE);
        assertThat(none.value()).isEmpty();

        // an order the ERP says is another distributor's is not this account's
        erp.stubFor(get(urlEqualTo("/erp/v1/orders/SO-LIVE-1"))
                .willReturn(okJson(ACCOUNT.substring(ACCOUNT.indexOf("{\"orderNo\""), ACCOUNT.indexOf("]}],") + 2))));
        assertThat(erpLookups.order("D0001", "SO-LIVE-1").value()).isPresent();
        assertThat(erpLookups.order("D0002", "SO-LIVE-1").value()).isEmpty();
    }

    @Test
    @Order(2)
    void slowFailingAndGarbageAnswersFallBackToTheSnapshotAndSayWhy() {
        erpAccount(okJson(ACCOUNT).withFixedDelay(2500));
        assertSnapshot(erpLookups.account("D0001"), Sourced.Problem.SLOW);

        erpAccount(aResponse().withStatus(503));
        assertSnapshot(erpLookups.account("D0001"), Sourced.Problem.UNREACHABLE);
        erp.verify(3, getRequestedFor(urlEqualTo("/erp/v1/distributors/D0001/account"))); // first try + 2 retries

        erpAccount(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"orders\": [ oops"));
        assertSnapshot(erpLookups.account("D0001"), Sourced.Problem.BAD_ANSWER);
        erp.verify(1, getRequestedFor(urlEqualTo("/erp/v1/distributors/D0001/account"))); // garbage is not retried

        erpAccount(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>login</html>"));
        assertSnapshot(erpLookups.account("D0001"), Sourced.Problem.BAD_ANSWER);

        erpAccount(okJson(ACCOUNT.replace("\"quantity\":50", "\"quantity\":\"fifty\"")));
        assertSnapshot(erpLookups.account("D0001"), Sourced.Problem.BAD_ANSWER);

        erpAccount(okJson(ACCOUNT.replace("\"distributorCode\":\"D0001\",\n", "")));
        assertSnapshot(erpLookups.account("D0001"), Sourced.Problem.BAD_ANSWER);
    }

    @Test
    @Order(3)
    void theCircuitOpensAfterRepeatedFailuresSparesTheErpAndClosesWhenItRecovers() throws Exception {
        erpAccount(aResponse().withStatus(500));
        Sourced.Problem last = null;
        for (int i = 0; i < 12 && last != Sourced.Problem.CIRCUIT_OPEN; i++) {
            last = erpLookups.account("D0001").problem();
        }
        assertThat(last).isEqualTo(Sourced.Problem.CIRCUIT_OPEN);
        erp.resetRequests();
        assertSnapshot(erpLookups.account("D0001"), Sourced.Problem.CIRCUIT_OPEN);
        erp.verify(0, getRequestedFor(urlPathEqualTo("/erp/v1/distributors/D0001/account")));

        erpAccount(okJson(ACCOUNT));
        Thread.sleep(1200); // circuit-open = 1 s, then half-open lets calls through
        Sourced<ErpAccount> back = null;
        for (int i = 0; i < 5; i++) {
            back = erpLookups.account("D0001");
        }
        assertThat(back.origin()).isEqualTo(Sourced.Origin.LIVE);
        assertThat(back.value().orders().getFirst().orderNo()).isEqualTo("SO-LIVE-1");
    }

    @Test
    @Order(4)
    void theWarehouseSystemLiveAndDown() {
        wms.resetAll();
        wms.stubFor(
                get(urlEqualTo("/wms/v1/distributors/D0001/shipments?limit=30")).willReturn(okJson(SHIPMENTS)));
        Sourced<List<Shipment>> live = wmsLookups.shipments("D0001", 30);
        assertThat(live.origin()).isEqualTo(Sourced.Origin.LIVE);
        assertThat(live.value()).singleElement().satisfies(s -> {
            assertThat(s.trackingNo()).isEqualTo("SF0000000001");
            assertThat(s.eta()).hasToString("2026-11-25");
            assertThat(s.lines().getFirst().quantity()).isEqualByComparingTo("40");
        });
        wms.verify(getRequestedFor(urlEqualTo("/wms/v1/distributors/D0001/shipments?limit=30"))
                .withHeader("Authorization", equalTo("Basic ZGVzazp3bXMtcGFzcw==")));

        wms.stubFor(get(urlEqualTo("/wms/v1/stock?skus=NW-001,NW-002")).willReturn(okJson("""
                {"stock":[{"warehouse":"上海一号仓","sku":"NW-001","onHand":120,"reserved":"20"},
                          {"warehouse":"北京顺义仓","sku":"NW-002","onHand":"5"}]}""")));
        Sourced<List<dev.backstop.helpdesk.wms.StockLevel>> stock = wmsLookups.stock(List.of("NW-001", "NW-002"));
        assertThat(stock.origin()).isEqualTo(Sourced.Origin.LIVE);
        assertThat(stock.value())
                .extracting(level -> level.available().intValue())
                .containsExactly(100, 5);

        wms.stubFor(get(urlEqualTo("/wms/v1/distributors/D0001/shipments?limit=30"))
                .willReturn(
                        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        Sourced<List<Shipment>> down = wmsLookups.shipments("D0001", 30);
        assertThat(down.origin()).isEqualTo(Sourced.Origin.SNAPSHOT);
        assertThat(down.problem()).isEqualTo(Sourced.Problem.UNREACHABLE);
        assertThat(down.value())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.shipmentNo()).startsWith("SH-2"));
    }

    @Test
    @Order(5)
    void theDeskKeepsWorkingWhileTheErpIsDownAndSaysWhatIsMissing() throws Exception {
        erpAccount(aResponse().withStatus(502));
        wms.resetAll();
        wms.stubFor(
                get(urlEqualTo("/wms/v1/distributors/D0001/shipments?limit=30")).willReturn(okJson(SHIPMENTS)));
        jdbc.update(
                """
                insert into import_jobs (kind, mode, policy, state, file_name, stored_path, sha256, size_bytes, requested_name,
                                         created_at, finished_at)
                values ('orders', 'APPLY', 'SKIP_BAD_ROWS', 'DONE', 'orders.csv', 'x', 'x', 1, 'nightly', ?, ?)""",
                java.sql.Timestamp.from(Instant.parse("2026-11-23T02:32:00Z")),
                java.sql.Timestamp.from(Instant.parse("2026-11-23T02:32:00Z")));
        importHistory
                .importFinished(); // as the import runner does when a job ends (the snapshot's age is kept a few s)
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/distributors/D0001").with(httpBasic("agent", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.erp.origin").value("SNAPSHOT"))
                .andExpect(jsonPath("$.erp.problem").value("UNREACHABLE"))
                .andExpect(jsonPath("$.erp.asOf").value("2026-11-23T02:32:00Z"))
                .andExpect(jsonPath("$.shipments.origin").value("LIVE"));
        String page = mvc.perform(MockMvcRequestBuilders.get("/workspace/distributors/D0001")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("ERP 快照，截至 2026-11-23 10:32").contains("无法连接").contains("仓储系统 实时数据");
        // and a ticket can still be raised about the account
        String order = jdbc.queryForObject("""
                select min(o.order_no) from erp_orders o join distributors d on d.id = o.distributor_id
                 where d.code = 'D0001' and o.status <> 'CANCELLED'""", String.class);
        erp.stubFor(get(urlEqualTo("/erp/v1/orders/" + order))
                .willReturn(aResponse().withStatus(502)));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/distributors/D0001/requests")
                        .with(httpBasic("agent", "demo"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"EXPEDITE\",\"orderNo\":\"" + order + "\"}"))
                .andExpect(status().isCreated());
    }
}
