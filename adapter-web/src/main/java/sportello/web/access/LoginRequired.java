package sportello.web.access;

/** A dashboard route was asked for without a live session: pages go to the login form, other calls get 401. */
public final class LoginRequired extends RuntimeException {
    LoginRequired() {
        super("Log in to use the dashboard.");
    }
}
