package sportello.web.dashboard;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's languages. Staff choose one with a link that sets a cookie; until then the browser's
 * {@code Accept-Language} decides, and English is the fallback for any other language.
 */
public enum Language {
    IT(Locale.ITALIAN),
    EN(Locale.ENGLISH);

    static final String COOKIE = "sportello_lang";

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    /** The link that switches to this language and comes back to {@code back}, a path on this site. */
    public String switchLink(String back) {
        return "/lang/" + code() + "?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static Language of(Context ctx) {
        return ofCode(ctx.cookie(COOKIE)).orElseGet(() -> fromAcceptLanguage(ctx.header("Accept-Language")));
    }

    static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            for (var range : Locale.LanguageRange.parse(header)) {
                String primary = range.getRange().split("-", 2)[0];
                var match = ofCode(primary);
                if (match.isPresent()) {
                    return match.get();
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header is no reason to fail the page
        }
        return EN;
    }
}
