package dev.backstop.helpdesk.routing.web;

import static dev.backstop.helpdesk.identity.internal.WebSlice.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.identity.internal.WebSlice;
import dev.backstop.helpdesk.notifications.Notifications;
import dev.backstop.helpdesk.routing.QueueInfo;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.tickets.Desk;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The routing API as a web slice: its URLs, its rules (who may ask for the next ticket, who may switch a queue to
 * push) and its answers, against the routing module's published port. No database: what "next" picks is proven with
 * real tickets in {@code RoutingTests} and the routing module test.
 */
@WebMvcTest(RoutingApi.class)
@Import(WebSlice.class)
class RoutingApiSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TicketRouting routing;

    @MockitoBean
    Notifications notifications;

    @Test
    void anAgentAskingForTheNextTicketWhenNothingWaitsGets204() throws Exception {
        when(routing.next(any(CurrentUser.class))).thenReturn(Optional.empty());

        mvc.perform(post("/api/v1/routing/next").with(as(Role.CHANNEL_AGENT))).andExpect(status().isNoContent());

        verify(routing).next(any(CurrentUser.class));
    }

    @Test
    void aDistributorOrBackOfficeMayNotTakeTicketsFromAQueueAndIsToldSoInTheirLanguage() throws Exception {
        mvc.perform(post("/api/v1/routing/next").with(as(Role.DISTRIBUTOR)).header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("identity.api.forbidden"))
                .andExpect(jsonPath("$.detail").value("Your role does not allow this."));
        mvc.perform(post("/api/v1/routing/next").with(as(Role.BACK_OFFICE)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("identity.api.forbidden"))
                .andExpect(jsonPath("$.detail").value("您的角色无权执行此操作。"));

        verifyNoInteractions(routing);
    }

    @Test
    void nobodySignedInGets401NotALoginPage() throws Exception {
        mvc.perform(get("/api/v1/routing/queues"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("identity.api.unauthenticated"));

        verifyNoInteractions(routing);
    }

    @Test
    void onlyAnAdminSwitchesAQueueToPush() throws Exception {
        when(routing.setPush(eq("CHANNEL"), eq(true), any()))
                .thenReturn(new QueueInfo("CHANNEL", Desk.CHANNEL, null, "渠道服务台", "Channel desk", true));
        String body = "{\"pushAssignment\":true}";

        mvc.perform(put("/api/v1/routing/admin/queues/CHANNEL")
                        .with(as(Role.SUPERVISOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        verify(routing, never()).setPush(any(), anyBoolean(), any());

        mvc.perform(put("/api/v1/routing/admin/queues/CHANNEL")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("CHANNEL"))
                .andExpect(jsonPath("$.pushAssignment").value(true));
    }

    @Test
    void theQueuesAreListedForAgentsAndAnUnknownDeskIsA400NamingIt() throws Exception {
        when(routing.queues()).thenReturn(List.of(new QueueInfo("HR", Desk.HR, null, "人事服务台", "HR desk", false)));

        mvc.perform(get("/api/v1/routing/queues").with(as(Role.HR_AGENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].desk").value("HR"))
                .andExpect(jsonPath("$[0].nameEn").value("HR desk"));

        mvc.perform(get("/api/v1/routing/queues/NOWHERE")
                        .with(as(Role.SUPERVISOR))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("\"desk\"")));
        verify(routing, never()).waiting(any(), any(), anyInt());
    }
}
