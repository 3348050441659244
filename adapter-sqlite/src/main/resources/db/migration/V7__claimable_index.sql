-- The sender claims the next due message once per message it sends. Through message_send_due (send_state, due_at)
-- that meant reading every due message of both states and sorting them all to take the first: a full sort of the
-- backlog per message sent, 12 % of a busy worker's CPU (BENCHMARKS.md, "Webhook load"). This index holds only the
-- messages waiting to be sent, in the order they are claimed (due_at, then seq, the rowid), so a claim reads from
-- its start and stops at the first message whose conversation has nothing being sent.
CREATE INDEX message_claimable ON message (due_at) WHERE send_state IN ('queued', 'in_doubt');
