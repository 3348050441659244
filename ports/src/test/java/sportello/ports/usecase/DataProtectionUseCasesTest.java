package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryMediaStore;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.RaiseAlert;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.CustomerRecords;

class DataProtectionUseCasesTest {

    @TempDir
    Path folder;

    private final ManualClock clock = ManualClock.at("2026-11-25T02:00:00Z");
    private final List<String> raised = new ArrayList<>();
    private final RaiseAlert alerts = new RaiseAlert() {
        @Override
        public void raise(String key, String title, String detail) {
            raised.add(key);
        }

        @Override
        public void resolve(String key) {}
    };

    private List<String> backupFiles() throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void dailyBackup_isTakenOnceADay_andOnlyTheNewestAreKept() throws Exception {
        var backups = new TakingBackups(file -> writeBackup(file), folder, 3, clock, alerts);

        for (int day = 0; day < 5; day++) {
            backups.daily();
            backups.daily();
            clock.advance(Duration.ofDays(1));
        }

        assertThat(backupFiles())
                .containsExactly(
                        "sportello-2026-11-27T020000.db",
                        "sportello-2026-11-28T020000.db",
                        "sportello-2026-11-29T020000.db");
    }

    @Test
    void failedBackup_raisesAnAlert() {
        var backups = new TakingBackups(
                file -> {
                    throw new IllegalStateException("disk full");
                },
                folder,
                3,
                clock,
                alerts);

        assertThatThrownBy(backups::now).hasMessageContaining("disk full");
        assertThat(raised).containsExactly(TakingBackups.ALERT);
    }

    private static void writeBackup(Path file) {
        try {
            Files.writeString(file, "backup");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void retention_deletesWhatIsOlderThanTheChosenMonths_filesToo() throws Exception {
        var cutoffs = new ArrayList<Instant>();
        var media = new InMemoryMediaStore(clock);
        media.save("old-photo", "image/jpeg", new ByteArrayInputStream(new byte[] {1}));
        clock.advance(Duration.ofDays(800));
        media.save("new-photo", "image/jpeg", new ByteArrayInputStream(new byte[] {1}));

        new ApplyingRetention(
                        before -> {
                            cutoffs.add(before);
                            return 0;
                        },
                        media,
                        Period.ofMonths(24),
                        clock)
                .apply();

        assertThat(cutoffs).containsExactly(Instant.parse("2027-02-02T02:00:00Z"));
        assertThat(media.find("old-photo")).isEmpty();
        assertThat(media.find("new-photo")).isPresent();
    }

    @Test
    void exportAndErase_areAudited_withoutPersonalData_andErasureTakesTheFiles() throws Exception {
        var media = new InMemoryMediaStore(clock);
        media.save("photo-1", "image/jpeg", new ByteArrayInputStream(new byte[] {1}));
        media.save("someone-elses", "image/jpeg", new ByteArrayInputStream(new byte[] {1}));
        var audit = new ArrayList<CustomerRecords.AuditEntry>();
        var id = new ConversationId("c1");
        var records = new CustomerRecords() {
            @Override
            public Optional<CustomerExport> export(ConversationId conversation) {
                var withPhoto = Conversation.start(conversation, TestMessages.giulia())
                        .receive(
                                "m1",
                                TestMessages.photo(TestMessages.giulia(), "wamid.p", "photo-1", "scontrino"),
                                ProfileSchema.standard())
                        .conversation();
                return Optional.of(new CustomerExport(withPhoto, List.of(), List.of()));
            }

            @Override
            public Map<String, Integer> erase(ConversationId conversation) {
                return conversation.equals(id) ? Map.of("message", 3) : Map.of();
            }

            @Override
            public void audit(AuditEntry entry) {
                audit.add(entry);
            }

            @Override
            public List<AuditEntry> auditLog() {
                return audit;
            }
        };
        var managing = new ManagingCustomerData(records, media, clock, new RecordingEvents());

        managing.export(id, "giulia");
        var removed = managing.erase(id, "giulia");

        assertThat(removed).containsEntry("message", 3).containsEntry("media", 1);
        assertThat(media.find("photo-1")).isEmpty();
        assertThat(media.find("someone-elses")).isPresent();
        assertThat(audit)
                .extracting(CustomerRecords.AuditEntry::action, CustomerRecords.AuditEntry::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("export", "c1"),
                        org.assertj.core.groups.Tuple.tuple("erase", "c1"));
        assertThatThrownBy(() -> managing.erase(new ConversationId("nope"), "giulia"))
                .isInstanceOf(UnknownConversation.class);
    }
}
