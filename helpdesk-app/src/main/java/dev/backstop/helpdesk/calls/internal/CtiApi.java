package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The PBX's endpoint in Zammad's Generic CTI format, unchanged: {@code POST /api/v1/cti/{token}}, form-encoded or
 * JSON, so that PBX scripts written for Zammad work here. The token in the address is the PBX's credential (no
 * login); an unknown or revoked one is 404.
 */
@RestController
@Tag(name = "calls")
class CtiApi {

    private final CtiEvents events;
    private final CallbackLane callbacks;
    private final ObjectMapper json;

    CtiApi(CtiEvents events, CallbackLane callbacks, ObjectMapper json) {
        this.events = events;
        this.callbacks = callbacks;
        this.json = json;
    }

    @PostMapping(value = "/api/v1/cti/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A call event from the PBX (Zammad Generic CTI: newCall, answer, hangup; ours: queued, "
                    + "recordingAvailable, abandoned, transferred, held, resumed — the last three may happen several times "
                    + "in a call and count once per eventId, else per at). The answer to newCall steers the PBX: {\"action\":\"reject\",\"reason\":\"busy\"} "
                    + "for a blocked number, {\"action\":\"dial\",\"number\":<extension>,\"callerId\":<from>} to a key account's "
                    + "available account manager, {} otherwise. Events may come late, twice or out of order.",
            requestBody =
                    @RequestBody(
                            content = {
                                @Content(
                                        mediaType = "application/json",
                                        examples = {
                                            @ExampleObject(name = "newCall", value = """
                                    {"event":"newCall","from":"493023125741","to":"492214710334","direction":"in",\
                                    "callId":"307fa962-de8d-4ffc-817b-7f6993204159","user":["Christopher Miller","Emma Taylor"]}"""),
                                            @ExampleObject(name = "answer", value = """
                                    {"event":"answer","from":"493023125741","to":"492214710334","direction":"in",\
                                    "callId":"307fa962-de8d-4ffc-817b-7f6993204159","user":"Emma Taylor",\
                                    "answeringNumber":"emma@chrispresso.com"}"""),
                                            @ExampleObject(name = "hangup", value = """
                                    {"event":"hangup","from":"493023125741","to":"492214710334","direction":"in",\
                                    "callId":"307fa962-de8d-4ffc-817b-7f6993204159","user":"Emma Taylor",\
                                    "answeringNumber":"emma@chrispresso.com","cause":"normalClearing"}"""),
                                            @ExampleObject(name = "queued (ours)", value = """
                                    {"event":"queued","callId":"c-1001","from":"13800138000","to":"4008001000",\
                                    "direction":"in","queue":"orders","ivrChoice":"1"}"""),
                                            @ExampleObject(name = "recordingAvailable (ours)", value = """
                                    {"event":"recordingAvailable","callId":"c-1001",\
                                    "recording":"https://pbx.example.com/recordings/c-1001.mp3"}"""),
                                            @ExampleObject(name = "abandoned (ours)", value = """
                                    {"event":"abandoned","callId":"c-1002","from":"13800138000","to":"4008001000",\
                                    "direction":"in","waitSeconds":48,"at":"2026-12-05T09:30:00+08:00"}"""),
                                            @ExampleObject(name = "held (ours, repeatable)", value = """
                                    {"event":"held","callId":"c-1001","eventId":"c-1001-7",\
                                    "at":"2026-12-05T09:31:10+08:00"}"""),
                                            @ExampleObject(name = "resumed (ours, repeatable)", value = """
                                    {"event":"resumed","callId":"c-1001","eventId":"c-1001-8",\
                                    "at":"2026-12-05T09:31:55+08:00"}"""),
                                            @ExampleObject(name = "transferred (ours, repeatable)", value = """
                                    {"event":"transferred","callId":"c-1001","eventId":"c-1001-9","transferTo":"8002",\
                                    "at":"2026-12-05T09:32:30+08:00"}""")
                                        }),
                                @Content(
                                        mediaType = "application/x-www-form-urlencoded",
                                        examples =
                                                @ExampleObject(
                                                        name = "newCall (form)",
                                                        value =
                                                                "event=newCall&from=493023125741&to=492214710334&direction=in"
                                                                        + "&callId=25641e3f-3317-4c48-80b3-fc573c7ffe2b&user[]=Christopher+Miller&user[]=Emma+Taylor"))
                            }))
    Map<String, Object> event(@PathVariable String token, HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        CtiEvent event = type != null && type.toLowerCase().contains("json") ? fromJson(request) : fromForm(request);
        return callbacks.run(event, () -> events.handle(token, event));
    }

    private CtiEvent fromJson(HttpServletRequest request) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(request.getInputStream());
        } catch (RuntimeException e) {
            throw new CallRefused("calls.error.body");
        }
        if (body == null || !body.isObject()) {
            throw new CallRefused("calls.error.body");
        }
        List<String> users = new ArrayList<>();
        for (String name : List.of("user", "user[]")) {
            JsonNode user = body.get(name);
            if (user != null && user.isArray()) {
                user.forEach(u -> users.add(u.asString()));
            } else if (user != null && !user.isNull()) {
                users.add(user.asString());
            }
        }
        JsonNode wait = body.get("waitSeconds");
        return new CtiEvent(
                text(body, "event"),
                text(body, "from"),
                text(body, "to"),
                text(body, "direction"),
                text(body, "callId"),
                users,
                text(body, "queue"),
                text(body, "cause"),
                text(body, "answeringNumber"),
                at(text(body, "at")),
                text(body, "recording"),
                text(body, "ivrChoice"),
                wait == null || wait.isNull() ? null : seconds(wait.asString()),
                text(body, "transferTo"),
                text(body, "eventId"));
    }

    private static CtiEvent fromForm(HttpServletRequest request) {
        List<String> users = new ArrayList<>();
        for (String name : List.of("user[]", "user")) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                users.addAll(Arrays.asList(values));
            }
        }
        String wait = request.getParameter("waitSeconds");
        return new CtiEvent(
                request.getParameter("event"),
                request.getParameter("from"),
                request.getParameter("to"),
                request.getParameter("direction"),
                request.getParameter("callId"),
                users,
                request.getParameter("queue"),
                request.getParameter("cause"),
                request.getParameter("answeringNumber"),
                at(request.getParameter("at")),
                request.getParameter("recording"),
                request.getParameter("ivrChoice"),
                wait == null ? null : seconds(wait),
                request.getParameter("transferTo"),
                request.getParameter("eventId"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Integer seconds(String value) {
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds < 0 || seconds > 86_400) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new CallRefused("calls.error.waitSeconds", value);
        }
    }

    private static Instant at(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CallRefused("calls.error.at", at);
        }
    }
}
