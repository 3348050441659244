package sportello.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import sportello.openai.InstructionTemplate;

/**
 * The business's instruction template lives in {@code DATA_DIR/instructions.txt}: written from Sportello's default on
 * the first start so the business can edit it (delete it to get the current default back), read at every start.
 */
final class Instructions {

    static final String FILE = "instructions.txt";

    private Instructions() {}

    static InstructionTemplate load(Config config) {
        Path file = config.dataDir().resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, InstructionTemplate.defaultTemplate().text(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the instruction template " + file + ": check that DATA_DIR is writable", e);
        }
        return InstructionTemplate.fromFile(file)
                .withFacts(Map.of(
                        InstructionTemplate.OPENING_HOURS,
                        config.openingHours().orElse(InstructionTemplate.NO_OPENING_HOURS)));
    }
}
