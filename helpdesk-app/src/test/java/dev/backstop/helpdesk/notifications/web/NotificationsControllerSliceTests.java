package dev.backstop.helpdesk.notifications.web;

import static dev.backstop.helpdesk.identity.internal.WebSlice.as;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.identity.internal.WebSlice;
import dev.backstop.helpdesk.notifications.Notification;
import dev.backstop.helpdesk.notifications.Notifications;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bell's API and "mark all read" as a web slice, through both real security chains: any signed-in user reads
 * their own notifications (the module's published {@link Notifications}, mocked here; stored and written for real in
 * {@code NotificationsModuleTests}); nobody anonymous does; the page form needs its CSRF token.
 */
@WebMvcTest(NotificationsController.class)
@Import(WebSlice.class)
class NotificationsControllerSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Notifications notifications;

    @Test
    void everySignedInRoleReadsItsOwnNotificationsAsJson() throws Exception {
        when(notifications.recent(7, 100))
                .thenReturn(List.of(new Notification(
                        1, "tickets.notification.answered", List.of("CH-2026-0001"), 42L, Instant.now(), false)));

        for (Role role : List.of(Role.CHANNEL_AGENT, Role.DISTRIBUTOR, Role.FAMILY)) {
            mvc.perform(get("/api/v1/notifications").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].messageKey").value("tickets.notification.answered"))
                    .andExpect(jsonPath("$[0].arguments[0]").value("CH-2026-0001"))
                    .andExpect(jsonPath("$[0].ticketId").value(42));
        }
    }

    @Test
    void anonymousCallersGet401OnTheApiAndABrowserIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/api/v1/notifications"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("identity.api.unauthenticated"));
        mvc.perform(get("/notifications").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));

        verify(notifications, never()).recent(anyLong(), org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void markingAllReadNeedsTheFormsCsrfTokenAndMarksOnlyTheCallersOwn() throws Exception {
        mvc.perform(post("/notifications/read").with(as(Role.SUPERVISOR))).andExpect(status().isForbidden());
        verify(notifications, never()).markAllRead(anyLong());

        mvc.perform(post("/notifications/read").with(as(Role.SUPERVISOR)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/notifications"));
        verify(notifications).markAllRead(7);
    }
}
