package dev.backstop.helpdesk.channel.internal;

import dev.backstop.helpdesk.channel.ChannelDesk;
import dev.backstop.helpdesk.channel.ChannelRequest;
import dev.backstop.helpdesk.channel.DistributorView;
import dev.backstop.helpdesk.channel.OrderDetail;
import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.erp.PolicyCheck;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.wms.Shipment;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channel desk's REST API. Staff of the channel desk, back office, supervisors and admins reach every account;
 * a distributor reaches only its own code (anything else is 404, also for a guessed order, shipment or invoice no.).
 */
@RestController
@RequestMapping("/api/v1/distributors")
@Tag(name = "channel desk")
class ChannelApi {

    private final ChannelDesk desk;

    ChannelApi(ChannelDesk desk) {
        this.desk = desk;
    }

    /** Find accounts by code, name, contact name or phone number (any common format). */
    @GetMapping
    List<Distributor.Match> find(@RequestParam(name = "q", defaultValue = "") String query, CurrentUser user) {
        return desk.find(query, user);
    }

    /** The distributor view: profile, ERP account, shipments, open tickets, last interactions, policies. */
    @GetMapping("/{code}")
    DistributorView view(@PathVariable String code, CurrentUser user) {
        return desk.view(code, user);
    }

    @GetMapping("/{code}/orders/{orderNo}")
    OrderDetail order(@PathVariable String code, @PathVariable String orderNo, CurrentUser user) {
        return desk.order(code, orderNo, user);
    }

    @GetMapping("/{code}/orders/{orderNo}/policy-check")
    PolicyCheck policyCheck(
            @PathVariable String code, @PathVariable String orderNo, @RequestParam String policy, CurrentUser user) {
        return desk.checkPolicy(code, orderNo, policy, user);
    }

    @GetMapping("/{code}/shipments/{shipmentNo}")
    Shipment shipment(@PathVariable String code, @PathVariable String shipmentNo, CurrentUser user) {
        return desk.shipment(code, shipmentNo, user);
    }

    @GetMapping("/{code}/invoices/{invoiceNo}")
    ErpAccount.Invoice invoice(@PathVariable String code, @PathVariable String invoiceNo, CurrentUser user) {
        return desk.invoice(code, invoiceNo, user);
    }

    /** Raises a request (delivery discrepancy, expedite, payment not applied, invoice or policy dispute) as a ticket. */
    @PostMapping("/{code}/requests")
    ResponseEntity<TicketDetails> raise(
            @PathVariable String code, @RequestBody ChannelRequest request, Locale locale, CurrentUser user) {
        TicketDetails ticket = desk.raise(code, request, locale, user);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.id()))
                .body(ticket);
    }
}
