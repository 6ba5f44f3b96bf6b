package dev.backstop.helpdesk.outreach;

import dev.backstop.helpdesk.identity.CurrentUser;
import java.util.List;
import java.util.Optional;

/**
 * The outreach module's API. Campaigns are managed by supervisors and admins; the response methods serve the
 * public page behind a message's link (no sign-in: the token is the key).
 */
public interface OutreachCampaigns {

    /** Saves a draft; {@link CampaignRefused} (400) for missing text, an unknown template variable or filter code, or no targets. */
    Campaign create(CampaignInput input, CurrentUser by);

    /** What a campaign with this input would reach, without saving it. Same validation as {@link #create}, except templates. */
    TargetPreview preview(CampaignInput input, int limit, CurrentUser by);

    List<Campaign> list(CurrentUser by);

    Campaign get(long id, CurrentUser by);

    /**
     * A draft's targets as they resolve now (status QUEUED, or SKIPPED with the reason), or, once sending has
     * started, the recipients with their delivery and response; optionally only those with {@code status}.
     */
    RecipientPage recipients(long id, DeliveryStatus status, int page, int size, CurrentUser by);

    /**
     * Fixes the target list and starts sending in the background. Refused with 409 when the campaign is not a draft
     * (sent or being sent: a campaign is sent once), 400 when nobody can be reached.
     */
    Campaign send(long id, CurrentUser by);

    /** Stops a draft or a campaign being sent: recipients not yet sent are skipped. 409 once it is sent or cancelled. */
    Campaign cancel(long id, CurrentUser by);

    /** The response form behind a link, if the token is one of ours (answered ones too, to say so). */
    Optional<ResponseForm> responseForm(String token);

    /**
     * Records the answer given through a link and opens an {@code OUTREACH} ticket at the campaign's desk for the
     * distributor / employee. A link answers once: a second answer is refused (409) and names the ticket. Returns the
     * ticket's key.
     */
    String respond(String token, String text);
}
