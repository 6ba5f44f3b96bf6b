package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.internal.CallerSecrets;
import dev.backstop.helpdesk.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Issue 15 hr-gaps: an HR lead or admin sets an employee's caller-verification factors; nothing is ever read back. */
@RestController
@Tag(name = "hr")
class CallerSecretsApi {

    private final CallerSecrets secrets;

    CallerSecretsApi(CallerSecrets secrets) {
        this.secrets = secrets;
    }

    /** Either or both: the last 4 characters of the ID number (digits, or X last) and a PIN of 4–8 digits. */
    record Factors(String idLast4, String pin) {}

    @PutMapping("/api/v1/hr/employees/{employeeNo}/caller-factors")
    @Operation(
            summary = "Set or reset an employee's caller-verification factors (HR lead, admin): only hashes are "
                    + "stored, the change is recorded (who, which factor, when — never the digits), 204 without a body")
    ResponseEntity<Void> set(
            @PathVariable String employeeNo, @RequestBody Factors body, CurrentUser user, HttpServletRequest request) {
        secrets.set(
                employeeNo,
                body.idLast4(),
                body.pin(),
                CallerSecrets.Via.API,
                Periods.origin(request).address(),
                user);
        return ResponseEntity.noContent().build();
    }
}
