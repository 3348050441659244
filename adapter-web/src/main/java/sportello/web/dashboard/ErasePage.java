package sportello.web.dashboard;

/** {@code GET /dashboard/conversations/{id}/erase}: the confirmation step of a GDPR erasure. */
public record ErasePage(Layout layout, EraseForm form) {}
