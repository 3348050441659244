package sportello.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to each customer, read back the way staff and customers see it: the conversation through
 * Sportello's API, the texts on the customer's phone from the fake Graph.
 */
final class Ledger {

    /** Start of Sportello's holding message, sent when the agent cannot answer. */
    static final String FALLBACK_START = "Grazie per il messaggio! In questo momento non riesco a rispondere";

    /** One customer: their stored messages, the bot's messages in the conversation and the texts they got. */
    record Outcome(
            Customer customer,
            String conversationId,
            int stored,
            int storedIntact,
            List<JsonNode> botMessages,
            List<FakeGraph.Send> texts) {

        boolean storedOnce() {
            return stored == 1 && storedIntact == 1;
        }

        /** Texts that are neither the agent's answer to this customer's message nor the holding message. */
        List<FakeGraph.Send> foreignTexts() {
            return texts.stream()
                    .filter(t -> !t.text().equals(FakeOpenAi.replyFor(customer.token()))
                            && !t.text().startsWith(FALLBACK_START))
                    .toList();
        }

        boolean gotFallback() {
            return texts.stream().anyMatch(t -> t.text().startsWith(FALLBACK_START));
        }
    }

    private final List<Outcome> outcomes;
    private final int conversations;

    private Ledger(List<Outcome> outcomes, int conversations) {
        this.outcomes = outcomes;
        this.conversations = conversations;
    }

    static Ledger read(List<Customer> customers, SportelloApi api, FakeGraph graph) {
        var byPhone = new HashMap<String, JsonNode>();
        List<JsonNode> summaries = api.conversations();
        for (JsonNode summary : summaries) {
            byPhone.put(summary.path("waId").asText(), summary);
        }
        var outcomes = new ArrayList<Outcome>();
        for (Customer customer : customers) {
            outcomes.add(outcome(customer, byPhone.get(customer.phone()), api, graph));
        }
        return new Ledger(outcomes, summaries.size());
    }

    private static Outcome outcome(Customer customer, JsonNode summary, SportelloApi api, FakeGraph graph) {
        var texts = graph.textsTo(customer.phone());
        if (summary == null) {
            return new Outcome(customer, null, 0, 0, List.of(), texts);
        }
        String id = summary.path("id").asText();
        int stored = 0;
        int intact = 0;
        var bot = new ArrayList<JsonNode>();
        for (JsonNode message : api.conversation(id).path("messages")) {
            if (message.path("direction").asText().equals("in")) {
                stored++;
                if (message.path("text").asText().equals(customer.text())) {
                    intact++;
                }
            } else if (message.path("author").asText().equals("bot")) {
                bot.add(message);
            }
        }
        return new Outcome(customer, id, stored, intact, bot, texts);
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    Outcome of(Customer customer) {
        return outcomes.stream()
                .filter(o -> o.customer().equals(customer))
                .findFirst()
                .orElseThrow();
    }

    /** Conversations in Sportello beyond the customers' own: someone who never wrote. */
    int strayConversations() {
        return conversations
                - (int) outcomes.stream()
                        .filter(o -> o.conversationId() != null)
                        .count();
    }

    List<Outcome> notStoredOnce() {
        return outcomes.stream().filter(o -> !o.storedOnce()).toList();
    }

    List<Outcome> answeredTwice() {
        return outcomes.stream().filter(o -> o.texts().size() > 1).toList();
    }

    List<Outcome> moreThanOneBotMessage() {
        return outcomes.stream().filter(o -> o.botMessages().size() > 1).toList();
    }

    List<Outcome> foreignTexts() {
        return outcomes.stream().filter(o -> !o.foreignTexts().isEmpty()).toList();
    }

    List<Outcome> unanswered() {
        return outcomes.stream().filter(o -> o.texts().isEmpty()).toList();
    }

    long answeredOnce() {
        return outcomes.stream().filter(o -> o.texts().size() == 1).count();
    }

    long fallbacks() {
        return outcomes.stream().filter(Outcome::gotFallback).count();
    }

    /** Unanswered customers by the send state of their reply, e.g. {@code in_doubt: interrupted by a restart}. */
    Map<String, Integer> unansweredBecause(Map<String, OutboxRows.Row> rows) {
        var reasons = new TreeMap<String, Integer>();
        for (Outcome o : unanswered()) {
            String reason;
            if (o.botMessages().isEmpty()) {
                reason = "no reply queued";
            } else {
                var row = rows.get(o.botMessages().getFirst().path("id").asText());
                reason = row == null ? "reply not in the outbox" : row.state() + ": " + shortened(row.lastError());
            }
            reasons.merge(reason, 1, Integer::sum);
        }
        return reasons;
    }

    private static String shortened(String error) {
        if (error == null) {
            return "-";
        }
        int cut = error.indexOf(" [");
        return cut > 0 ? error.substring(0, cut) : error;
    }
}
