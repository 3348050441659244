package sportello.openai.wire;

import java.util.Objects;

/** The model asks Sportello to run one function; {@code arguments} is a JSON string still to be parsed. */
public record FunctionCall(String callId, String name, String arguments) {

    public FunctionCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "{}" : arguments;
    }
}
