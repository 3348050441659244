package sportello.openai;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.openai.wire.Consumption;
import sportello.ports.out.Usage;

/**
 * Prices each model call. A model without a price costs 0 and is reported once, at WARN: the reply matters more
 * than the bill, and one line per message would drown the log. Public for the voice-note transcriber, whose calls are
 * priced the same way.
 */
public final class Metering {

    private static final Logger log = LoggerFactory.getLogger(Metering.class);

    private final ModelPrices prices;
    private final Set<String> unpriced = ConcurrentHashMap.newKeySet();

    public Metering(ModelPrices prices) {
        this.prices = prices;
    }

    public Usage usage(Consumption consumption, Instant at) {
        BigDecimal cost = prices.cost(
                        consumption.model(),
                        consumption.inputTokens(),
                        consumption.cachedTokens(),
                        consumption.outputTokens(),
                        consumption.fileSearchCalls())
                .orElseGet(() -> {
                    if (unpriced.add(consumption.model())) {
                        log.warn(
                                "No price for OpenAI model '{}': its calls are counted at cost 0;"
                                        + " add it to the price table",
                                consumption.model());
                    }
                    return BigDecimal.ZERO.setScale(ModelPrices.COST_SCALE);
                });
        return new Usage(
                consumption.model(),
                consumption.inputTokens(),
                consumption.cachedTokens(),
                consumption.outputTokens(),
                cost,
                at);
    }
}
