package io.flexboard.commandapi.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link UserAccounts} in {@code eventstore.user_accounts}. The unique index on the lower-cased email makes
 * a concurrent claim of the same email wait and then fail, whichever request came first.
 */
@Component
class JdbcUserAccounts implements UserAccounts {

    private static final String COLUMNS = "user_id, email, name, role, tenant_ids, password_hash, active";

    private final JdbcTemplate jdbc;

    JdbcUserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean register(Account account) {
        return jdbc.update("""
                insert into user_accounts (user_id, email, email_key, name, role, tenant_ids, password_hash, active)
                values (?, ?, ?, ?, ?, ?::text[], ?, true) on conflict (email_key) do nothing""",
                account.userId(), account.email(), key(account.email()), account.name(), account.role(),
                arrayLiteral(account.tenantIds()), account.passwordHash()) == 1;
    }

    @Override
    public boolean change(Account account) {
        try {
            jdbc.update("""
                    update user_accounts set email = ?, email_key = ?, name = ?, role = ?, tenant_ids = ?::text[],
                           password_hash = coalesce(?, password_hash)
                     where user_id = ?""",
                    account.email(), key(account.email()), account.name(), account.role(),
                    arrayLiteral(account.tenantIds()), account.passwordHash(), account.userId());
            return true;
        } catch (DuplicateKeyException emailTaken) {
            return false;
        }
    }

    @Override
    public void disable(String userId) {
        jdbc.update("update user_accounts set active = false where user_id = ?", userId);
    }

    @Override
    public Optional<Account> byEmail(String email) {
        return jdbc.query("select " + COLUMNS + " from user_accounts where email_key = ?", JdbcUserAccounts::account,
                key(email)).stream().findFirst();
    }

    @Override
    public Optional<Account> byId(String userId) {
        return jdbc.query("select " + COLUMNS + " from user_accounts where user_id = ?", JdbcUserAccounts::account,
                userId).stream().findFirst();
    }

    private static Account account(ResultSet row, int index) throws SQLException {
        Array tenants = row.getArray("tenant_ids");
        return new Account(row.getString("user_id"), row.getString("email"), row.getString("name"), row.getString("role"),
                Arrays.asList((String[]) tenants.getArray()), row.getString("password_hash"), row.getBoolean("active"));
    }

    /** Emails compare case-insensitively: Ann@Example.com and ann@example.com are one person. */
    static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** A text[] literal; tenant ids are checked UUIDs, so no element needs quoting. */
    private static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
