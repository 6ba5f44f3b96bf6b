package dev.backstop.helpdesk.erp.internal;

import static dev.backstop.helpdesk.shared.JsonFields.date;
import static dev.backstop.helpdesk.shared.JsonFields.decimal;
import static dev.backstop.helpdesk.shared.JsonFields.integer;
import static dev.backstop.helpdesk.shared.JsonFields.list;
import static dev.backstop.helpdesk.shared.JsonFields.object;
import static dev.backstop.helpdesk.shared.JsonFields.optionalBoolean;
import static dev.backstop.helpdesk.shared.JsonFields.optionalDate;
import static dev.backstop.helpdesk.shared.JsonFields.optionalDecimal;
import static dev.backstop.helpdesk.shared.JsonFields.optionalInstant;
import static dev.backstop.helpdesk.shared.JsonFields.optionalText;
import static dev.backstop.helpdesk.shared.JsonFields.text;

import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.shared.LiveSystemSettings;
import dev.backstop.helpdesk.shared.LiveSystemUnavailable;
import dev.backstop.helpdesk.shared.RestSystem;
import dev.backstop.helpdesk.shared.Sourced;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The live ERP over REST (contract: docs/integrations/erp.yaml): {@code GET /distributors/{code}/account} and
 * {@code GET /orders/{orderNo}}. Active only when {@code backstop.erp.base-url} is set.
 */
@Component
@ConditionalOnProperty("backstop.erp.base-url")
class RestErp implements ErpSystem {

    private final RestSystem rest;

    RestErp(Environment environment, ObjectMapper json) {
        this.rest = new RestSystem(
                "ERP", LiveSystemSettings.of(environment, ErpConnector.SETTINGS).rest(), json);
    }

    @Override
    public ErpAccount account(String distributorCode) {
        Optional<JsonNode> found = rest.get("/distributors/" + segment(distributorCode) + "/account");
        if (found.isEmpty()) {
            return new ErpAccount(
                    distributorCode,
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.List.of(),
                    new ErpAccount.Credit(null, BigDecimal.ZERO, BigDecimal.ZERO, null));
        }
        JsonNode body = found.get();
        if (!distributorCode.equals(text(body, "distributorCode"))) {
            throw new LiveSystemUnavailable(Sourced.Problem.BAD_ANSWER, "ERP answered for another distributor", null);
        }
        JsonNode credit = object(body, "credit");
        return new ErpAccount(
                distributorCode,
                list(body, "orders", RestErp::order),
                list(body, "invoices", RestErp::invoice),
                list(body, "payments", RestErp::payment),
                new ErpAccount.Credit(
                        optionalDecimal(credit, "limit"),
                        decimal(credit, "outstanding"),
                        decimal(credit, "overdue"),
                        optionalDecimal(credit, "available")));
    }

    @Override
    public Optional<ErpAccount.Order> order(String orderNo) {
        return rest.get("/orders/" + segment(orderNo)).map(RestErp::order);
    }

    String circuitState() {
        return rest.circuitState();
    }

    static ErpAccount.Order order(JsonNode node) {
        return new ErpAccount.Order(
                text(node, "orderNo"),
                text(node, "distributorCode"),
                date(node, "orderDate"),
                text(node, "status"),
                Optional.ofNullable(optionalText(node, "currency")).orElse("CNY"),
                optionalDecimal(node, "amount"),
                optionalText(node, "remark"),
                list(node, "lines", RestErp::line));
    }

    static ErpAccount.OrderLine line(JsonNode node) {
        return new ErpAccount.OrderLine(
                integer(node, "lineNo"),
                text(node, "sku"),
                optionalText(node, "productName"),
                optionalText(node, "category"),
                decimal(node, "quantity"),
                optionalDecimal(node, "unitPrice"),
                optionalDecimal(node, "amount"));
    }

    static ErpAccount.Invoice invoice(JsonNode node) {
        BigDecimal paid = optionalDecimal(node, "paid");
        return new ErpAccount.Invoice(
                text(node, "invoiceNo"),
                optionalText(node, "orderNo"),
                date(node, "issueDate"),
                optionalDate(node, "dueDate"),
                decimal(node, "amount"),
                optionalDecimal(node, "taxAmount"),
                text(node, "status"),
                paid == null ? BigDecimal.ZERO : paid,
                optionalBoolean(node, "overdue"));
    }

    static ErpAccount.Payment payment(JsonNode node) {
        Instant paidAt = optionalInstant(node, "paidAt");
        if (paidAt == null) {
            throw new LiveSystemUnavailable(Sourced.Problem.BAD_ANSWER, "payment without paidAt", null);
        }
        return new ErpAccount.Payment(
                text(node, "paymentNo"),
                optionalText(node, "invoiceNo"),
                paidAt,
                decimal(node, "amount"),
                text(node, "method"));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
