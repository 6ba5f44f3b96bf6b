package dev.backstop.helpdesk.erp;

import java.math.BigDecimal;
import java.util.List;

/**
 * Whether an order qualifies for a sales policy, with the reasons line by line: every rule of the policy, met or not,
 * as a message key with arguments (the app localizes them).
 *
 * @param benefit the discount or rebate the qualifying lines earn at the policy's rate (null when it does not qualify
 *                or the policy has no rate)
 */
public record PolicyCheck(
        String orderNo,
        String policyCode,
        int policyVersion,
        String policyTitle,
        boolean qualifies,
        List<Reason> reasons,
        BigDecimal qualifyingAmount,
        BigDecimal benefit) {

    public PolicyCheck {
        reasons = List.copyOf(reasons);
    }

    /** @param key message key {@code policy.rule.<rule>.<met|unmet>} */
    public record Reason(String rule, boolean met, String key, List<Object> arguments) {

        public Reason {
            arguments = List.copyOf(arguments);
        }
    }
}
