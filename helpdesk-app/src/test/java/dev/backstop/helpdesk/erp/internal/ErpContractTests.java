package dev.backstop.helpdesk.erp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstop.helpdesk.shared.LiveSystemUnavailable;
import dev.backstop.helpdesk.shared.Sourced;
import dev.backstop.helpdesk.testsupport.OpenApiSamples;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERP adapter and the published contract (docs/integrations/erp.yaml) agree: the paths it calls are documented,
 * an answer with only the required fields is accepted, and an answer missing any required field is refused as
 * unreadable (the desk then shows the snapshot) rather than shown with blanks.
 */
class ErpContractTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theAdapterCallsOnlyDocumentedPaths() throws Exception {
        assertThat(OpenApiSamples.load("erp.yaml").paths())
                .containsExactlyInAnyOrder("/distributors/{code}/account", "/orders/{orderNo}");
    }

    @Test
    void requiredMeansRequiredForOrdersInvoicesAndPayments() throws Exception {
        OpenApiSamples contract = OpenApiSamples.load("erp.yaml");
        holds(contract, "Order", RestErp::order);
        holds(contract, "OrderLine", RestErp::line);
        holds(contract, "Invoice", RestErp::invoice);
        holds(contract, "Payment", RestErp::payment);
    }

    static void holds(OpenApiSamples contract, String schema, Function<JsonNode, ?> reader) {
        Map<String, Object> minimal = contract.minimal(schema);
        assertThat(reader.apply(JSON.valueToTree(minimal)))
                .as(schema + " with only its required fields")
                .isNotNull();
        for (String field : contract.required(schema)) {
            Map<String, Object> missing = new LinkedHashMap<>(minimal);
            missing.remove(field);
            assertThatThrownBy(() -> reader.apply(JSON.valueToTree(missing)))
                    .as(schema + " without " + field)
                    .isInstanceOfSatisfying(
                            LiveSystemUnavailable.class,
                            e -> assertThat(e.problem()).isEqualTo(Sourced.Problem.BAD_ANSWER));
        }
    }
}
