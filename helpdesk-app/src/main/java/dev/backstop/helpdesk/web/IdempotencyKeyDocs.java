package dev.backstop.helpdesk.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;

/**
 * Says in the OpenAPI description what {@link IdempotentRequests} does: every creation it guards takes an optional
 * {@code Idempotency-Key} header, and its answers may carry {@code Idempotent-Replayed: true}. The list of guarded
 * paths is the filter's own, so the description cannot drift from the behaviour.
 */
@Component
class IdempotencyKeyDocs implements OpenApiCustomizer {

    static final String DESCRIPTION = """
            Optional. A client-chosen key (1–100 printable ASCII characters, e.g. a UUID) that makes this creation \
            happen once: a retry with the same key and the same request gets the first answer again, with \
            `Idempotent-Replayed: true`, on whichever node it lands; the same key with a different request is 422; \
            a refused request keeps nothing. Keys are kept 24 hours, per caller.""";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            Operation post = item.getPost();
            if (post != null && guarded(path)) {
                post.addParametersItem(new HeaderParameter()
                        .name(IdempotentRequests.HEADER)
                        .required(false)
                        .description(DESCRIPTION)
                        .schema(new StringSchema().pattern("^[\\x21-\\x7e]{1,100}$")));
                if (post.getResponses() != null) {
                    post.getResponses().values().forEach(IdempotencyKeyDocs::mayBeReplayed);
                }
            }
        });
    }

    private static boolean guarded(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return IdempotentRequests.CREATIONS.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static void mayBeReplayed(ApiResponse response) {
        response.addHeaderObject(
                "Idempotent-Replayed",
                new Header()
                        .description("`true` when this is the stored answer to an earlier request with the same key.")
                        .schema(new StringSchema()._enum(List.of("true"))));
    }
}
