package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sportello.openai.ModelPrices.Price;
import sportello.openai.wire.Consumption;

class ModelPricesTest {

    private final ModelPrices prices = ModelPrices.defaults();

    @Test
    void referenceExample_gpt41Mini_costs0000346Usd() {
        // response-text.json: 1,864 input of which 1,536 cached, 38 output
        assertThat(prices.cost("gpt-4.1-mini-2025-04-14", 1864, 1536, 38, 0)).contains(new BigDecimal("0.000346"));
    }

    @Test
    void datedSnapshot_findsItsOwnModel_notTheShorterName() {
        assertThat(prices.priceOf("gpt-4.1-mini-2025-04-14")).contains(Price.of("0.40", "0.10", "1.60"));
        assertThat(prices.priceOf("gpt-4.1-2025-04-14")).contains(Price.of("2.00", "0.50", "8.00"));
        assertThat(prices.priceOf("gpt-4o-2024-08-06")).contains(Price.of("2.50", "1.25", "10.00"));
        assertThat(prices.priceOf("gpt-4o-mini-2024-07-18")).contains(Price.of("0.15", "0.075", "0.60"));
        assertThat(prices.priceOf("gpt-5-2025-08-07")).contains(Price.of("1.25", "0.125", "10.00"));
        assertThat(prices.priceOf("gpt-5-mini-2025-08-07")).contains(Price.of("0.25", "0.025", "2.00"));
    }

    @Test
    void aliasGatewayPrefixAndCase_areFound() {
        assertThat(prices.priceOf("gpt-5-mini")).contains(Price.of("0.25", "0.025", "2.00"));
        assertThat(prices.priceOf("openai/GPT-4.1-mini")).contains(Price.of("0.40", "0.10", "1.60"));
    }

    @Test
    void otherModelsOfAFamily_areUnknown_notPricedAsTheirFamily() {
        assertThat(prices.priceOf("gpt-5-nano")).isEmpty();
        assertThat(prices.priceOf("gpt-4.1-nano-2025-04-14")).isEmpty();
        assertThat(prices.priceOf("gpt-5.1")).isEmpty();
        assertThat(prices.cost("my-finetune", 1000, 0, 10, 0)).isEmpty();
    }

    @Test
    void tokenBilledSpeechModels_arePriced_butWhisperBilledPerMinuteIsNot() {
        assertThat(prices.priceOf("gpt-4o-mini-transcribe-2025-12-15")).contains(Price.of("1.25", "1.25", "5.00"));
        assertThat(prices.priceOf("gpt-4o-transcribe")).contains(Price.of("2.50", "2.50", "10.00"));
        assertThat(prices.priceOf("whisper-1")).isEmpty();
        // the chat model's price never leaks to its speech sibling, nor the other way round
        assertThat(prices.priceOf("gpt-4o-mini")).contains(Price.of("0.15", "0.075", "0.60"));
    }

    @Test
    void fileSearchCalls_cost00025Each() {
        assertThat(prices.cost("gpt-4.1-mini", 0, 0, 0, 2)).contains(new BigDecimal("0.005000"));
    }

    @Test
    void reasoningTokens_areNotAddedAgain_andCachedNeverExceedInput() {
        // output_tokens already include reasoning; a cached count above the input is taken as all cached
        assertThat(prices.cost("gpt-5-mini", 1000, 0, 1000, 0)).contains(new BigDecimal("0.002250"));
        assertThat(prices.cost("gpt-4.1", 100, 500, 0, 0)).contains(new BigDecimal("0.000050"));
    }

    @Test
    void parse_overridesAndAddsModels_onTopOfTheDefaults() {
        var configured = ModelPrices.parse("gpt-4.1-mini = 0.5/0.2/2 ; my-finetune=3/1.5/12");

        assertThat(configured.priceOf("gpt-4.1-mini-2025-04-14")).contains(Price.of("0.5", "0.2", "2"));
        assertThat(configured.priceOf("my-finetune")).contains(Price.of("3", "1.5", "12"));
        assertThat(configured.priceOf("gpt-4o")).isEqualTo(prices.priceOf("gpt-4o"));
        assertThat(ModelPrices.parse(" ").priceOf("gpt-5")).isEqualTo(prices.priceOf("gpt-5"));
    }

    @Test
    void parse_badEntry_namesIt() {
        assertThatThrownBy(() -> ModelPrices.parse("gpt-4.1=2/0.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpt-4.1=2/0.5");
        assertThatThrownBy(() -> ModelPrices.parse("gpt-4.1=2/x/8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpt-4.1=2/x/8");
        assertThatThrownBy(() -> ModelPrices.parse("gpt-4.1=2/-1/8")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metering_unknownModel_isCountedAtZero_everyTime() {
        var metering = new Metering(prices);
        var at = Instant.parse("2026-11-25T16:05:00Z");

        var first = metering.usage(new Consumption("my-finetune", 100, 0, 10, 0), at);
        var second = metering.usage(new Consumption("my-finetune", 100, 0, 10, 0), at);

        assertThat(first.costUsd()).isEqualTo(new BigDecimal("0.000000"));
        assertThat(second).isEqualTo(first);
    }
}
