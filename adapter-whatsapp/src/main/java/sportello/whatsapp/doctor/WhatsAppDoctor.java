package sportello.whatsapp.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import sportello.ports.out.SetupCheck;
import sportello.ports.out.SetupCheck.Result;
import sportello.whatsapp.WhatsAppSettings;

/**
 * The WhatsApp part of {@code sportello doctor}: asks Meta's Graph API whether the access token, the phone number id
 * and the app's subscription to the WhatsApp Business Account (WABA) are what Sportello needs, and says for each what
 * is wrong and exactly what to change. It only reads (GET) and never changes anything at Meta. No message contains
 * the access token, the app secret or the verify token.
 */
public final class WhatsAppDoctor {

    static final String CONNECTION = "WhatsApp: connection to Meta";
    static final String TOKEN = "WhatsApp: access token";
    static final String PHONE = "WhatsApp: phone number id";
    static final String SUBSCRIPTION = "WhatsApp: app subscribed to the WhatsApp Business Account";

    static final String MESSAGING = "whatsapp_business_messaging";
    static final String MANAGEMENT = "whatsapp_business_management";

    /** A token that expires within this time is reported, so there is time to replace it. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    static final String PHONE_FIELDS = "display_phone_number,verified_name,quality_rating,code_verification_status";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    /** Graph answers to these calls are small; anything bigger is not an answer we can use anyway. */
    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    private static final int INVALID_TOKEN = 190;
    private static final int UNKNOWN_OBJECT = 100;

    /** Graph codes that mean "not now" rather than "not like this" (reference §12 and Graph's own limits). */
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 4, 17, 341, 613, 80007, 130429, 131000, 131016, 131057);

    private static final Pattern CODE_PREFIX = Pattern.compile("^\\(#\\d+\\)\\s*");

    /** Shorter secrets are not searched for in messages: replacing a common word would garble them. */
    private static final int MIN_REDACTED_LENGTH = 8;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String NEW_TOKEN = "create a new system-user token in Meta Business Suite → Business"
            + " settings → Users → System users → (your system user) → Generate new token, choosing the app, expiry"
            + " Never and the permissions " + MESSAGING + " and " + MANAGEMENT + "; set WHATSAPP_ACCESS_TOKEN to it"
            + " and restart Sportello";

    private static final String ASSIGN_ASSETS = "in Meta Business Suite → Business settings → Users → System users,"
            + " select the system user and Assign assets → WhatsApp accounts → your WhatsApp Business Account, with"
            + " full control";

    private final WhatsAppSettings settings;
    private final String accountId;
    private final OkHttpClient client;
    private final ObjectMapper mapper;
    private final InstantSource clock;
    private boolean reachedMeta;

    public WhatsAppDoctor(
            WhatsAppSettings settings, String accountId, OkHttpClient http, ObjectMapper mapper, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.accountId = accountId == null ? "" : accountId.strip();
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = Objects.requireNonNull(http, "http")
                .newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .build();
    }

    /**
     * Runs the checks in order: access token, phone number id, subscription. Without a usable token the other two are
     * not asked (each would only repeat the token's error). When Meta cannot be reached at all the answer is a single
     * failed connection check (plus whatever was checked before the connection broke), not one failure per call.
     */
    public synchronized List<SetupCheck> check() {
        reachedMeta = false;
        List<SetupCheck> checks = new ArrayList<>();
        try {
            Token token = checkToken();
            checks.add(token.check());
            if (token.usable()) {
                checks.add(checkPhoneNumber());
                checks.add(checkSubscription(token.appId()));
            } else {
                String notChecked = "Not checked: the access token must be fixed first (see above).";
                checks.add(SetupCheck.warn(PHONE, notChecked));
                checks.add(accountId.isBlank() ? accountIdMissing() : SetupCheck.warn(SUBSCRIPTION, notChecked));
            }
            if (reachedMeta) {
                checks.addFirst(SetupCheck.pass(CONNECTION, "Sportello reaches " + host() + "."));
            }
        } catch (Unreachable e) {
            checks.addFirst(SetupCheck.fail(CONNECTION, unreachable(e.getMessage())));
        }
        return checks.stream().map(this::withoutSecrets).toList();
    }

    // --- 1. access token -------------------------------------------------------------------------------------------

    private record Token(SetupCheck check, boolean usable, String appId) {}

    private Token checkToken() throws Unreachable {
        if (settings.accessToken().chars().anyMatch(c -> c <= ' ' || c >= 0x7f || c == '"' || c == '\'')) {
            return new Token(
                    SetupCheck.fail(
                            TOKEN,
                            "WHATSAPP_ACCESS_TOKEN contains a space, a line break or quotes, which no access token"
                                    + " has: copy the token again and set WHATSAPP_ACCESS_TOKEN to exactly that"
                                    + " text, then restart Sportello."),
                    false,
                    null);
        }
        // A system-user token may inspect itself, so the token is both the one asked about and the one asking.
        Answer debug = get(graph("debug_token").addQueryParameter("input_token", settings.accessToken()));
        JsonNode data = debug.body().path("data");
        if (debug.ok() && data.isObject() && data.has("is_valid")) {
            return judge(data);
        }
        if (debug.errorCode() == INVALID_TOKEN) {
            return invalid(debug);
        }
        // Some tokens may not call debug_token; /me still tells a working token from a dead one.
        Answer me = get(graph("me"));
        if (me.ok() && me.body().has("id")) {
            return new Token(
                    SetupCheck.warn(
                            TOKEN,
                            "The access token works, but Meta would not tell Sportello when it expires or which"
                                    + " permissions it has" + debug.bracket() + ". Paste it into the Access Token"
                                    + " Debugger (developers.facebook.com/tools/debug/accesstoken): it should say"
                                    + " Expires: Never and list " + MESSAGING + " and " + MANAGEMENT + ". If it"
                                    + " does not, " + NEW_TOKEN + "."),
                    true,
                    null);
        }
        if (me.errorCode() == INVALID_TOKEN) {
            return invalid(me);
        }
        return new Token(unexpected(TOKEN, me, "the access token"), true, null);
    }

    private static Token invalid(Answer answer) {
        return new Token(
                SetupCheck.fail(TOKEN, "The access token is expired or revoked: " + NEW_TOKEN + "." + answer.bracket()),
                false,
                null);
    }

    /** Reads the {@code data} of a debug_token answer: validity, expiry, type and permissions. */
    private Token judge(JsonNode data) {
        String appId = text(data.path("app_id"));
        if (!data.path("is_valid").asBoolean(false)) {
            String why = text(data.path("error").path("message"));
            return new Token(
                    SetupCheck.fail(
                            TOKEN,
                            "The access token is expired or revoked: " + NEW_TOKEN + "."
                                    + (why == null ? "" : " [Meta says: " + why + "]")),
                    false,
                    appId);
        }
        String type = text(data.path("type"));
        long expiresAt = data.path("expires_at").asLong(0);
        Set<String> scopes = new LinkedHashSet<>();
        data.path("scopes").forEach(scope -> scopes.add(scope.asText()));

        Result result = Result.PASS;
        List<String> problems = new ArrayList<>();
        boolean usable = true;
        String expiry = "never expires";
        if (expiresAt > 0) {
            Instant expiresOn = Instant.ofEpochSecond(expiresAt);
            Instant now = clock.instant();
            String userToken = "USER".equals(type)
                    ? " It is a personal user token (like the temporary one in WhatsApp → API Setup), and those"
                            + " always expire."
                    : "";
            if (!expiresOn.isAfter(now)) {
                result = Result.FAIL;
                usable = false;
                problems.add("The access token expired on " + DATE.format(expiresOn) + ", so Sportello can"
                        + " no longer send." + userToken);
            } else if (Duration.between(now, expiresOn).compareTo(EXPIRY_WARNING) <= 0) {
                result = worse(result, Result.WARN);
                problems.add("The access token expires on " + DATE.format(expiresOn) + " ("
                        + inTime(Duration.between(now, expiresOn)) + "); after that Sportello can no longer send."
                        + userToken);
            } else {
                expiry = "expires on " + DATE.format(expiresOn)
                        + " (a token with expiry Never would not need replacing)";
            }
        }
        if (!scopes.contains(MESSAGING)) {
            result = worse(result, Result.FAIL);
            problems.add(
                    "The access token lacks the " + MESSAGING + " permission, so Sportello cannot send" + " messages.");
        }
        if (!scopes.contains(MANAGEMENT)) {
            result = worse(result, Result.WARN);
            problems.add("The access token lacks the " + MANAGEMENT + " permission, which message templates and"
                    + " the check of the WhatsApp Business Account subscription need.");
        }
        if (problems.isEmpty()) {
            return new Token(
                    SetupCheck.pass(
                            TOKEN,
                            "Valid " + describeType(type) + (appId == null ? "" : " of app " + appId) + "; it " + expiry
                                    + " and has the permissions " + MESSAGING + " and " + MANAGEMENT + "."),
                    true,
                    appId);
        }
        String fix = " To fix: " + NEW_TOKEN + ".";
        return new Token(new SetupCheck(TOKEN, result, String.join(" ", problems) + fix), usable, appId);
    }

    // --- 2. phone number id ----------------------------------------------------------------------------------------

    private SetupCheck checkPhoneNumber() throws Unreachable {
        String id = settings.phoneNumberId();
        Answer answer = get(graph(id).addQueryParameter("fields", PHONE_FIELDS));
        String display = text(answer.body().path("display_phone_number"));
        if (answer.ok() && display != null) {
            String name = text(answer.body().path("verified_name"));
            String quality = text(answer.body().path("quality_rating"));
            String verification = text(answer.body().path("code_verification_status"));
            String number = "WHATSAPP_PHONE_ID " + id + " is " + display + (name == null ? "" : " (\"" + name + "\")")
                    + (quality == null ? "" : ", quality rating " + quality) + ".";
            List<String> problems = new ArrayList<>();
            if ("RED".equalsIgnoreCase(quality)) {
                problems.add("Its quality rating is RED: many customers blocked or reported recent messages, and"
                        + " WhatsApp may limit or restrict the number. Look at WhatsApp Manager → Account tools →"
                        + " Phone numbers → (the number) → Insights and send only messages customers expect.");
            }
            if (verification != null && !"VERIFIED".equalsIgnoreCase(verification)) {
                problems.add("Its verification status is " + verification + ": only a verified number can be used"
                        + " with the Cloud API. Verify it with the code Meta sends, in WhatsApp → API Setup (or"
                        + " WhatsApp Manager → Phone numbers).");
            }
            return problems.isEmpty()
                    ? SetupCheck.pass(PHONE, number)
                    : SetupCheck.warn(PHONE, number + " " + String.join(" ", problems));
        }
        int code = answer.errorCode();
        if (code == UNKNOWN_OBJECT) {
            return SetupCheck.fail(
                    PHONE,
                    "WHATSAPP_PHONE_ID (" + id + ") is not a phone number id this token can use: copy the Phone"
                            + " number ID (the id, not the phone number itself) from WhatsApp → API Setup into"
                            + " WHATSAPP_PHONE_ID. If it is already right, the system user lacks access to the"
                            + " WhatsApp account: " + ASSIGN_ASSETS + "." + answer.bracket());
        }
        if (code == INVALID_TOKEN) {
            return SetupCheck.fail(
                    PHONE,
                    "Meta rejected the access token when reading the phone number: " + NEW_TOKEN + "."
                            + answer.bracket());
        }
        if (isPermissionError(code)) {
            return SetupCheck.fail(
                    PHONE,
                    "The access token may not read phone number " + id + ": " + ASSIGN_ASSETS + "." + answer.bracket());
        }
        return unexpected(PHONE, answer, "phone number " + id);
    }

    // --- 3. app subscribed to the WABA -----------------------------------------------------------------------------

    private SetupCheck checkSubscription(String appId) throws Unreachable {
        if (accountId.isBlank()) {
            return accountIdMissing();
        }
        Answer answer = get(graph(accountId, "subscribed_apps"));
        JsonNode apps = answer.body().path("data");
        if (answer.ok() && apps.isArray()) {
            if (apps.isEmpty()) {
                return SetupCheck.fail(
                        SUBSCRIPTION,
                        "No app is subscribed to WhatsApp Business Account " + accountId + ", so Meta sends none of"
                                + " the number's messages to Sportello. " + subscribe() + " Then run doctor again.");
            }
            List<String> names = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode app : apps) {
                JsonNode about = app.path("whatsapp_business_api_data");
                String name = text(about.path("name"));
                String id = text(about.path("id"));
                names.add(name != null ? name : id != null ? "app " + id : "an app");
                if (id != null) {
                    ids.add(id);
                }
            }
            if (appId != null && ids.size() == apps.size() && !ids.contains(appId)) {
                return SetupCheck.warn(
                        SUBSCRIPTION,
                        "WhatsApp Business Account " + accountId + " sends its messages to " + String.join(", ", names)
                                + ", but not to the app of WHATSAPP_ACCESS_TOKEN (app " + appId + "), so Sportello"
                                + " may receive nothing. " + subscribe() + " Then run doctor again.");
            }
            return SetupCheck.pass(
                    SUBSCRIPTION,
                    String.join(", ", names) + (names.size() == 1 ? " is" : " are") + " subscribed to WhatsApp"
                            + " Business Account " + accountId + ", so Meta sends the number's messages there.");
        }
        int code = answer.errorCode();
        if (code == UNKNOWN_OBJECT) {
            return SetupCheck.fail(
                    SUBSCRIPTION,
                    "WHATSAPP_ACCOUNT_ID (" + accountId + ") is not a WhatsApp Business Account id this token can"
                            + " use: copy the WhatsApp Business Account ID (not the app id or the business"
                            + " portfolio id) from WhatsApp → API Setup into WHATSAPP_ACCOUNT_ID. If it is already"
                            + " right, the system user lacks access to it: " + ASSIGN_ASSETS + "." + answer.bracket());
        }
        if (code == INVALID_TOKEN) {
            return SetupCheck.fail(
                    SUBSCRIPTION,
                    "Meta rejected the access token when reading the subscription: " + NEW_TOKEN + "."
                            + answer.bracket());
        }
        if (isPermissionError(code)) {
            return SetupCheck.fail(
                    SUBSCRIPTION,
                    "The access token may not read the apps subscribed to WhatsApp Business Account " + accountId
                            + ": it needs access to that account and the " + MANAGEMENT + " permission. For the"
                            + " access, " + ASSIGN_ASSETS + "; for the permission, " + NEW_TOKEN + "."
                            + answer.bracket());
        }
        return unexpected(SUBSCRIPTION, answer, "the apps subscribed to WhatsApp Business Account " + accountId);
    }

    private static SetupCheck accountIdMissing() {
        return SetupCheck.warn(
                SUBSCRIPTION,
                "WHATSAPP_ACCOUNT_ID is not set, so doctor cannot check that the app is subscribed to the WhatsApp"
                        + " Business Account (without that subscription no customer message reaches Sportello):"
                        + " set WHATSAPP_ACCOUNT_ID to the WhatsApp Business Account ID shown in WhatsApp → API"
                        + " Setup and run doctor again.");
    }

    /** The one-time subscription call, with placeholders: a message must never carry the real token. */
    private String subscribe() {
        return "Subscribe the app once with: curl -X POST '" + WhatsAppSettings.GRAPH_BASE_URL + "/"
                + settings.apiVersion() + "/<WABA_ID>/subscribed_apps' -H 'Authorization: Bearer <token>'"
                + " — where <WABA_ID> is WHATSAPP_ACCOUNT_ID (" + accountId + ") and <token> is"
                + " WHATSAPP_ACCESS_TOKEN; Meta answers {\"success\":true}.";
    }

    // --- answers that fit no check ---------------------------------------------------------------------------------

    private SetupCheck unexpected(String name, Answer answer, String what) {
        if (answer.isTransient()) {
            return SetupCheck.warn(
                    name,
                    "Meta could not answer about " + what + " just now" + answer.bracket() + ". Run doctor again in"
                            + " a few minutes; if this persists, check metastatus.com.");
        }
        if (!answer.isGraphError()) {
            return SetupCheck.fail(
                    name,
                    host() + " did not answer like Meta's Graph API about " + what + answer.bracket() + ". Check"
                            + " WHATSAPP_API_BASE_URL (leave it unset for " + WhatsAppSettings.GRAPH_BASE_URL + ") and"
                            + " any proxy between this server and Meta.");
        }
        return SetupCheck.fail(
                name,
                "Meta refused to show " + what + answer.bracket() + ". Compare the WhatsApp settings with"
                        + " docs/whatsapp.md, or look the error code up in Meta's Graph API error reference.");
    }

    private String unreachable(String cause) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        String override = base.equals(WhatsAppSettings.GRAPH_BASE_URL)
                ? ""
                : " WHATSAPP_API_BASE_URL is set to " + base + "; leave it unset to reach Meta directly.";
        return "Sportello cannot reach " + host() + " [" + cause + "]: check the internet connection/proxy of this"
                + " server (its DNS, firewall, and any HTTPS proxy, which Java takes from -Dhttps.proxyHost and"
                + " -Dhttps.proxyPort), then run doctor again." + override;
    }

    // --- Graph calls -----------------------------------------------------------------------------------------------

    /** What Graph answered: the HTTP status and the JSON body ({@link MissingNode} if it was not JSON). */
    private record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean isGraphError() {
            return errorCode() >= 0;
        }

        int errorCode() {
            JsonNode code = body.path("error").path("code");
            if (code.isIntegralNumber() && code.canConvertToInt()) {
                return code.asInt();
            }
            return code.isTextual() && code.asText().matches("\\d{1,9}") ? Integer.parseInt(code.asText()) : -1;
        }

        boolean isTransient() {
            return status >= 500
                    || status == 429
                    || TRANSIENT.contains(errorCode())
                    || body.path("error").path("is_transient").asBoolean(false);
        }

        /** " [Graph error 100: Unsupported get request…]" or " [HTTP 502, no Graph error code]". */
        String bracket() {
            if (!isGraphError()) {
                return " [HTTP " + status + ", no Graph error code]";
            }
            String message = text(body.path("error").path("message"));
            message = message == null ? "" : ": " + CODE_PREFIX.matcher(message).replaceFirst("");
            return " [Graph error " + errorCode() + message + "]";
        }
    }

    /** The connection to Meta failed; the message names the exception, never a URL with its query. */
    private static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    private HttpUrl.Builder graph(String... segments) {
        HttpUrl.Builder url = HttpUrl.get(settings.baseUrl()).newBuilder().addPathSegment(settings.apiVersion());
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    private Answer get(HttpUrl.Builder url) throws Unreachable {
        Request request = new Request.Builder()
                .url(url.build())
                .header("Authorization", "Bearer " + settings.accessToken())
                .get()
                .build();
        try (Response response = client.newCall(request).execute()) {
            String body = response.peekBody(MAX_ANSWER_BYTES).string();
            reachedMeta = true;
            return new Answer(response.code(), parse(body));
        } catch (IOException e) {
            throw new Unreachable(
                    e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode tree = mapper.readTree(body);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    // --- small helpers ---------------------------------------------------------------------------------------------

    private String host() {
        return HttpUrl.get(settings.baseUrl()).host();
    }

    private SetupCheck withoutSecrets(SetupCheck check) {
        String message = check.message();
        for (String secret : List.of(settings.accessToken(), settings.appSecret(), settings.verifyToken())) {
            if (secret.length() >= MIN_REDACTED_LENGTH) {
                message = message.replace(secret, "***");
            }
        }
        return new SetupCheck(check.name(), check.result(), message);
    }

    private static boolean isPermissionError(int code) {
        return code == 10 || (code >= 200 && code <= 299);
    }

    private static Result worse(Result a, Result b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String describeType(String type) {
        if (type == null) {
            return "token";
        }
        return switch (type) {
            case "SYSTEM_USER" -> "system-user token";
            case "USER" -> "user token";
            case "PAGE" -> "Page token";
            case "APP" -> "app token";
            default -> type.toLowerCase(Locale.ROOT) + " token";
        };
    }

    private static String inTime(Duration left) {
        long days = left.toDays();
        if (days >= 1) {
            return days == 1 ? "in 1 day" : "in " + days + " days";
        }
        long hours = left.toHours();
        return hours <= 1 ? "in about an hour" : "in " + hours + " hours";
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
    }
}
