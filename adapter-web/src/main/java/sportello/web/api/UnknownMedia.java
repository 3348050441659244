package sportello.web.api;

/** No file is stored under this media id (never downloaded, or deleted by retention or erasure): a 404. */
public final class UnknownMedia extends RuntimeException {
    public UnknownMedia(String mediaId) {
        super("No file is stored under media id '" + mediaId
                + "': it could not be downloaded from the channel, or it was deleted (retention or erasure).");
    }
}
