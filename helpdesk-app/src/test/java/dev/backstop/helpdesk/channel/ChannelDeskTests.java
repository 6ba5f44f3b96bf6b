package dev.backstop.helpdesk.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The channel desk as its users meet it, on the demo data (snapshot mode), on H2 and on a real PostgreSQL: finding an
 * account by a caller's number, the whole account in one request with figures that add up, a distributor confined to
 * its own account, the sales-policy check line by line, and requests that become tickets forwarded to the back office.
 */
class ChannelDeskTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        String json(String user, String url) throws Exception {
            return mvc.perform(get(url).with(httpBasic(user, "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }

        String orderOf(String code) {
            return jdbc.queryForObject("""
                    select min(o.order_no) from erp_orders o join distributors d on d.id = o.distributor_id
                     where d.code = ? and o.status <> 'CANCELLED'""", String.class, code);
        }

        @Test
        void aCallersNumberInAnyCommonFormatFindsTheAccount() throws Exception {
            for (String phone : List.of("+86 138 1000 8000", "13810008000", "138-1000-8000", "0086 13810008000")) {
                String found = mvc.perform(
                                get("/api/v1/distributors").param("q", phone).with(httpBasic("agent", "demo")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(JsonPath.<String>read(found, "$[0].code")).as(phone).isEqualTo("D0001");
            }
            String contact = jdbc.queryForObject(
                    "select c.name from distributor_contacts c join distributors d"
                            + " on d.id = c.distributor_id where d.code = 'D0002' and c.primary_contact",
                    String.class);
            assertThat(JsonPath.<List<String>>read(json("agent", "/api/v1/distributors?q=" + contact), "$[*].code"))
                    .contains("D0002");
            String name = jdbc.queryForObject("select name from distributors where code = 'D0003'", String.class);
            assertThat(JsonPath.<List<String>>read(
                            json("agent", "/api/v1/distributors?q=" + name.substring(0, 4)), "$[*].code"))
                    .contains("D0003");
            assertThat(JsonPath.<List<String>>read(
                            json("agent", "/api/v1/distributors?q=Contact1.D0004@example.cn"), "$[*].code"))
                    .containsExactly("D0004");
            assertThat(JsonPath.<List<Object>>read(json("agent", "/api/v1/distributors?q=13999999999"), "$"))
                    .isEmpty();
        }

        @Test
        void theWholeAccountComesInOneRequestAndItsFiguresAddUp() throws Exception {
            String view = json("agent", "/api/v1/distributors/D0001");
            assertThat(JsonPath.<String>read(view, "$.profile.code")).isEqualTo("D0001");
            assertThat(JsonPath.<String>read(view, "$.profile.tier")).isEqualTo("VIP");
            assertThat(JsonPath.<String>read(view, "$.erp.origin")).isEqualTo("SNAPSHOT");
            assertThat(JsonPath.<Object>read(view, "$.erp.problem")).isNull();
            assertThat(JsonPath.<List<Object>>read(view, "$.erp.value.orders")).isNotEmpty();
            // the view lists orders with their line count and amount; the lines are in the order's own answer
            assertThat(JsonPath.<List<Object>>read(view, "$.erp.value.orders[*].lines"))
                    .isEmpty();
            assertThat(JsonPath.<List<Integer>>read(view, "$.erp.value.orders[*].lineCount"))
                    .allSatisfy(n -> assertThat(n).isPositive());
            String firstOrder = JsonPath.read(view, "$.erp.value.orders[0].orderNo");
            String detail = json("agent", "/api/v1/distributors/D0001/orders/" + firstOrder);
            assertThat(JsonPath.<List<Object>>read(detail, "$.lines"))
                    .hasSize(JsonPath.<Integer>read(view, "$.erp.value.orders[0].lineCount"));
            assertThat(new BigDecimal(
                            JsonPath.read(detail, "$.order.value.amount").toString()))
                    .isEqualByComparingTo(new BigDecimal(
                            JsonPath.read(view, "$.erp.value.orders[0].amount").toString()));
            assertThat(JsonPath.<List<Object>>read(view, "$.shipments.value")).isNotEmpty();
            assertThat(JsonPath.<List<Object>>read(view, "$.shipments.value[0].lines"))
                    .isNotEmpty();
            assertThat(JsonPath.<List<String>>read(view, "$.policies[*].code"))
                    .contains("POL-VIP-REBATE")
                    .doesNotContain("POL-EAST-COND".equals(regionPolicyFor("D0001")) ? "none" : "POL-EAST-COND");

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            BigDecimal outstanding = jdbc.queryForObject("""
                    select coalesce(sum(i.amount - coalesce((select sum(p.amount) from erp_payments p
                                                            where p.invoice_no = i.invoice_no), 0)), 0)
                      from erp_invoices i join distributors d on d.id = i.distributor_id
                     where d.code = 'D0001' and i.status not in ('PAID', 'VOID')""", BigDecimal.class);
            BigDecimal overdue = jdbc.queryForObject("""
                    select coalesce(sum(i.amount), 0) from erp_invoices i join distributors d on d.id = i.distributor_id
                     where d.code = 'D0001' and i.status not in ('PAID', 'VOID') and i.due_date < ?""", BigDecimal.class, Date.valueOf(today));
            BigDecimal limit =
                    jdbc.queryForObject("select credit_limit from distributors where code = 'D0001'", BigDecimal.class);
            assertThat(outstanding).isPositive();
            assertThat(overdue).isPositive();
            assertThat(new BigDecimal(JsonPath.read(view, "$.erp.value.credit.outstanding")
                            .toString()))
                    .isEqualByComparingTo(outstanding);
            assertThat(new BigDecimal(
                            JsonPath.read(view, "$.erp.value.credit.overdue").toString()))
                    .isEqualByComparingTo(overdue);
            assertThat(new BigDecimal(
                            JsonPath.read(view, "$.erp.value.credit.available").toString()))
                    .isEqualByComparingTo(limit.subtract(outstanding));
            assertThat(JsonPath.<List<Boolean>>read(view, "$.erp.value.invoices[*].overdue"))
                    .contains(true);
            assertThat(JsonPath.<List<Object>>read(
                            view, "$.erp.value.payments[?(@.paymentNo == 'PAY-DEMO-UNAPPLIED')]"))
                    .hasSize(1);
        }

        private String regionPolicyFor(String code) {
            return jdbc.queryForObject(
                                    "select r.code from distributors d join regions r on r.id = d.region_id where d.code = ?",
                                    String.class,
                                    code)
                            .equals("EAST")
                    ? "POL-EAST-COND"
                    : "none";
        }

        @Test
        void aDistributorSeesOnlyItsOwnAccountAndGuessedNumbersOfAnotherAre404() throws Exception {
            mvc.perform(get("/api/v1/distributors/D0001").with(httpBasic("distributor", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.profile.code").value("D0001"));
            mvc.perform(get("/api/v1/distributors/D0002")
                            .with(httpBasic("distributor", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("channel.error.notFound.account"))
                    .andExpect(jsonPath("$.detail").value("没有编码为“D0002”的经销商。"));
            String theirs = orderOf("D0002");
            String shipment = jdbc.queryForObject(
                    "select min(s.shipment_no) from wms_shipments s join distributors d"
                            + " on d.id = s.distributor_id where d.code = 'D0002'",
                    String.class);
            String invoice = jdbc.queryForObject(
                    "select min(i.invoice_no) from erp_invoices i join distributors d"
                            + " on d.id = i.distributor_id where d.code = 'D0002'",
                    String.class);
            for (String url : List.of(
                    "/api/v1/distributors/D0001/orders/" + theirs,
                    "/api/v1/distributors/D0002/orders/" + theirs,
                    "/api/v1/distributors/D0001/shipments/" + shipment,
                    "/api/v1/distributors/D0001/invoices/" + invoice,
                    "/api/v1/distributors/D0001/orders/" + theirs + "/policy-check?policy=POL-VIP-REBATE")) {
                mvc.perform(get(url).with(httpBasic("distributor", "demo"))).andExpect(status().isNotFound());
            }
            mvc.perform(get("/api/v1/distributors/D0002/orders/" + theirs).with(httpBasic("distributor2", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.order.value.orderNo").value(theirs));
            mvc.perform(get("/api/v1/distributors?q=D0002").with(httpBasic("distributor", "demo")))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/distributors/D0002/requests")
                            .with(httpBasic("distributor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\":\"EXPEDITE\",\"orderNo\":\"" + theirs + "\"}"))
                    .andExpect(status().isNotFound());
            // the pages: the portal shows the own account; another's order by number is a 404 page
            String page = mvc.perform(get("/portal/account").with(httpBasic("distributor", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("D0001").doesNotContain(theirs);
            mvc.perform(get("/portal/account/orders/" + theirs).with(httpBasic("distributor", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/portal/account/orders/" + orderOf("D0001")).with(httpBasic("distributor", "demo")))
                    .andExpect(status().isOk());
            mvc.perform(get("/workspace/distributors/D0002").with(httpBasic("distributor", "demo")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void thePolicyCheckAnswersYesOrNoWithEveryRuleLineByLine() throws Exception {
            long d1 = jdbc.queryForObject("select id from distributors where code = 'D0001'", Long.class);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            order(
                    d1,
                    "SO-TEST-BEV-150",
                    today,
                    List.of(
                            new Object[] {"NW-001", "Beverages", 150, "18.00"},
                            new Object[] {"NW-003", "Condiments", 500, "10.00"}));
            order(
                    d1,
                    "SO-TEST-BEV-250",
                    today,
                    List.of(
                            new Object[] {"NW-001", "Beverages", 120, "18.00"},
                            new Object[] {"NW-002", "Beverages", 130, "19.00"}));

            String no = json(
                    "agent", "/api/v1/distributors/D0001/orders/SO-TEST-BEV-150/policy-check?policy=POL-BEV-WINTER");
            assertThat(JsonPath.<Boolean>read(no, "$.qualifies")).isFalse();
            assertThat(JsonPath.<List<String>>read(no, "$.reasons[?(@.met == false)].rule"))
                    .containsExactly("minQuantity");
            assertThat(JsonPath.<List<List<String>>>read(no, "$.reasons[?(@.rule == 'minQuantity')].arguments")
                            .getFirst())
                    .containsExactly("150", "200");
            assertThat(JsonPath.<List<String>>read(no, "$.reasons[?(@.met == true)].rule"))
                    .contains("status", "period", "category");

            String yes = json(
                    "agent", "/api/v1/distributors/D0001/orders/SO-TEST-BEV-250/policy-check?policy=POL-BEV-WINTER");
            assertThat(JsonPath.<Boolean>read(yes, "$.qualifies")).isTrue();
            // 120 × 18 + 130 × 19 = 4,630.00; 5 % of it
            assertThat(new BigDecimal(JsonPath.read(yes, "$.qualifyingAmount").toString()))
                    .isEqualByComparingTo("4630.00");
            assertThat(new BigDecimal(JsonPath.read(yes, "$.benefit").toString()))
                    .isEqualByComparingTo("231.50");

            // the VIP rebate is for VIPs only: D0001 is VIP, a general account is told why not
            String general =
                    jdbc.queryForObject("select min(code) from distributors where tier = 'GENERAL'", String.class);
            long g = jdbc.queryForObject("select id from distributors where code = ?", Long.class, general);
            order(g, "SO-TEST-GENERAL", today, List.<Object[]>of(new Object[] {"NW-038", "Beverages", 100, "263.50"}));
            String notVip = mvc.perform(get("/api/v1/distributors/" + general
                                    + "/orders/SO-TEST-GENERAL/policy-check?policy=POL-VIP-REBATE")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<Boolean>read(notVip, "$.qualifies")).isFalse();
            assertThat(JsonPath.<List<String>>read(notVip, "$.reasons[?(@.met == false)].rule"))
                    .containsExactly("tier");

            String page = mvc.perform(get("/workspace/distributors/D0001/orders/SO-TEST-BEV-150?policy=POL-BEV-WINTER")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("不符合 POL-BEV-WINTER").contains("数量 150 低于起订数量 200。");
            mvc.perform(get("/api/v1/distributors/D0001/orders/SO-TEST-BEV-150/policy-check?policy=NOPE")
                            .with(httpBasic("agent", "demo")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("channel.error.notFound.policy"));
        }

        void order(long distributor, String orderNo, LocalDate date, List<Object[]> lines) {
            jdbc.update(
                    "insert into erp_orders (order_no, distributor_id, order_date, status, currency) values (?, ?, ?, 'OPEN', 'CNY')",
                    orderNo,
                    distributor,
                    Date.valueOf(date));
            long id = jdbc.queryForObject("select id from erp_orders where order_no = ?", Long.class, orderNo);
            int n = 1;
            for (Object[] l : lines) {
                BigDecimal price = new BigDecimal((String) l[3]);
                jdbc.update(
                        "insert into erp_order_lines (order_id, line_no, sku, product_name, category, quantity, unit_price, amount)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                        id,
                        n++,
                        l[0],
                        l[0],
                        l[1],
                        l[2],
                        price,
                        price.multiply(BigDecimal.valueOf(((Number) l[2]).longValue())));
            }
        }

        @Test
        void aDeliveryDiscrepancyBecomesATicketForwardedToLogisticsThatTheDistributorSees() throws Exception {
            String shortOrder = jdbc.queryForObject("""
                    select min(o.order_no) from erp_orders o join wms_shipments s on s.order_no = o.order_no
                      join wms_shipment_lines l on l.shipment_id = s.id
                      join erp_order_lines ol on ol.order_id = o.id and ol.line_no = l.line_no
                     where l.quantity < ol.quantity""", String.class);
            assertThat(shortOrder).as("the demo has a short-shipped order").isNotNull();
            String detail = json("agent", "/api/v1/distributors/D0001/orders/" + shortOrder);
            assertThat(JsonPath.<List<Boolean>>read(detail, "$.lines[*].shortShipped"))
                    .contains(true);
            // the stock of the order's products, by warehouse, with what is left to promise
            String sku = JsonPath.read(detail, "$.lines[0].sku");
            assertThat(JsonPath.<List<String>>read(detail, "$.stock.value[*].sku"))
                    .contains(sku);
            List<Map<String, Object>> levels = JsonPath.read(detail, "$.stock.value[?(@.sku == '" + sku + "')]");
            assertThat(levels)
                    .hasSize(3)
                    .allSatisfy(level -> assertThat(
                                    new BigDecimal(level.get("available").toString()))
                            .isEqualByComparingTo(
                                    new BigDecimal(level.get("onHand").toString())
                                            .subtract(new BigDecimal(
                                                    level.get("reserved").toString()))
                                            .max(BigDecimal.ZERO)));

            String body = mvc.perform(post("/api/v1/distributors/D0001/requests")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"kind":"DELIVERY_DISCREPANCY","orderNo":"%s","received":[{"lineNo":1,"quantity":5}],
                                     "description":"客户称第一行只到了5件"}""".formatted(shortOrder)))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            long ticket = ((Number) JsonPath.read(body, "$.id")).longValue();
            assertThat(JsonPath.<String>read(body, "$.state")).isEqualTo("PENDING_BACK_OFFICE");
            assertThat(JsonPath.<String>read(body, "$.departmentName")).isEqualTo("物流部");
            assertThat(JsonPath.<String>read(body, "$.loop.backOfficeDue")).isNotNull();
            assertThat(JsonPath.<String>read(body, "$.refs.orderNo")).isEqualTo(shortOrder);
            assertThat(JsonPath.<String>read(body, "$.subject"))
                    .contains(shortOrder)
                    .contains("收货差异");
            assertThat(JsonPath.<String>read(body, "$.description"))
                    .contains("第 1 行")
                    .contains("实收 5")
                    .contains("客户称第一行只到了5件");
            Map<String, Object> line = jdbc.queryForMap("""
                    select l.ordered, l.shipped, l.received from channel_request_lines l
                      join channel_requests r on r.id = l.request_id where r.ticket_id = ? and l.line_no = 1""", ticket);
            assertThat((BigDecimal) line.get("received")).isEqualByComparingTo("5");
            assertThat((BigDecimal) line.get("shipped")).isLessThan((BigDecimal) line.get("ordered"));

            // the ticket page leads back to the account
            assertThat(mvc.perform(get("/workspace/tickets/" + ticket).with(httpBasic("agent", "demo")))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("href=\"/workspace/distributors/D0001\"");
            // the distributor sees the ticket about its account, and it shows on the account's view
            mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("distributor", "demo")))
                    .andExpect(status().isOk());
            assertThat(JsonPath.<List<Integer>>read(json("agent", "/api/v1/distributors/D0001"), "$.openTickets[*].id"))
                    .contains((int) ticket);
            // the back office answers; the ticket comes back to the desk with a callback due
            mvc.perform(post("/api/v1/tickets/" + ticket + "/back-office-answer")
                            .with(httpBasic("backoffice", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"已补发 5 件，明天到货\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("OPEN"));
        }

        @Test
        void aRequestThatCannotBeRaisedIsRefusedWithAReasonAndNothingIsWritten() throws Exception {
            String order = orderOf("D0001");
            int before = jdbc.queryForObject("select count(*) from tickets", Integer.class);
            mvc.perform(post("/api/v1/distributors/D0001/requests")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\":\"DELIVERY_DISCREPANCY\",\"orderNo\":\"" + order + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("channel.error.noDiscrepancy"));
            mvc.perform(post("/api/v1/distributors/D0001/requests")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\":\"DELIVERY_DISCREPANCY\",\"orderNo\":\"" + order
                                    + "\",\"received\":[{\"lineNo\":99,\"quantity\":1}]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("Order " + order + " has no line 99."));
            mvc.perform(post("/api/v1/distributors/D0001/requests")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\":\"EXPEDITE\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("channel.error.orderRequired"));
            mvc.perform(post("/api/v1/distributors/D0001/requests")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\":\"INVOICE_DISPUTE\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("channel.error.invoiceRequired"));
            assertThat(jdbc.queryForObject("select count(*) from tickets", Integer.class))
                    .isEqualTo(before);
        }

        @Test
        void theDistributorRaisesAnExpediteRequestInThePortalAndItWaitsAtTheChannelDesk() throws Exception {
            String order = orderOf("D0001");
            String location = mvc.perform(post("/portal/account/requests")
                            .with(httpBasic("distributor", "demo"))
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .param("kind", "EXPEDITE")
                            .param("orderNo", order)
                            .param("description", "下周促销急需"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(location).startsWith("/portal/tickets/");
            long id = Long.parseLong(location.substring("/portal/tickets/".length()));
            String ticket = json("agent", "/api/v1/tickets/" + id);
            assertThat(JsonPath.<String>read(ticket, "$.desk")).isEqualTo("CHANNEL");
            assertThat(JsonPath.<String>read(ticket, "$.channel")).isEqualTo("PORTAL");
            assertThat(JsonPath.<Object>read(ticket, "$.departmentId")).isNull();
            assertThat(JsonPath.<String>read(ticket, "$.refs.orderNo")).isEqualTo(order);
        }

        @Test
        void theAgentsPagesShowTheAccountAndAPhoneSearchOpensIt() throws Exception {
            mvc.perform(get("/workspace/distributors")
                            .param("q", "+86 138 1000 8000")
                            .with(httpBasic("agent", "demo")))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                            "/workspace/distributors/D0001"));
            String page = mvc.perform(get("/workspace/distributors/D0001")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .contains("ERP 快照")
                    .contains("仓储系统 快照")
                    .contains(orderOf("D0001"))
                    .contains("PAY-DEMO-UNAPPLIED")
                    .contains("未核销")
                    .contains("贵宾年度返利");
            mvc.perform(get("/workspace/distributors/D0001").with(httpBasic("hr", "demo")))
                    .andExpect(status().isForbidden());
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends Scenarios {}
}
