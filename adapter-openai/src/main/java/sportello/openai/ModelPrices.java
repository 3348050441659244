package sportello.openai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each model costs, in USD per million tokens, and what a search in a vector store costs. A model is found
 * by its name or, for the dated snapshot a response names ({@code gpt-4.1-mini-2025-04-14}), by the name before
 * the date: {@code gpt-4.1-mini}, not {@code gpt-4.1}. Prices move: the defaults are
 * the standard tier as of August 2026 (reference §11) and can be overridden from configuration with
 * {@link #parse(String)}.
 */
public final class ModelPrices {

    /** Per call of the hosted {@code file_search} tool: $2.50 per 1,000 calls. */
    public static final BigDecimal FILE_SEARCH_CALL_USD = new BigDecimal("0.0025");

    /** Micro-dollars: exact for the reference example, and fine enough to sum thousands of calls. */
    public static final int COST_SCALE = 6;

    /**
     * A dated snapshot of a model: {@code gpt-4.1-mini-2025-04-14}, {@code gpt-4-0613}. Only a date may follow the
     * configured name, so {@code gpt-5-nano} is not priced as {@code gpt-5}.
     */
    private static final Pattern SNAPSHOT = Pattern.compile("(.+)-\\d{4}(?:-\\d{2}-\\d{2})?");

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Map<String, Price> byModel;
    private final BigDecimal fileSearchCallUsd;

    /** The price of one model, USD per million tokens. */
    public record Price(BigDecimal input, BigDecimal cachedInput, BigDecimal output) {
        public Price {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(cachedInput, "cachedInput");
            Objects.requireNonNull(output, "output");
            if (input.signum() < 0 || cachedInput.signum() < 0 || output.signum() < 0) {
                throw new IllegalArgumentException("prices must not be negative");
            }
        }

        public static Price of(String input, String cachedInput, String output) {
            return new Price(new BigDecimal(input), new BigDecimal(cachedInput), new BigDecimal(output));
        }

        /** Cached tokens are part of {@code inputTokens} and billed at the cached price only. */
        BigDecimal tokens(long inputTokens, long cachedTokens, long outputTokens) {
            long cached = Math.min(Math.max(cachedTokens, 0), Math.max(inputTokens, 0));
            long uncached = Math.max(inputTokens, 0) - cached;
            return input.multiply(BigDecimal.valueOf(uncached))
                    .add(cachedInput.multiply(BigDecimal.valueOf(cached)))
                    .add(output.multiply(BigDecimal.valueOf(Math.max(outputTokens, 0))))
                    .divide(MILLION);
        }
    }

    public ModelPrices(Map<String, Price> byModel, BigDecimal fileSearchCallUsd) {
        var copy = new LinkedHashMap<String, Price>();
        byModel.forEach((model, price) -> copy.put(key(model), Objects.requireNonNull(price, model)));
        this.byModel = Map.copyOf(copy);
        this.fileSearchCallUsd = Objects.requireNonNull(fileSearchCallUsd, "fileSearchCallUsd");
    }

    /**
     * gpt-4.1, gpt-4.1-mini, gpt-4o, gpt-4o-mini, gpt-5 and gpt-5-mini at the reference's prices, and the token-billed
     * speech models for voice notes at the prices on OpenAI's model pages (November 2026). Speech has no cached
     * input, so its cached price is its input price. {@code whisper-1} is absent on purpose: it is billed per minute
     * of audio ($0.006), which a per-token price cannot express, so its calls count at cost 0.
     */
    public static ModelPrices defaults() {
        var prices = new LinkedHashMap<String, Price>();
        prices.put("gpt-4.1", Price.of("2.00", "0.50", "8.00"));
        prices.put("gpt-4.1-mini", Price.of("0.40", "0.10", "1.60"));
        prices.put("gpt-4o", Price.of("2.50", "1.25", "10.00"));
        prices.put("gpt-4o-mini", Price.of("0.15", "0.075", "0.60"));
        prices.put("gpt-5", Price.of("1.25", "0.125", "10.00"));
        prices.put("gpt-5-mini", Price.of("0.25", "0.025", "2.00"));
        prices.put("gpt-4o-mini-transcribe", Price.of("1.25", "1.25", "5.00"));
        prices.put("gpt-4o-transcribe", Price.of("2.50", "2.50", "10.00"));
        return new ModelPrices(prices, FILE_SEARCH_CALL_USD);
    }

    /**
     * The defaults with overrides from a configuration value such as
     * {@code "gpt-4.1-mini=0.40/0.10/1.60, my-finetune=3/1.5/12"}: model, then input, cached input and output price
     * per million tokens. Blank or null means the defaults.
     *
     * @throws IllegalArgumentException naming the entry that cannot be read
     */
    public static ModelPrices parse(String spec) {
        ModelPrices prices = defaults();
        if (spec == null || spec.isBlank()) {
            return prices;
        }
        for (String entry : spec.split("[,;]")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] nameAndPrices = entry.split("=", 2);
            String[] amounts = nameAndPrices.length == 2 ? nameAndPrices[1].split("/") : new String[0];
            if (amounts.length != 3 || nameAndPrices[0].isBlank()) {
                throw new IllegalArgumentException("price entry '" + entry.strip()
                        + "' must look like model=input/cached/output (USD per million tokens)");
            }
            try {
                prices = prices.with(
                        nameAndPrices[0].strip(), Price.of(amounts[0].strip(), amounts[1].strip(), amounts[2].strip()));
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw new IllegalArgumentException(
                        "price entry '" + entry.strip() + "' has an invalid amount: " + e.getMessage(), e);
            }
        }
        return prices;
    }

    public ModelPrices with(String model, Price price) {
        var copy = new LinkedHashMap<>(byModel);
        copy.put(key(model), price);
        return new ModelPrices(copy, fileSearchCallUsd);
    }

    /** The price for {@code model} or one of its snapshots; a gateway's provider prefix ("openai/") is ignored. */
    public Optional<Price> priceOf(String model) {
        String name = key(model.substring(model.lastIndexOf('/') + 1));
        Price exact = byModel.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher snapshot = SNAPSHOT.matcher(name);
        return snapshot.matches() ? Optional.ofNullable(byModel.get(snapshot.group(1))) : Optional.empty();
    }

    /**
     * The reference's formula: uncached input, cached input and output at their prices, plus each file search.
     * Empty when the model has no price.
     */
    public Optional<BigDecimal> cost(
            String model, long inputTokens, long cachedTokens, long outputTokens, int fileSearchCalls) {
        return priceOf(model)
                .map(price -> price.tokens(inputTokens, cachedTokens, outputTokens)
                        .add(fileSearchCallUsd.multiply(BigDecimal.valueOf(Math.max(fileSearchCalls, 0))))
                        .setScale(COST_SCALE, RoundingMode.HALF_UP));
    }

    private static String key(String model) {
        return Objects.requireNonNull(model, "model").strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ModelPrices" + new TreeMap<>(byModel) + ", file search " + fileSearchCallUsd;
    }
}
