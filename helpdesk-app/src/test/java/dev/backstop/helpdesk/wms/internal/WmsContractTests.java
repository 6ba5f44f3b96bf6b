package dev.backstop.helpdesk.wms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstop.helpdesk.shared.LiveSystemUnavailable;
import dev.backstop.helpdesk.shared.Sourced;
import dev.backstop.helpdesk.testsupport.OpenApiSamples;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The WMS adapter and docs/integrations/wms.yaml agree on paths and on what a shipment must carry. */
class WmsContractTests {

    @Test
    void pathsAndRequiredFieldsAgree() throws Exception {
        OpenApiSamples contract = OpenApiSamples.load("wms.yaml");
        assertThat(contract.paths())
                .containsExactlyInAnyOrder("/distributors/{code}/shipments", "/orders/{orderNo}/shipments", "/stock");
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> minimal = contract.minimal("Shipment");
        assertThat(RestWms.shipment(json.valueToTree(minimal)).lines()).isEmpty();
        for (String field : contract.required("Shipment")) {
            Map<String, Object> missing = new LinkedHashMap<>(minimal);
            missing.remove(field);
            assertThatThrownBy(() -> RestWms.shipment(json.valueToTree(missing)))
                    .as("without " + field)
                    .isInstanceOfSatisfying(
                            LiveSystemUnavailable.class,
                            e -> assertThat(e.problem()).isEqualTo(Sourced.Problem.BAD_ANSWER));
        }
    }
}
