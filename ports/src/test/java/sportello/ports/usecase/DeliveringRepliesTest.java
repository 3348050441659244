package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Channel.SendResult;
import sportello.ports.out.RawDelivery;

class DeliveringRepliesTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final RecordingChannel channel = new RecordingChannel();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final DeliveringReplies.Policy policy =
            new DeliveringReplies.Policy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
    private final DeliveringReplies replies =
            new DeliveringReplies(storage, storage, channel, clock, policy, new RecordingEvents());
    private final ConversationId id = new ConversationId("c1");

    @BeforeEach
    void conversation() {
        storage.save(Conversation.start(id, giulia())
                .receive("m-in", text(giulia(), "wamid.in", "Ciao"), ProfileSchema.standard())
                .conversation());
        storage.enqueue(id, Author.BOT, "Buongiorno!", "m-in", clock.instant());
    }

    private Message reply() {
        return storage.byId(id).orElseThrow().messages().stream()
                .filter(m -> m.direction() == Direction.OUT)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void blockedChannel_pausesAllSending_keepsEveryMessage_andResumesByItselfWhenFixed() {
        storage.enqueue(id, Author.STAFF, "secondo", null, clock.instant());
        storage.enqueue(id, Author.STAFF, "terzo", null, clock.instant());
        channel.thenAnswer(new SendResult.Blocked("(#190) the access token expired: set WHATSAPP_ACCESS_TOKEN"));

        replies.deliverDue();

        assertThat(channel.sent()).hasSize(1);
        assertThat(replies.paused()).isTrue();
        assertThat(storage.unsentCount()).isEqualTo(3);
        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.PENDING);

        clock.advance(Duration.ofSeconds(30));
        replies.deliverDue();
        assertThat(channel.sent()).hasSize(1);

        clock.advance(DeliveringReplies.BLOCKED_PAUSE);
        replies.deliverDue();

        assertThat(channel.sent()).hasSize(4);
        assertThat(channel.sent().subList(1, 4))
                .extracting(s -> s.text())
                .containsExactlyInAnyOrder("Buongiorno!", "secondo", "terzo");
        assertThat(storage.unsentCount()).isZero();
        assertThat(replies.paused()).isFalse();
    }

    @Test
    void refusedAsOutsideTheWindow_failsWithTheReason_andTheConversationsWindowIsClosed() {
        channel.thenAnswer(new SendResult.OutsideWindow("(#131047) more than 24 hours: only a template can be sent"));

        replies.deliverDue();

        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.FAILED);
        var conversation = storage.byId(id).orElseThrow();
        assertThat(conversation.serviceWindow().orElseThrow().isOpenAt(clock.instant()))
                .isFalse();
        assertThat(conversation.attention().reasonValue().orElseThrow()).contains("131047");
    }

    @Test
    void acceptedSendThatCannotBeRecorded_isRecordedOnTheNextRound_neverSentAgain() {
        var busy = new DeliveringReplies(
                new BusyOutbox(storage, 2, 0), storage, channel, clock, policy, new RecordingEvents());

        busy.deliverDue();
        busy.deliverDue();
        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.PENDING);

        busy.deliverDue();

        assertThat(channel.sent()).hasSize(1);
        assertThat(reply().channelMessageId()).isEqualTo("wamid.fake-1");
        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.SENT);
        assertThat(storage.unsentCount()).isZero();
    }

    @Test
    void storageFailingBeforeASend_leavesTheRestOfTheBatchGoing_andTheEntryIsSentLater() {
        var other = new ConversationId("c2");
        storage.save(Conversation.start(other, TestMessages.marco())
                .receive("m-in-2", text(TestMessages.marco(), "wamid.in-2", "Salve"), ProfileSchema.standard())
                .conversation());
        storage.enqueue(other, Author.STAFF, "secondo", null, clock.instant());
        var busy = new DeliveringReplies(
                new BusyOutbox(storage, 0, 1), storage, channel, clock, policy, new RecordingEvents());

        busy.deliverDue();

        assertThat(channel.sent()).hasSize(1); // the other conversation's reply went out; the one that failed waits
        clock.advance(Duration.ofSeconds(5));
        busy.deliverDue();
        assertThat(channel.sent()).extracting(s -> s.text()).containsExactlyInAnyOrder("secondo", "Buongiorno!");
        assertThat(storage.unsentCount()).isZero();
    }

    @Test
    void acceptedSend_recordsTheChannelId() {
        replies.deliverDue();

        assertThat(channel.sent()).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(giulia());
            assertThat(s.text()).isEqualTo("Buongiorno!");
        });
        assertThat(reply().channelMessageId()).isEqualTo("wamid.fake-1");
        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void retryableFailure_isRetriedAfterABackoff_thenSentOnce() {
        channel.thenAnswer(
                new SendResult.RetryLater("500", Duration.ZERO), new SendResult.RetryLater("500", Duration.ZERO));

        replies.deliverDue();
        replies.deliverDue();
        clock.advance(Duration.ofSeconds(1));
        replies.deliverDue();
        clock.advance(Duration.ofSeconds(2));
        replies.deliverDue();
        replies.deliverDue();

        assertThat(channel.sent()).hasSize(3);
        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void retryHintFromTheChannel_isHonoured() {
        channel.thenAnswer(new SendResult.RetryLater("429", Duration.ofSeconds(20)));

        replies.deliverDue();
        clock.advance(Duration.ofSeconds(19));
        replies.deliverDue();

        assertThat(channel.sent()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        replies.deliverDue();
        assertThat(channel.sent()).hasSize(2);
    }

    @Test
    void tooManyFailures_giveUp_andFlagForStaff() {
        for (int i = 0; i < 4; i++) {
            channel.thenAnswer(new SendResult.RetryLater("503", Duration.ZERO));
        }

        for (int i = 0; i < 6; i++) {
            replies.deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(channel.sent()).hasSize(4);
        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(storage.byId(id).orElseThrow().attention().isNeeded()).isTrue();
    }

    @Test
    void refusal_failsAtOnce_withTheReasonForStaff() {
        channel.thenAnswer(new SendResult.Refused("outside the 24-hour window", false));

        replies.deliverDue();
        clock.advance(Duration.ofHours(1));
        replies.deliverDue();

        assertThat(channel.sent()).hasSize(1);
        assertThat(reply().delivery().failureReason()).isEqualTo("outside the 24-hour window");
        assertThat(storage.byId(id).orElseThrow().attention().reason()).contains("24-hour");
    }

    @Test
    void timeoutAfterSending_isNeverResentWhileAStatusShowsTheChannelHasIt() {
        channel.thenAnswer(new SendResult.InDoubt("read timeout"));
        replies.deliverDue();
        var entryId = reply().id();
        storage.store(
                new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), clock.instant()),
                List.of(),
                List.of(TestMessages.status("wamid.real", DeliveryState.SENT, entryId)));

        clock.advance(Duration.ofMinutes(5));
        replies.deliverDue();

        assertThat(channel.sent()).hasSize(1);
        assertThat(reply().channelMessageId()).isEqualTo("wamid.real");
    }

    @Test
    void timeoutWithoutAnyStatus_isResentOnlyAfterTheWait() {
        channel.thenAnswer(new SendResult.InDoubt("read timeout"));
        replies.deliverDue();

        clock.advance(Duration.ofMinutes(4));
        replies.deliverDue();
        assertThat(channel.sent()).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        replies.deliverDue();
        assertThat(channel.sent()).hasSize(2);
    }

    @Test
    void sendInterruptedByARestart_isInDoubt_notRepeatedAtOnce() {
        storage.claimDue(clock.instant(), 10); // the previous run claimed it and died mid-send

        replies.recoverInterruptedSends();
        replies.deliverDue();

        assertThat(channel.sent()).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        replies.deliverDue();
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void sendLeftUnderWayByAnotherInstanceThatDied_isFoundByALaterRound_andSentAfterTheWait() {
        replies.deliverDue(); // this instance is running: its first round has looked already
        storage.enqueue(id, Author.STAFF, "Ecco il suo ordine", null, clock.instant());
        storage.claimDue(clock.instant(), 10); // another instance claimed it and died mid-send

        clock.advance(Duration.ofMinutes(1));
        replies.deliverDue();
        assertThat(channel.sent()).hasSize(1); // the first reply only; the cut-off one is in doubt now

        clock.advance(Duration.ofMinutes(5));
        replies.deliverDue();
        assertThat(channel.sent()).hasSize(2);
    }

    @Test
    void whileOneReplyIsBeingSent_theOthersAreNotMarkedAsBeingSent_soACrashPutsOnlyThatOneInDoubt() {
        storage.enqueue(id, Author.STAFF, "secondo", null, clock.instant());
        storage.enqueue(id, Author.STAFF, "terzo", null, clock.instant());
        var underWay = new java.util.ArrayList<Integer>();
        var watching = new sportello.ports.out.Channel() {
            @Override
            public SendResult send(sportello.domain.customer.Customer to, String text, String correlation) {
                underWay.add(storage.interruptedSends().size()); // what a crash right now would leave in doubt
                return new SendResult.Accepted("wamid." + text);
            }

            @Override
            public void markRead(String channelAccount, String channelMessageId) {}
        };

        new DeliveringReplies(storage, storage, watching, clock, policy, new RecordingEvents()).deliverDue();

        assertThat(underWay).containsExactly(1, 1, 1);
    }

    @Test
    void channelOutageOfHalfAMinute_delaysTheReply_neverFailsIt() {
        var patient = new DeliveringReplies(
                storage, storage, channel, clock, DeliveringReplies.Policy.DEFAULT, new RecordingEvents());
        for (int i = 0; i < 12; i++) {
            channel.thenAnswer(new SendResult.RetryLater("503 Service Unavailable", Duration.ZERO));
        }
        channel.thenAnswer(new SendResult.Accepted("wamid.after-the-outage"));

        for (int i = 0; i < 40 && reply().delivery().state() != DeliveryState.SENT; i++) {
            patient.deliverDue();
            clock.advance(Duration.ofMinutes(2));
        }

        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.SENT);
        assertThat(channel.sent()).hasSize(13);
        assertThat(storage.byId(id).orElseThrow().attention().isNeeded()).isFalse();
    }

    @Test
    void failuresForLongerThanThePolicyKeepsTrying_giveUp_andFlagForStaff() {
        var patient = new DeliveringReplies(
                storage, storage, channel, clock, DeliveringReplies.Policy.DEFAULT, new RecordingEvents());
        for (int i = 0; i < 400; i++) {
            channel.thenAnswer(new SendResult.RetryLater("503 Service Unavailable", Duration.ZERO));
        }

        for (int i = 0; i < 400 && reply().delivery().state() != DeliveryState.FAILED; i++) {
            patient.deliverDue();
            clock.advance(Duration.ofMinutes(2));
        }

        assertThat(reply().delivery().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(clock.instant()).isAfter(TestMessages.T0.plus(DeliveringReplies.Policy.DEFAULT.keepTrying()));
        assertThat(storage.byId(id).orElseThrow().attention().isNeeded()).isTrue();
    }

    @Test
    void aSendTheChannelIsSlowToAnswer_holdsBackOnlyItsOwnConversation() throws Exception {
        var other = new ConversationId("c2");
        storage.save(Conversation.start(other, TestMessages.marco())
                .receive("m-in-2", text(TestMessages.marco(), "wamid.in-2", "Salve"), ProfileSchema.standard())
                .conversation());
        storage.enqueue(other, Author.BOT, "Buonasera Marco", "m-in-2", clock.instant());
        var giuliaHangs = new java.util.concurrent.CountDownLatch(1);
        var marcoServed = new java.util.concurrent.CountDownLatch(1);
        var slowForGiulia = new sportello.ports.out.Channel() {
            @Override
            public SendResult send(sportello.domain.customer.Customer to, String text, String correlation) {
                try {
                    if (to.equals(giulia())) {
                        giuliaHangs.await(); // Graph does not answer this one for a while
                    } else {
                        marcoServed.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new SendResult.Accepted("wamid." + correlation);
            }

            @Override
            public void markRead(String channelAccount, String channelMessageId) {}
        };
        var round = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> new DeliveringReplies(storage, storage, slowForGiulia, clock, policy, new RecordingEvents())
                        .deliverDue());

        boolean marcoWhileGiuliaHangs = marcoServed.await(10, java.util.concurrent.TimeUnit.SECONDS);
        giuliaHangs.countDown();

        assertThat(marcoWhileGiuliaHangs).isTrue();
        assertThat(round.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(storage.unsentCount()).isZero();
    }
}
