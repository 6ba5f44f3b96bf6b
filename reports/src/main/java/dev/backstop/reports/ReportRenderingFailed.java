package dev.backstop.reports;

/** JasperReports could not fill or export a report; a bug or a broken font set-up, not bad data. */
public class ReportRenderingFailed extends RuntimeException {

    public ReportRenderingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
