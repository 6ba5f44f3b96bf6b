package dev.backstop.helpdesk.tickets.internal;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

@ConfigurationProperties("backstop.attachments")
record AttachmentSettings(
        Path directory, @DefaultValue("10MB") DataSize maxSize, List<String> allowedTypes) {

    boolean allows(String contentType) {
        return contentType != null && allowedTypes != null && allowedTypes.contains(normalise(contentType));
    }

    static String normalise(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(java.util.Locale.ROOT);
    }
}
