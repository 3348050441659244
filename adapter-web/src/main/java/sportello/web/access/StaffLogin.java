package sportello.web.access;

/** The one staff account of option B: the username and the password hash to check against. */
final class StaffLogin {

    private final String username;
    private final String passwordHash;

    StaffLogin(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
    }

    String username() {
        return username;
    }

    /**
     * The password is checked even when the username is wrong, and the username is compared in constant time, so
     * the answer's timing tells nothing about which of the two was wrong.
     */
    boolean matches(String givenUsername, String givenPassword) {
        boolean userMatches = Tokens.same(givenUsername == null ? "" : givenUsername.strip(), username);
        boolean passwordMatches = Passwords.matches(givenPassword == null ? "" : givenPassword, passwordHash);
        return userMatches & passwordMatches;
    }
}
