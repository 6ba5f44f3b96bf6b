package dev.backstop.helpdesk.outreach;

/**
 * A campaign's figures. {@code pending} are recipients not yet handled (queued or being sent);
 * {@code responseRate} is responded / sent in percent (one decimal), 0 when nothing was sent.
 */
public record CampaignFigures(
        int targeted,
        int pending,
        int sent,
        int skipped,
        int failed,
        int responded,
        double responseRate,
        int ticketsOpened) {

    public static CampaignFigures of(
            int targeted, int pending, int sent, int skipped, int failed, int responded, int ticketsOpened) {
        double rate = sent == 0 ? 0 : Math.round(responded * 1000.0 / sent) / 10.0;
        return new CampaignFigures(targeted, pending, sent, skipped, failed, responded, rate, ticketsOpened);
    }
}
