package io.flexboard.commandapi.user;

import java.util.List;
import java.util.Optional;

/**
 * Command-side user accounts ({@code eventstore.user_accounts}): the email claims that keep emails unique
 * and the credentials sign-in checks. Written in the command's transaction, so a row exists exactly when
 * the user's events do. The password hash lives only here, never in an event (docs/SECURITY.md).
 */
public interface UserAccounts {

    /** One account as sign-in and refresh read it. */
    record Account(String userId, String email, String name, String role, List<String> tenantIds,
                   String passwordHash, boolean active) {

        @Override
        public String toString() {
            return "Account[userId=" + userId + ", role=" + role + ", active=" + active + "]";
        }
    }

    /** Inserts the account; false when another user has the email (compared case-insensitively). */
    boolean register(Account account);

    /**
     * Stores the account's new email, name, role and tenants, and its password hash when not null; false when
     * another user has the new email.
     */
    boolean change(Account account);

    /** Marks the account disabled: sign-in and refresh refuse it from the commit on. */
    void disable(String userId);

    /** The account with this email, any case. */
    Optional<Account> byEmail(String email);

    /** The account with this id. */
    Optional<Account> byId(String userId);
}
