package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins set up telephony: PBX endpoints and their tokens, hotlines → desks, extensions, blocked numbers. */
@RestController
@Tag(name = "calls")
class TelephonyAdminApi {

    record PbxBody(String name) {}

    record HotlineBody(String desk, String name) {}

    record ExtensionBody(String extension) {}

    record BlockBody(String note) {}

    record ClickToDialBody(String url) {}

    record PhoneBody(String phone) {}

    private final Telephony telephony;

    TelephonyAdminApi(Telephony telephony) {
        this.telephony = telephony;
    }

    @GetMapping("/api/v1/admin/telephony/pbx")
    List<Telephony.PbxInfo> endpoints() {
        return telephony.endpoints();
    }

    @PostMapping("/api/v1/admin/telephony/pbx")
    @Operation(summary = "A new PBX endpoint; the answer carries its token once (the PBX posts to /api/v1/cti/{token})")
    ResponseEntity<Telephony.IssuedPbx> create(@RequestBody PbxBody body, CurrentUser user) {
        return ResponseEntity.status(201).body(telephony.issue(body.name(), user));
    }

    @PostMapping("/api/v1/admin/telephony/pbx/{id}/revoke")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        return telephony.revoke(id)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @PutMapping("/api/v1/admin/telephony/pbx/{id}/click-to-dial")
    @Operation(
            summary = "The URL this PBX takes click-to-dial requests at (blank: none). Backstop posts JSON "
                    + "{event: dial, callId, direction: out, from: <agent's extension>, to: <number>, user: <login>} "
                    + "and expects the call's events back under that callId.")
    ResponseEntity<Void> clickToDial(@PathVariable long id, @RequestBody ClickToDialBody body) {
        return telephony.setClickToDial(id, body.url())
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/api/v1/admin/telephony/phones")
    @Operation(summary = "Staff users' phone numbers (a front-line rep calling from theirs is recognised)")
    List<Telephony.StaffPhone> phones() {
        return telephony.staffPhones();
    }

    @PutMapping("/api/v1/admin/telephony/phones/{username}")
    @Operation(summary = "Sets a staff user's phone number (blank: none)")
    Telephony.StaffPhone setPhone(@PathVariable String username, @RequestBody PhoneBody body) {
        return telephony.setPhone(username, body.phone());
    }

    @GetMapping("/api/v1/admin/telephony/hotlines")
    List<Telephony.Hotline> hotlines() {
        return telephony.hotlines();
    }

    @PutMapping("/api/v1/admin/telephony/hotlines/{number}")
    Telephony.Hotline hotline(@PathVariable String number, @RequestBody HotlineBody body) {
        return telephony.setHotline(number, body.desk(), body.name());
    }

    @DeleteMapping("/api/v1/admin/telephony/hotlines/{number}")
    ResponseEntity<Void> removeHotline(@PathVariable String number) {
        return telephony.removeHotline(number)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/api/v1/admin/telephony/extensions")
    List<Telephony.Extension> extensions() {
        return telephony.extensions();
    }

    @PutMapping("/api/v1/admin/telephony/extensions/{username}")
    Telephony.Extension extension(@PathVariable String username, @RequestBody ExtensionBody body) {
        return telephony.setExtension(username, body.extension());
    }

    @GetMapping("/api/v1/admin/telephony/blocked")
    List<Telephony.Blocked> blocked() {
        return telephony.blockedCallers();
    }

    @PutMapping("/api/v1/admin/telephony/blocked/{number}")
    Telephony.Blocked block(@PathVariable String number, @RequestBody(required = false) BlockBody body) {
        return telephony.block(number, body == null ? null : body.note());
    }

    @DeleteMapping("/api/v1/admin/telephony/blocked/{number}")
    ResponseEntity<Void> unblock(@PathVariable String number) {
        return telephony.unblock(number)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
