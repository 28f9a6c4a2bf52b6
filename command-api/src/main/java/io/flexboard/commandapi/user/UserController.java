package io.flexboard.commandapi.user;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.commandapi.api.ChangeUserCommand;
import io.flexboard.commandapi.api.CreateUserCommand;
import io.flexboard.commandapi.api.DisableUserCommand;
import io.flexboard.commandapi.api.UserSnapshot;
import io.flexboard.commandapi.web.CommandDispatcher;
import io.flexboard.foundation.identity.Access;
import io.flexboard.foundation.identity.Permission.Action;
import io.flexboard.foundation.identity.Permission.Resource;
import io.flexboard.foundation.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.flexboard.commandapi.api.UnknownEntityException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** User commands (super-admin only): create, change, disable. Reads are query-api's GET /api/users. */
@RestController
class UserController {

    private static final String ROLES = "super-admin, tenant-admin, dashboard-editor, viewer";

    private final CommandDispatcher commands;
    private final Passwords passwords;

    UserController(CommandDispatcher commands, Passwords passwords) {
        this.commands = commands;
        this.passwords = passwords;
    }

    record CreateUserRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254, format = "email",
                                     description = "Unique among users, compared case-insensitively") String email,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
                             @Schema(minLength = Passwords.MIN_LENGTH, description = "At most 72 bytes in UTF-8; "
                                     + "without it the user can sign in only through SSO", format = "password") String password,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"super-admin", "tenant-admin",
                                     "dashboard-editor", "viewer"}) String role,
                             @ArraySchema(schema = @Schema(format = "uuid"), arraySchema = @Schema(description =
                                     "Empty for a super-admin; at least one tenant for the other roles")) List<String> tenantIds) {
    }

    record ChangeUserRequest(@Schema(maxLength = 254, format = "email") String email,
                             @Schema(maxLength = 200) String name,
                             @Schema(minLength = Passwords.MIN_LENGTH, format = "password") String password,
                             @Schema(allowableValues = {"super-admin", "tenant-admin", "dashboard-editor", "viewer"}) String role,
                             @ArraySchema(schema = @Schema(format = "uuid")) List<String> tenantIds) {
    }

    /** The user as the answers show it. */
    record UserAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String id,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ROLES) String role,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> tenantIds,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean isActive) {
    }

    @Operation(summary = "Create a user (super-admin)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = UserAnswer.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping("/api/users")
    Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody CreateUserRequest request, ServerWebExchange exchange) {
        Access.require(exchange, Resource.USERS, Action.CREATE, null);
        String userId = UUID.randomUUID().toString();
        return hashed(request.password()).flatMap(hash -> commands.send(exchange, userId,
                new CreateUserCommand(userId, request.email(), request.name(), hash.orElse(null), request.role(), request.tenantIds()),
                HttpStatus.CREATED, result -> body(new UserSnapshot(userId, request.email().strip(), request.name().strip(),
                        request.role(), tenantsAsStored(request.tenantIds()), true))));
    }

    @Operation(summary = "Change a user's email, name, password, role or tenants (super-admin); absent fields keep their value")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserAnswer.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PatchMapping("/api/users/{userId}")
    Mono<ResponseEntity<Map<String, Object>>> change(@PathVariable String userId, @RequestBody ChangeUserRequest request,
                                                     ServerWebExchange exchange) {
        Access.require(exchange, Resource.USERS, Action.UPDATE, null);
        String user = CommandDispatcher.uuid(userId, "userId");
        return hashed(request.password()).flatMap(hash -> commands.send(exchange, user,
                        new ChangeUserCommand(user, request.email(), request.name(), hash.orElse(null), request.role(), request.tenantIds()),
                        HttpStatus.OK, result -> body((UserSnapshot) result)))
                .onErrorMap(UserController::isUnknownAggregate, error -> ProblemException.notFound("unknown user " + user));
    }

    @Operation(summary = "Disable a user (super-admin): no more sign-ins; their tokens expire within a minute")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserAnswer.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @DeleteMapping("/api/users/{userId}")
    Mono<ResponseEntity<Map<String, Object>>> disable(@PathVariable String userId, ServerWebExchange exchange) {
        Access.require(exchange, Resource.USERS, Action.DELETE, null);
        String user = CommandDispatcher.uuid(userId, "userId");
        return commands.send(exchange, user, new DisableUserCommand(user), HttpStatus.OK, result -> body((UserSnapshot) result))
                .onErrorMap(UserController::isUnknownAggregate, error -> ProblemException.notFound("unknown user " + user));
    }

    /** BCrypt is deliberately slow: off the event loop, like the command itself. */
    private Mono<java.util.Optional<String>> hashed(String password) {
        if (password == null) {
            return Mono.just(java.util.Optional.empty());
        }
        return Mono.fromCallable(() -> java.util.Optional.of(passwords.hash(password, "password")))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** No user has the id: nothing in the event store, or a tenant's stream (tenants and users share the store). */
    private static boolean isUnknownAggregate(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateNotFoundException || cause instanceof UnknownEntityException
                    || cause instanceof IncompatibleAggregateException) {
                return true;
            }
        }
        return false;
    }

    /** Tenant ids as the aggregate stores them (lower-case UUIDs, de-duplicated); the rules checked them already. */
    private static List<String> tenantsAsStored(List<String> tenantIds) {
        return tenantIds == null ? List.of()
                : tenantIds.stream().map(id -> UUID.fromString(id).toString()).distinct().toList();
    }

    private static Map<String, Object> body(UserSnapshot user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", user.id());
        body.put("email", user.email());
        body.put("name", user.name());
        body.put("role", user.role());
        body.put("tenant_ids", user.tenantIds());
        body.put("is_active", user.active());
        return body;
    }
}
