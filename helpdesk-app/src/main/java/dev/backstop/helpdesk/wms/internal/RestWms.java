package dev.backstop.helpdesk.wms.internal;

import static dev.backstop.helpdesk.shared.JsonFields.decimal;
import static dev.backstop.helpdesk.shared.JsonFields.integer;
import static dev.backstop.helpdesk.shared.JsonFields.list;
import static dev.backstop.helpdesk.shared.JsonFields.optionalDate;
import static dev.backstop.helpdesk.shared.JsonFields.optionalInstant;
import static dev.backstop.helpdesk.shared.JsonFields.optionalText;
import static dev.backstop.helpdesk.shared.JsonFields.text;

import dev.backstop.helpdesk.shared.LiveSystemSettings;
import dev.backstop.helpdesk.shared.RestSystem;
import dev.backstop.helpdesk.wms.Shipment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The live WMS over REST (contract: docs/integrations/wms.yaml): {@code GET /distributors/{code}/shipments?limit=} and
 * {@code GET /orders/{orderNo}/shipments}. Active only when {@code backstop.wms.base-url} is set.
 */
@Component
@ConditionalOnProperty("backstop.wms.base-url")
class RestWms implements WmsSystem {

    private final RestSystem rest;

    RestWms(Environment environment, ObjectMapper json) {
        this.rest = new RestSystem(
                "WMS", LiveSystemSettings.of(environment, WmsConnector.SETTINGS).rest(), json);
    }

    @Override
    public List<Shipment> shipments(String distributorCode, int limit) {
        return rest.get("/distributors/" + segment(distributorCode) + "/shipments?limit=" + limit)
                .map(body -> list(body, "shipments", RestWms::shipment))
                .orElse(List.of());
    }

    @Override
    public List<Shipment> shipmentsOfOrder(String orderNo) {
        return rest.get("/orders/" + segment(orderNo) + "/shipments")
                .map(body -> list(body, "shipments", RestWms::shipment))
                .orElse(List.of());
    }

    @Override
    public List<dev.backstop.helpdesk.wms.StockLevel> stock(java.util.Collection<String> skus) {
        String query = String.join(",", skus.stream().map(RestWms::segment).toList());
        return rest.get("/stock?skus=" + query)
                .map(body -> list(
                        body,
                        "stock",
                        node -> new dev.backstop.helpdesk.wms.StockLevel(
                                text(node, "warehouse"),
                                text(node, "sku"),
                                optionalText(node, "productName"),
                                decimal(node, "onHand"),
                                dev.backstop.helpdesk.shared.JsonFields.optionalDecimal(node, "reserved"))))
                .orElse(List.of());
    }

    static Shipment shipment(JsonNode node) {
        return new Shipment(
                text(node, "shipmentNo"),
                text(node, "orderNo"),
                text(node, "distributorCode"),
                optionalText(node, "warehouse"),
                optionalText(node, "carrier"),
                optionalText(node, "trackingNo"),
                text(node, "status"),
                optionalInstant(node, "shippedAt"),
                optionalDate(node, "eta"),
                optionalInstant(node, "deliveredAt"),
                node.has("lines")
                        ? list(
                                node,
                                "lines",
                                line -> new Shipment.Line(
                                        integer(line, "lineNo"), text(line, "sku"), decimal(line, "quantity")))
                        : List.of());
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
