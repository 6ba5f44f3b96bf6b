package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.SlaStatus;
import dev.backstop.helpdesk.tickets.TicketFilter;
import dev.backstop.helpdesk.tickets.TicketState;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** The list filters as a query predicate, combined with the visibility scope. */
final class TicketFilters {

    private TicketFilters() {}

    static Specification<TicketEntity> of(TicketFilter filter, CurrentUser by, Instant now) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.desk() != null) {
                all.add(cb.equal(root.get("desk"), filter.desk()));
            }
            if (filter.state() != null) {
                all.add(cb.equal(root.get("state"), filter.state()));
            }
            if (filter.activeOnly()) {
                all.add(root.get("state")
                        .in(TicketState.RESOLVED, TicketState.CLOSED)
                        .not());
            }
            if (filter.mine()) {
                all.add(cb.equal(root.get("assigneeId"), by.id()));
            } else if (filter.assigneeId() != null) {
                all.add(cb.equal(root.get("assigneeId"), filter.assigneeId()));
            }
            if (filter.priority() != null) {
                all.add(cb.equal(root.get("priority"), filter.priority()));
            }
            if (hasText(filter.requester())) {
                String like = like(filter.requester());
                all.add(cb.or(
                        cb.like(cb.lower(root.get("requesterName")), like),
                        cb.like(cb.lower(root.get("requesterPhone")), like)));
            }
            if (hasText(filter.text())) {
                String like = like(filter.text());
                all.add(cb.or(
                        cb.like(cb.lower(root.get("key")), like),
                        cb.like(cb.lower(root.get("subject")), like),
                        cb.like(cb.lower(root.get("description")), like)));
            }
            if (filter.sla() == SlaStatus.BREACHED) {
                all.add(breached(root, cb, now));
            } else if (filter.sla() == SlaStatus.AT_RISK) {
                all.add(cb.and(
                        running(root, cb),
                        cb.not(breached(root, cb, now)),
                        cb.or(
                                cb.and(
                                        cb.isNull(root.get("firstRespondedAt")),
                                        cb.lessThanOrEqualTo(root.<Instant>get("firstResponseRiskAt"), now)),
                                cb.lessThanOrEqualTo(root.<Instant>get("resolutionRiskAt"), now))));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** The same rule as {@link SlaState#status}: a running clock past the due time it is measured against. */
    static Predicate breached(Root<TicketEntity> root, CriteriaBuilder cb, Instant now) {
        return cb.and(
                running(root, cb),
                cb.or(
                        cb.and(
                                cb.isNull(root.get("firstRespondedAt")),
                                cb.lessThanOrEqualTo(root.<Instant>get("firstResponseDue"), now)),
                        cb.lessThanOrEqualTo(root.<Instant>get("resolutionDue"), now)));
    }

    private static Predicate running(Root<TicketEntity> root, CriteriaBuilder cb) {
        return cb.and(
                cb.isNotNull(root.get("slaPolicyId")),
                cb.isNull(root.get("slaPausedAt")),
                root.get("state").in(SlaState.DONE).not());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String like(String value) {
        String escaped = value.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
