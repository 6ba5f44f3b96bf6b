package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.internal.HrRetention;
import dev.backstop.helpdesk.hr.internal.MyData;
import dev.backstop.helpdesk.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "My data" (PIPL art. 45): the page that says what the desk holds about the employee and how long each kind is kept,
 * and the download (a zip of UTF-8 CSV files) from the page and the API. Every download is an access-log entry.
 */
@Controller
class MyDataPages {

    private final MyData myData;
    private final HrRetention retention;

    MyDataPages(MyData myData, HrRetention retention) {
        this.myData = myData;
        this.retention = retention;
    }

    @GetMapping("/portal/hr/my-data")
    String page(CurrentUser user, Model model) {
        if (user.familyMemberId() != null || user.employeeId() == null) {
            throw new HrRecordNotFound();
        }
        model.addAttribute("periods", retention.periods());
        return "hr/my-data";
    }

    @GetMapping("/portal/hr/my-data/export")
    ResponseEntity<byte[]> download(CurrentUser user, HttpServletRequest request) {
        return zip(myData.export(user, Periods.origin(request)));
    }

    @GetMapping("/api/v1/me/data")
    @Operation(
            summary = "Everything the desk holds about the calling employee (PIPL art. 45) as a zip of UTF-8 CSV files;"
                    + " recorded in the employee's access log as an export")
    ResponseEntity<byte[]> api(CurrentUser user, HttpServletRequest request) {
        return zip(myData.export(user, Periods.origin(request)));
    }

    private static ResponseEntity<byte[]> zip(MyData.Export export) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.filename())
                                .build()
                                .toString())
                .body(export.zip());
    }
}
