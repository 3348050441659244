package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Templates;
import sportello.ports.out.Templates.TemplatesUnavailable;

/**
 * What every {@link Templates} must do; subclasses arrange the channel's list, which must hold the approved Italian
 * template {@code aggiornamento_ordine} with body "Ciao {{1}}, il tuo ordine {{2}} è in viaggio." (2 values).
 */
public abstract class TemplatesContract {

    protected abstract Templates templates();

    /** The channel lists {@code aggiornamento_ordine} (approved) and nothing else approved. */
    protected abstract void arrangeOrderUpdateApproved();

    /** The channel cannot be asked (outage, bad token). */
    protected abstract void arrangeUnreachable();

    @Test
    void approvedTemplate_isListed_withItsBodyAndNumberOfValues() {
        arrangeOrderUpdateApproved();

        assertThat(templates().approved())
                .contains(new MessageTemplate(
                        "aggiornamento_ordine", "it", "UTILITY", "Ciao {{1}}, il tuo ordine {{2}} è in viaggio.", 2));
    }

    @Test
    void unreachableChannel_withNothingCached_saysWhy() {
        arrangeUnreachable();

        assertThatThrownBy(() -> templates().approved())
                .isInstanceOf(TemplatesUnavailable.class)
                .hasMessageMatching(".{10,}");
    }
}
