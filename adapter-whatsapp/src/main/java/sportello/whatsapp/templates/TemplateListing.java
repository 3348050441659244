package sportello.whatsapp.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.MessageTemplate;
import sportello.whatsapp.WhatsAppSettings;
import sportello.whatsapp.graph.GraphError;

/**
 * Reads every page of the account's templates from Graph ({@code GET /{version}/{waba-id}/message_templates}). The
 * access token goes only to the configured Graph host: a {@code paging.next} link elsewhere is not followed, and its
 * cursor is asked for on our own host instead.
 */
final class TemplateListing {

    static final String FIELDS = "name,language,status,category,components,parameter_format";

    /** Graph's largest page for this edge, so most businesses need one call. */
    static final int PAGE_SIZE = 100;

    /** Far more pages than any account has templates for; more means the paging goes round in circles. */
    static final int MAX_PAGES = 50;

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    /** A hundred templates with long bodies and examples stay well below this. */
    private static final long MAX_PAGE_BYTES = 4L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TemplateListing.class);

    private final WhatsAppSettings settings;
    private final String accountId;
    private final OkHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    TemplateListing(WhatsAppSettings settings, String accountId, OkHttpClient http) {
        this.settings = settings;
        this.accountId = accountId;
        this.client = http.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build();
    }

    /** The approved templates of every page; throws with what to do when any page cannot be read. */
    List<MessageTemplate> approved() {
        List<MessageTemplate> approved = new ArrayList<>();
        Optional<HttpUrl> page = Optional.of(firstPage());
        for (int pages = 0; page.isPresent(); pages++) {
            if (pages == MAX_PAGES) {
                log.warn("Stopped listing templates after {} pages: paging did not end", MAX_PAGES);
                break;
            }
            TemplatePage read = read(page.get());
            approved.addAll(read.approved());
            page = next(read);
        }
        return List.copyOf(approved);
    }

    private TemplatePage read(HttpUrl url) {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + settings.accessToken())
                .get()
                .build();
        try (Response response = client.newCall(request).execute()) {
            String body = response.peekBody(MAX_PAGE_BYTES).string();
            if (!response.isSuccessful()) {
                throw ListingFailures.answer(response.code(), GraphError.parse(mapper, body));
            }
            return TemplatePage.read(mapper.readTree(body))
                    .orElseThrow(() -> ListingFailures.unreadable("HTTP " + response.code() + " without a data list"));
        } catch (JsonProcessingException e) {
            throw ListingFailures.unreadable("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ListingFailures.unreachable(e);
        }
    }

    private Optional<HttpUrl> next(TemplatePage page) {
        if (page.next().isEmpty()) {
            return Optional.empty(); // Graph leaves "next" out on the last page
        }
        HttpUrl next = HttpUrl.parse(page.next().get());
        if (next != null && sameOrigin(next)) {
            return Optional.of(next);
        }
        if (page.after().isEmpty()) {
            log.warn("Stopped listing templates: the next page is not on the configured Graph host and has no cursor");
            return Optional.empty();
        }
        // Behind a proxy Meta still links to its own host; the cursor asks the same question through ours.
        return Optional.of(firstPage()
                .newBuilder()
                .addQueryParameter("after", page.after().get())
                .build());
    }

    private boolean sameOrigin(HttpUrl url) {
        HttpUrl base = HttpUrl.get(settings.baseUrl());
        return url.scheme().equals(base.scheme()) && url.host().equals(base.host()) && url.port() == base.port();
    }

    private HttpUrl firstPage() {
        return HttpUrl.get(settings.baseUrl())
                .newBuilder()
                .addPathSegment(settings.apiVersion())
                .addPathSegment(accountId)
                .addPathSegment("message_templates")
                .addQueryParameter("fields", FIELDS)
                .addQueryParameter("limit", String.valueOf(PAGE_SIZE))
                .build();
    }
}
