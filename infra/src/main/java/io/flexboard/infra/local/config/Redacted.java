package io.flexboard.infra.local.config;

import java.util.regex.Pattern;

/** Database URLs as they may be logged or put in an error message: without the password they may carry. */
public final class Redacted {

    public static final String MASK = "***";

    /** {@code //user:password@host}: the password is everything between the first ':' and the '@'. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*):[^/?#@]*@");
    /** {@code ?password=…}, {@code &sslpassword=…} (pgjdbc reads both), or any *password / *secret / *token parameter. */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;][^=&;]*(?:password|passwd|pwd|secret|token)=)[^&;#]*");

    private Redacted() {
    }

    /** The URL with each password replaced by {@value #MASK}; the rest stays, so it still says where. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String withoutUserInfoPassword = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(withoutUserInfoPassword).replaceAll("$1" + MASK);
    }

    /** A secret as it may be shown: only whether it is set. */
    public static String secret(String value) {
        return value == null || value.isEmpty() ? "(empty)" : MASK;
    }
}
