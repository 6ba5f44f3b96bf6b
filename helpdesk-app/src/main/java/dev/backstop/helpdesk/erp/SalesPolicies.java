package dev.backstop.helpdesk.erp;

import dev.backstop.helpdesk.erp.ErpAccount.Order;
import dev.backstop.helpdesk.erp.ErpAccount.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Sales policies (imported from the ERP, versioned) and the check "does order X qualify for policy Y". The rules,
 * each reported met or not: the order is not cancelled; its date lies in the policy's period; the distributor's tier and
 * region are the policy's (when it names one); lines of the policy's product category exist (when it names one); those
 * lines reach the minimum quantity and the minimum amount.
 */
@Service
public class SalesPolicies {

    private static final String COLUMNS = "policy_code, version, title, kind, tier, region_code, product_category,"
            + " valid_from, valid_to, discount_rate, min_quantity, min_amount, description";

    private final JdbcTemplate jdbc;

    SalesPolicies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Policies valid on the day (all when null), by code. */
    public List<SalesPolicy> list(LocalDate validOn) {
        if (validOn == null) {
            return jdbc.query(
                    "select " + COLUMNS + " from erp_sales_policies order by policy_code", SalesPolicies::policy);
        }
        return jdbc.query(
                "select " + COLUMNS + " from erp_sales_policies where valid_from <= ? and (valid_to is null"
                        + " or valid_to >= ?) order by policy_code",
                SalesPolicies::policy,
                validOn,
                validOn);
    }

    public Optional<SalesPolicy> byCode(String code) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from erp_sales_policies where policy_code = ?",
                        SalesPolicies::policy,
                        code)
                .stream()
                .findFirst();
    }

    /**
     * Checks the order against the policy for a distributor of the given tier and region.
     *
     * @param order from {@link ErpLookups#order} (live or snapshot)
     */
    public PolicyCheck check(Order order, String tier, String regionCode, SalesPolicy policy) {
        List<PolicyCheck.Reason> reasons = new ArrayList<>();
        boolean cancelled = "CANCELLED".equals(order.status());
        reasons.add(reason("status", !cancelled, order.status()));
        reasons.add(reason(
                "period",
                policy.validOn(order.orderDate()),
                order.orderDate(),
                policy.validFrom(),
                policy.validTo() == null ? "—" : policy.validTo()));
        if (policy.tier() != null) {
            reasons.add(
                    reason("tier", policy.tier().equalsIgnoreCase(Objects.toString(tier, "")), tier, policy.tier()));
        }
        if (policy.regionCode() != null) {
            reasons.add(reason(
                    "region",
                    policy.regionCode().equalsIgnoreCase(Objects.toString(regionCode, "")),
                    regionCode == null ? "—" : regionCode,
                    policy.regionCode()));
        }
        List<OrderLine> qualifying = order.lines().stream()
                .filter(line -> policy.productCategory() == null
                        || policy.productCategory().equalsIgnoreCase(Objects.toString(line.category(), "")))
                .toList();
        if (policy.productCategory() != null) {
            reasons.add(reason("category", !qualifying.isEmpty(), qualifying.size(), policy.productCategory()));
        }
        BigDecimal quantity = qualifying.stream()
                .map(OrderLine::quantity)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = qualifying.stream()
                .map(OrderLine::amount)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (policy.minQuantity() != null) {
            reasons.add(reason(
                    "minQuantity",
                    quantity.compareTo(policy.minQuantity()) >= 0,
                    plain(quantity),
                    plain(policy.minQuantity())));
        }
        if (policy.minAmount() != null) {
            reasons.add(reason(
                    "minAmount", amount.compareTo(policy.minAmount()) >= 0, money(amount), money(policy.minAmount())));
        }
        boolean qualifies = reasons.stream().allMatch(PolicyCheck.Reason::met);
        BigDecimal benefit = qualifies && policy.discountRate() != null
                ? amount.multiply(policy.discountRate()).setScale(2, RoundingMode.HALF_UP)
                : null;
        return new PolicyCheck(
                order.orderNo(), policy.code(), policy.version(), policy.title(), qualifies, reasons, amount, benefit);
    }

    private static PolicyCheck.Reason reason(String rule, boolean met, Object... arguments) {
        List<Object> args = new ArrayList<>();
        for (Object a : arguments) {
            args.add(a == null ? "—" : a.toString());
        }
        return new PolicyCheck.Reason(rule, met, "policy.rule." + rule + (met ? ".met" : ".unmet"), args);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value) {
        return "¥" + String.format(java.util.Locale.ROOT, "%,.2f", value);
    }

    private static SalesPolicy policy(ResultSet rs, int row) throws SQLException {
        return new SalesPolicy(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getDate(8).toLocalDate(),
                rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11),
                rs.getBigDecimal(12),
                rs.getString(13));
    }
}
