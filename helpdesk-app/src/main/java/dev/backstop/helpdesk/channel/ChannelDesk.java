package dev.backstop.helpdesk.channel;

import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.distributors.DistributorDirectory;
import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.erp.ErpLookups;
import dev.backstop.helpdesk.erp.PolicyCheck;
import dev.backstop.helpdesk.erp.SalesPolicies;
import dev.backstop.helpdesk.erp.SalesPolicy;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.organization.OrganizationDirectory;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.shared.Sourced;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.tickets.Transfer;
import dev.backstop.helpdesk.wms.Shipment;
import dev.backstop.helpdesk.wms.WmsLookups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel desk's API: find an account, see it on one screen, look at an order, check a sales policy, raise a
 * request to the back office. Staff of the channel desk, the back office, supervisors and admins see every account; a
 * distributor only its own — anything else is {@link ChannelNotFound} (404), exactly as if it did not exist. What a
 * raised request says and keeps is in {@link ChannelRequests}.
 *
 * <p>A little over 300 lines on purpose: every method applies the same rule first (staff see every account, a
 * distributor only its own, else 404) before it asks the ERP, the WMS or the tickets; one place for that rule is
 * the point.
 */
@Service
public class ChannelDesk {

    /** Who sees every account. */
    public static final Set<Role> STAFF = Set.of(Role.CHANNEL_AGENT, Role.BACK_OFFICE, Role.SUPERVISOR, Role.ADMIN);

    static final int SHIPMENT_LIMIT = 30;
    static final int TICKET_LIMIT = 10;
    private static final ExecutorService LOOKUPS = Executors.newVirtualThreadPerTaskExecutor();

    private final DistributorDirectory directory;
    private final ErpLookups erp;
    private final WmsLookups wms;
    private final SalesPolicies policies;
    private final TicketManagement tickets;
    private final OrganizationDirectory organization;
    private final ChannelRequests requests;
    private final DeskTime deskTime;

    ChannelDesk(
            DistributorDirectory directory,
            ErpLookups erp,
            WmsLookups wms,
            SalesPolicies policies,
            TicketManagement tickets,
            OrganizationDirectory organization,
            ChannelRequests requests,
            DeskTime deskTime) {
        this.directory = directory;
        this.erp = erp;
        this.wms = wms;
        this.policies = policies;
        this.tickets = tickets;
        this.organization = organization;
        this.requests = requests;
        this.deskTime = deskTime;
    }

    /** Accounts by code, name, contact name or phone; staff only (a distributor finds nothing). */
    public List<Distributor.Match> find(String query, CurrentUser by) {
        return isStaff(by) ? directory.find(query) : List.of();
    }

    /** The account the caller may see, or 404. */
    public Distributor account(String code, CurrentUser by) {
        Distributor found = directory
                .byCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new ChannelNotFound("account", code));
        if (!isStaff(by) && !(by.has(Role.DISTRIBUTOR) && Objects.equals(by.distributorId(), found.id()))) {
            throw new ChannelNotFound("account", code);
        }
        return found;
    }

    /** The distributor's own account code (for the portal), or 404 for a user bound to none. */
    public String ownCode(CurrentUser by) {
        if (by.distributorId() == null) {
            throw new ChannelNotFound("account", "-");
        }
        return directory
                .byId(by.distributorId())
                .map(Distributor::code)
                .orElseThrow(() -> new ChannelNotFound("account", "-"));
    }

    /**
     * The whole screen in one call: ERP and WMS are asked at the same time. Orders come with their line count and
     * amount, not their lines (live or snapshot alike): those are on the order's own page / {@link #order}.
     */
    public DistributorView view(String code, CurrentUser by) {
        Distributor profile = account(code, by);
        CompletableFuture<Sourced<ErpAccount>> account = CompletableFuture.supplyAsync(
                () -> erp.account(profile.code()).map(ErpAccount::withoutOrderLines), LOOKUPS);
        CompletableFuture<Sourced<List<Shipment>>> shipments =
                CompletableFuture.supplyAsync(() -> wms.shipments(profile.code(), SHIPMENT_LIMIT), LOOKUPS);
        List<TicketSummary> open = tickets.ofDistributor(profile.id(), true, TICKET_LIMIT, by);
        List<TicketSummary> recent = tickets.ofDistributor(profile.id(), false, 5, by);
        return new DistributorView(profile, account.join(), shipments.join(), open, recent, applicable(profile));
    }

    /** The sales policies valid today for the account's tier and region. */
    public List<SalesPolicy> policies(String code, CurrentUser by) {
        return applicable(account(code, by));
    }

    private List<SalesPolicy> applicable(Distributor profile) {
        LocalDate today = deskTime.today();
        return policies.list(today).stream()
                .filter(p -> p.tier() == null || p.tier().equalsIgnoreCase(profile.tier()))
                .filter(p -> p.regionCode() == null
                        || p.regionCode().equalsIgnoreCase(Objects.toString(profile.regionCode(), "")))
                .toList();
    }

    /** One order of the account with its shipments and ordered vs shipped per line; 404 when not this account's. */
    public OrderDetail order(String code, String orderNo, CurrentUser by) {
        Distributor profile = account(code, by);
        CompletableFuture<Sourced<List<Shipment>>> shipments =
                CompletableFuture.supplyAsync(() -> wms.shipmentsOfOrder(profile.code(), orderNo), LOOKUPS);
        Sourced<java.util.Optional<ErpAccount.Order>> found = erp.order(profile.code(), orderNo);
        ErpAccount.Order order = found.value().orElseThrow(() -> new ChannelNotFound("order", orderNo));
        Sourced<List<Shipment>> sent = shipments.join();
        Map<Integer, BigDecimal> shipped = new HashMap<>();
        boolean linesKnown = sent.value().stream().anyMatch(s -> !s.lines().isEmpty());
        sent.value().forEach(s -> s.lines().forEach(l -> shipped.merge(l.lineNo(), l.quantity(), BigDecimal::add)));
        List<OrderDetail.LineStatus> lines = order.lines().stream()
                .map(l -> new OrderDetail.LineStatus(
                        l.lineNo(),
                        l.sku(),
                        l.productName(),
                        l.quantity(),
                        linesKnown ? shipped.getOrDefault(l.lineNo(), BigDecimal.ZERO) : null))
                .toList();
        return new OrderDetail(
                profile,
                found.map(o -> order),
                sent,
                lines,
                wms.stock(order.lines().stream().map(ErpAccount.OrderLine::sku).toList()));
    }

    /** A shipment of the account by number (among its latest), or 404. */
    public Shipment shipment(String code, String shipmentNo, CurrentUser by) {
        Distributor profile = account(code, by);
        return wms.shipments(profile.code(), 500).value().stream()
                .filter(s -> s.shipmentNo().equals(shipmentNo))
                .findFirst()
                .orElseThrow(() -> new ChannelNotFound("shipment", shipmentNo));
    }

    /** An invoice of the account (unpaid, or of the last 90 days), or 404. */
    public ErpAccount.Invoice invoice(String code, String invoiceNo, CurrentUser by) {
        Distributor profile = account(code, by);
        return erp.account(profile.code()).value().invoices().stream()
                .filter(i -> i.invoiceNo().equals(invoiceNo))
                .findFirst()
                .orElseThrow(() -> new ChannelNotFound("invoice", invoiceNo));
    }

    /** Does the order qualify for the policy: yes or no, with every rule met or not. */
    public PolicyCheck checkPolicy(String code, String orderNo, String policyCode, CurrentUser by) {
        Distributor profile = account(code, by);
        ErpAccount.Order order =
                erp.order(profile.code(), orderNo).value().orElseThrow(() -> new ChannelNotFound("order", orderNo));
        SalesPolicy policy = policies.byCode(policyCode == null ? "" : policyCode.strip())
                .orElseThrow(() -> new ChannelNotFound("policy", policyCode));
        return policies.check(order, profile.tier(), profile.regionCode(), policy);
    }

    /**
     * Raises a request as a ticket of the channel desk about this account. Raised by staff it is forwarded at once to
     * the back-office department for the kind (logistics, finance, sales) with the kind's deadline; raised by the
     * distributor in the portal it waits at the channel desk, which checks and forwards it.
     */
    @Transactional
    public TicketDetails raise(String code, ChannelRequest request, Locale locale, CurrentUser by) {
        Distributor profile = account(code, by);
        if (request == null || request.kind() == null) {
            throw new ChannelRefused("channel.error.kindRequired");
        }
        RequestKind kind = request.kind();
        ErpAccount.Order order = null;
        if (kind.needsOrder() || ChannelRequests.blank(request.orderNo()) != null) {
            if (ChannelRequests.blank(request.orderNo()) == null) {
                throw new ChannelRefused("channel.error.orderRequired");
            }
            order = erp.order(profile.code(), request.orderNo().strip())
                    .value()
                    .orElseThrow(() -> new ChannelNotFound("order", request.orderNo()));
        }
        if (kind == RequestKind.INVOICE_DISPUTE && ChannelRequests.blank(request.invoiceNo()) == null) {
            throw new ChannelRefused("channel.error.invoiceRequired");
        }
        if (kind == RequestKind.POLICY_DISPUTE
                && (ChannelRequests.blank(request.policyCode()) == null
                        || policies.byCode(request.policyCode().strip()).isEmpty())) {
            throw new ChannelRefused("channel.error.policyRequired");
        }
        if (kind == RequestKind.PAYMENT_NOT_APPLIED
                && ChannelRequests.blank(request.paymentNo()) == null
                && ChannelRequests.blank(request.description()) == null) {
            throw new ChannelRefused("channel.error.paymentRequired");
        }
        Integer hours = request.deadlineHours() == null ? kind.deadlineHours() : request.deadlineHours();
        if (hours < 1 || hours > 24 * 30) {
            throw new ChannelRefused("channel.error.deadlineHours", hours);
        }
        List<ChannelRequests.ClaimLine> claim =
                kind == RequestKind.DELIVERY_DISCREPANCY ? requests.claim(profile, order, request) : List.of();

        String reference = ChannelRequests.first(
                request.orderNo(), request.invoiceNo(), request.paymentNo(), request.policyCode());
        String subject = requests.text(
                locale, "channel.request.subject." + kind.name(), reference == null ? "" : reference, profile.name());
        String description = requests.describe(locale, kind, request, claim);
        Distributor.Contact contact = profile.contacts().stream()
                .filter(Distributor.Contact::primary)
                .findFirst()
                .orElse(profile.contacts().isEmpty() ? null : profile.contacts().getFirst());
        Requester requester = contact == null
                ? null
                : new Requester(
                        RequesterKind.DISTRIBUTOR_CONTACT,
                        contact.id(),
                        contact.name(),
                        contact.phone(),
                        contact.email());
        boolean staff = isStaff(by);
        TicketDetails ticket = tickets.open(
                new OpenTicket(
                        Desk.CHANNEL,
                        kind.ticketType(),
                        staff ? Channel.PHONE : Channel.PORTAL,
                        Priority.NORMAL,
                        requester,
                        profile.id(),
                        null,
                        subject,
                        description,
                        new BusinessRefs(
                                ChannelRequests.blank(request.orderNo()),
                                null,
                                ChannelRequests.blank(request.invoiceNo()),
                                null),
                        Set.of("channel-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                        false,
                        null,
                        null,
                        kind.departmentKind().equals("LOGISTICS") ? "ORDERS" : null),
                by);
        if (staff) {
            Long department = organization.departments().stream()
                    .filter(d -> kind.departmentKind().equals(d.kind()))
                    .map(OrganizationDirectory.DepartmentRef::id)
                    .findFirst()
                    .orElse(null);
            if (department != null) {
                ticket = tickets.transfer(
                        ticket.id(),
                        new Transfer(
                                null,
                                department,
                                requests.text(locale, "channel.request.forwarded." + kind.name()),
                                hours),
                        null,
                        by);
            }
        }
        requests.record(ticket.id(), profile, request, claim, by);
        return ticket;
    }

    public static boolean isStaff(CurrentUser by) {
        return STAFF.stream().anyMatch(by::has);
    }
}
