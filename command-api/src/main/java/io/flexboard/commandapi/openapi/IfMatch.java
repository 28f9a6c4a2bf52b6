package io.flexboard.commandapi.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/** Documents the optional {@code If-Match} header of a command on an existing tenant (optimistic concurrency, 412). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(in = ParameterIn.HEADER, name = "If-Match", required = false,
        description = "The ETag of the tenant's version the command expects, e.g. \"3\"; another version answers 412",
        schema = @Schema(type = "string"))
public @interface IfMatch {
}
