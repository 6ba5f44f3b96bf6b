package dev.backstop.helpdesk.notifications.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.notifications.NoticeChannel;
import dev.backstop.helpdesk.notifications.RequesterPreference;
import dev.backstop.helpdesk.notifications.RequesterPreferences;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A portal user's choice of how they are told about their tickets: GET, and PUT
 * {@code {"channel":"SMS","language":"en","phone":"…"}} (400 with a localized detail when it cannot be kept).
 */
@RestController
class PreferencesApi {

    private final RequesterPreferences preferences;

    PreferencesApi(RequesterPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/me/notification-preferences")
    RequesterPreference get(CurrentUser user) {
        return preferences.of(user.id());
    }

    @PutMapping("/api/v1/me/notification-preferences")
    RequesterPreference put(@RequestBody Choice choice, CurrentUser user) {
        return preferences.save(user.id(), choice.channel(), choice.language(), choice.phone());
    }

    record Choice(NoticeChannel channel, String language, String phone) {}
}
