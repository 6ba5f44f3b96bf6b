package dev.backstop.helpdesk.outreach;

import dev.backstop.helpdesk.shared.BackstopException;

public class CampaignNotFound extends BackstopException {

    public CampaignNotFound(long id) {
        super(404, "outreach.error.notFound", id);
    }
}
