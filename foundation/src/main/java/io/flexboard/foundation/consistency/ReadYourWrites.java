package io.flexboard.foundation.consistency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the handler methods (or a whole controller) whose requests wait, after authentication, until the
 * read side reached their {@code X-Consistency-Token}. Every other route ignores the header: health,
 * metrics and ops answer at once, whoever sends it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadYourWrites {
}
