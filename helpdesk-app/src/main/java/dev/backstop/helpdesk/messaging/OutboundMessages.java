package dev.backstop.helpdesk.messaging;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends e-mail (when {@code spring.mail.host} is set) and SMS (when {@code backstop.sms.url} is set: the gateway
 * gets {@code POST {"to": "...", "text": "..."}} as JSON, with a bearer token if one is configured).
 */
@Service
public class OutboundMessages {

    private static final Logger log = LoggerFactory.getLogger(OutboundMessages.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final RestClient sms;

    OutboundMessages(
            ObjectProvider<JavaMailSender> mail,
            @Value("${backstop.mail.from:backstop@localhost}") String from,
            @Value("${backstop.sms.url:}") String smsUrl,
            @Value("${backstop.sms.token:}") String smsToken,
            @Value("${backstop.sms.timeout:5s}") Duration smsTimeout) {
        this.mail = mail;
        this.from = from;
        if (smsUrl.isBlank()) {
            this.sms = null;
        } else {
            SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(smsTimeout);
            requests.setReadTimeout(smsTimeout);
            RestClient.Builder builder = RestClient.builder().baseUrl(smsUrl).requestFactory(requests);
            if (!smsToken.isBlank()) {
                builder.defaultHeader("Authorization", "Bearer " + smsToken);
            }
            this.sms = builder.build();
        }
    }

    public Delivery email(String to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Delivery.skipped("no mail server configured");
        }
        if (to == null || to.isBlank()) {
            return Delivery.skipped("no e-mail address");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.strip());
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
            return Delivery.sent();
        } catch (MailException e) {
            log.warn("E-mail to {} failed: {}", to, e.getMessage());
            return Delivery.failed(e.getMessage());
        }
    }

    /** Sends a {@link ThreadedEmail} as UTF-8 plain text with its own Message-ID and threading headers. */
    public Delivery email(ThreadedEmail email) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Delivery.skipped("no mail server configured");
        }
        if (email.to() == null || email.to().isBlank()) {
            return Delivery.skipped("no e-mail address");
        }
        try {
            sender.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(email.from() == null || email.from().isBlank() ? from : email.from());
                helper.setTo(email.to().strip());
                helper.setSubject(email.subject());
                helper.setText(email.text());
                // JavaMailSenderImpl keeps a Message-ID set before sending
                message.setHeader("Message-ID", email.messageId());
                if (email.inReplyTo() != null) {
                    message.setHeader("In-Reply-To", email.inReplyTo());
                }
                if (email.references() != null) {
                    message.setHeader("References", email.references());
                }
                if (email.autoSubmitted()) {
                    message.setHeader("Auto-Submitted", "auto-replied");
                    message.setHeader("X-Auto-Response-Suppress", "All");
                }
            });
            return Delivery.sent();
        } catch (MailException e) {
            log.warn("E-mail to {} failed: {}", email.to(), e.getMessage());
            return Delivery.failed(e.getMessage());
        }
    }

    public Delivery sms(String to, String text) {
        if (sms == null) {
            return Delivery.skipped("no SMS gateway configured");
        }
        if (to == null || to.isBlank()) {
            return Delivery.skipped("no phone number");
        }
        try {
            sms.post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("to", to.strip(), "text", text))
                    .retrieve()
                    .toBodilessEntity();
            return Delivery.sent();
        } catch (RestClientException e) {
            log.warn("SMS to {} failed: {}", to, e.getMessage());
            return Delivery.failed(e.getMessage());
        }
    }
}
