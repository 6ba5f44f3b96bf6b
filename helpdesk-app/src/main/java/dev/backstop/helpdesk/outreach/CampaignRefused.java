package dev.backstop.helpdesk.outreach;

import dev.backstop.helpdesk.shared.BackstopException;

/** A campaign, a send or a response that cannot be taken, with the message code saying why (400, 404, 409). */
public class CampaignRefused extends BackstopException {

    public CampaignRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }

    public static CampaignRefused invalid(String code, Object... arguments) {
        return new CampaignRefused(400, code, arguments);
    }

    public static CampaignRefused conflict(String code, Object... arguments) {
        return new CampaignRefused(409, code, arguments);
    }
}
