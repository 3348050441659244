package sportello.web.dashboard;

/** A refusal or failure, told in the page's language with the server's own explanation. */
public record ErrorPage(Texts t, int status, String title, String message) {}
