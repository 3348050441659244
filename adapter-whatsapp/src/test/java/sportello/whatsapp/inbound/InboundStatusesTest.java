package sportello.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.inbound.SignedWebhooks.fixture;
import static sportello.whatsapp.inbound.SignedWebhooks.json;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Pricing;
import sportello.domain.conversation.StatusReport;
import sportello.whatsapp.TestSettings;

class InboundStatusesTest {

    private static final Pricing FREE_SERVICE_REPLY = new Pricing("PMP", "free_customer_service", "service");

    @Test
    void sentStatus_carriesOurCorrelationWithoutTheOutboxPrefix_andItsPricing() {
        var events = fixture("status-sent.json");

        assertThat(events.messages()).isEmpty();
        assertThat(events.statuses())
                .containsExactly(new StatusReport(
                        TestSettings.PHONE_NUMBER_ID,
                        "wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSNTVEMDA1Q0UwRjQ2NDVGQkMzAA==",
                        DeliveryState.SENT,
                        Instant.ofEpochSecond(1795512605),
                        null,
                        "01JD3Q8Z6YV5M2K7C9R4T0W1XA",
                        FREE_SERVICE_REPLY));
        assertThat(events.statuses().get(0).pricing().charged()).isFalse();
    }

    @Test
    void deliveredStatus_repeatsThePricing_readStatusHasNone() {
        assertThat(only("status-delivered.json").pricing()).isEqualTo(FREE_SERVICE_REPLY);
        assertThat(only("status-delivered-user-id-only.json").pricing()).isEqualTo(FREE_SERVICE_REPLY);
        assertThat(only("status-read.json").pricingValue()).isEmpty();
        assertThat(only("status-failed-131047.json").pricingValue()).isEmpty();
    }

    @Test
    void legacyConversationBasedPricing_isKeptAsReported() {
        assertThat(only("status-sent-legacy-v23.json").pricing()).isEqualTo(new Pricing("CBP", null, "service"));
    }

    static Stream<Arguments> oddPricing() {
        return Stream.of(
                Arguments.of("\"pricing\":\"PMP\"", null),
                Arguments.of("\"pricing\":[]", null),
                Arguments.of("\"pricing\":{}", null),
                Arguments.of("\"pricing\":{\"billable\":true}", null),
                Arguments.of("\"pricing\":{\"category\":\"marketing\"}", new Pricing(null, null, "marketing")),
                Arguments.of(
                        "\"pricing\":{\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\"utility\"}",
                        new Pricing("PMP", "regular", "utility")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddPricing")
    void pricingOfAnyShape_isReadOrLeftOut_andTheStatusKept(String pricing, Pricing expected) {
        var events = json("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"metadata\":{\"phone_number_id\":\"" + TestSettings.PHONE_NUMBER_ID + "\"},"
                + "\"statuses\":[{\"id\":\"wamid.OURS\",\"status\":\"sent\",\"timestamp\":\"1795512605\","
                + pricing + "}]}}]}]}");

        assertThat(events.statuses()).singleElement().satisfies(status -> {
            assertThat(status.pricing()).isEqualTo(expected);
            assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        });
    }

    @Test
    void deliveredAndReadStatuses_mapToTheirStates() {
        assertThat(only("status-delivered.json").state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(only("status-read.json").state()).isEqualTo(DeliveryState.READ);
        assertThat(only("status-delivered-user-id-only.json").state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void legacyV23Status_isStillRead() {
        StatusReport status = only("status-sent-legacy-v23.json");

        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.correlation()).isNull();
    }

    @Test
    void windowClosedFailure_explainsTheReasonReadably() {
        StatusReport status = only("status-failed-131047.json");

        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.failureReason())
                .isEqualTo("131047 Re-engagement message: The customer has not written to this number for over"
                        + " 24 hours, so only a template can be sent.");
        assertThat(status.closesServiceWindow()).isTrue();
    }

    @Test
    void undeliverableFailure_namesItsCode() {
        StatusReport status = only("status-failed-131026.json");

        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.failureReason()).startsWith("131026 ");
        assertThat(status.closesServiceWindow()).isFalse();
    }

    @Test
    void batchedStatuses_areAllRead() {
        var statuses = fixture("webhook-batched.json").statuses();

        assertThat(statuses)
                .extracting(StatusReport::state)
                .containsExactly(DeliveryState.READ, DeliveryState.DELIVERED);
    }

    @Test
    void valueErrors_becomeNotices() {
        var events = fixture("webhook-errors-130429.json");

        assertThat(events.messages()).isEmpty();
        assertThat(events.statuses()).isEmpty();
        assertThat(events.notices()).singleElement().asString().contains("130429 Rate limit hit");
    }

    private static StatusReport only(String fixture) {
        var events = fixture(fixture);
        assertThat(events.notices()).isEmpty();
        assertThat(events.statuses()).hasSize(1);
        return events.statuses().get(0);
    }
}
