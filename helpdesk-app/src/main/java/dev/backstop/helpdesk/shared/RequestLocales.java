package dev.backstop.helpdesk.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The language to answer in: the caller's Accept-Language, else Chinese (the desk's home language). */
public final class RequestLocales {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    private RequestLocales() {}

    public static Locale of(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? DEFAULT : request.getLocale();
    }
}
