package sportello.openai;

/**
 * What the conversation part of one request came to, for logs and metrics: how many messages went as they are,
 * how many were folded into the summary, how many kept messages had to be shortened, and the estimated tokens of
 * all that (summary included) against the budget. The tokens OpenAI actually billed are in each answer's usage.
 */
public record HistoryWindow(
        int messagesKept, int messagesSummarised, int messagesShortened, int estimatedTokens, int tokenBudget) {

    /** True when older messages were replaced by the summary. */
    public boolean summarised() {
        return messagesSummarised > 0;
    }
}
