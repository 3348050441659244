package sportello.domain.profile;

/** A value a finder read from message text, with where it was in the text ({@code end} exclusive). */
record Found(String value, int start, int end) {

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
