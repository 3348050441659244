package sportello.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} and {@code --name=value} options of a command, with errors that show the usage. */
final class Options {

    private final Map<String, java.util.List<String>> values = new HashMap<>();
    private final String usage;

    Options(String[] args, String usage, String... allowed) {
        this.usage = usage;
        var known = java.util.Set.of(allowed);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new CommandLineError("Unexpected '" + arg + "'.\n" + usage);
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            }
            if (!known.contains(name)) {
                throw new CommandLineError("Unknown option --" + name + ".\n" + usage);
            }
            values.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
    }

    /** The last value given for the option. */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(List::getLast).filter(v -> !v.isBlank());
    }

    /** Every value of an option that may be repeated ({@code --param a --param b}), in order. */
    List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    String require(String name) {
        return get(name).orElseThrow(() -> new CommandLineError("--" + name + " is required.\n" + usage));
    }

    boolean flag(String name) {
        return get(name).filter("true"::equals).isPresent();
    }
}
