package sportello.microbench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sportello.domain.profile.ExtractedValue;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.FieldType;
import sportello.domain.profile.ProfileExtractor;
import sportello.domain.profile.ProfileSchema;

/**
 * {@link ProfileExtractor#extract}, which runs on every customer text, over messages from the labelled set in
 * {@code domain/src/test/resources/profile-extraction}: chatter with nothing to find (the common case), one field,
 * and all four built-in fields at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class ProfileExtractionBenchmark {

    /** What a customer wrote. */
    public enum Message {
        CHATTER_IT("Buongiorno, vorrei sapere gli orari di apertura del negozio di sabato"),
        CHATTER_EN("Hi, do you ship to Germany? How long does it take?"),
        NAME_IT("Mi chiamo Giulia Rossi e vorrei prenotare un appuntamento"),
        PHONE_IT("Potete chiamarmi al +39 347 1234567 dopo le 18"),
        ORDER_EN("Order #784512 still shows as processing"),
        ALL_FOUR_IT("mi chiamo Lorenzo, cell 366-123-9988, email lorenzo99@gmail.com, ordine n° 44120");

        final String text;

        Message(String text) {
            this.text = text;
        }
    }

    /** The profile fields the business collects. */
    public enum Schema {
        /** Name, e-mail, phone and order number. */
        STANDARD {
            @Override
            ProfileSchema create() {
                return ProfileSchema.standard();
            }
        },
        /** The standard four plus a fidelity card with its own pattern and a free-text shoe size. */
        SHOE_SHOP {
            @Override
            ProfileSchema create() {
                return ProfileSchema.standard()
                        .with(new FieldDefinition(
                                "fidelityCard", "Carta fedeltà", FieldType.TEXT, Pattern.compile("FID-\\d{6}"), true))
                        .with(FieldDefinition.of("shoeSize", FieldType.TEXT, false));
            }
        };

        abstract ProfileSchema create();
    }

    @Param
    public Message message;

    @Param
    public Schema schema;

    private String text;
    private ProfileSchema profileSchema;

    @Setup
    public void setUp() {
        text = message.text;
        profileSchema = schema.create();
    }

    @Benchmark
    public List<ExtractedValue> extract() {
        return ProfileExtractor.extract(text, profileSchema);
    }
}
