package com.hotlineops.server.useradmin;

import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.PasswordReset;
import com.hotlineops.contract.user.UserChangePage;
import com.hotlineops.contract.user.UserEdit;
import com.hotlineops.contract.user.UserPage;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.useradmin.UserAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * User administration (ADMIN only, decision 0032). Creating is not idempotent: a username that exists is refused with
 * 409. Editing replaces the whole editable state, so a repeat changes nothing; disabling and enabling answer the account
 * as it is afterwards, the same when repeated. Passwords go in and never come out.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Accounts people and systems log in with: roles, unit, grid, disabling, "
        + "password resets and who changed what (decision 0032)")
class UserAdminController {

    private final UserAdministration users;

    UserAdminController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Accounts by username, filtered by role, unitId, gridId, enabled and q (part of the username "
            + "or display name, any letter case); limit 1–200 (default 50), keyset pages (pass nextCursor back as "
            + "cursor). Each says whether its password must still be changed (passwordChangeRequired) and until when "
            + "its logins are throttled (throttledUntil, null when not) (ADMIN)")
    Mono<UserPage> list(@RequestParam(required = false) String role, @RequestParam(required = false) UUID unitId,
            @RequestParam(required = false) UUID gridId, @RequestParam(required = false) Boolean enabled,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int limit,
            @RequestParam(required = false) String cursor) {
        return users.list(role, unitId, gridId, enabled, q, limit, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account, never its password (ADMIN)")
    Mono<UserView> user(@PathVariable UUID id) {
        return users.find(id);
    }

    @PostMapping
    @Operation(summary = "Create an enabled account: username (2–40 of a-z 0-9 . _ -), displayName, roles (GRID_WORKER "
            + "needs gridId, UNIT_HANDLER needs unitId; a grid must belong to the unit given, which is taken from the "
            + "grid when absent), initialPassword (at least 10 characters, at most 72 bytes, not containing the "
            + "username), which the user must change before anything else (decision 0036). 201 with the account. "
            + "Not idempotent: a username that exists answers 409 and changes "
            + "nothing (ADMIN)")
    Mono<ResponseEntity<UserView>> create(@RequestBody NewUser request, @AuthenticationPrincipal Jwt jwt) {
        return users.create(request, Actor.from(jwt)).map(u -> ResponseEntity.status(HttpStatus.CREATED).body(u));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Set displayName, roles, unitId and gridId (null clears), under the rules of creation. A change "
            + "of roles, unit or grid ends the account's refresh tokens. Repeating the edit changes nothing. Removing "
            + "your own ADMIN role answers 409 (ADMIN)")
    Mono<UserView> update(@PathVariable UUID id, @RequestBody UserEdit edit, @AuthenticationPrincipal Jwt jwt) {
        return users.update(id, edit, Actor.from(jwt));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an account: it can no longer log in and its refresh tokens are refused, so it stops "
            + "working when its access token expires (at most 15 minutes). 200 with the account; disabling a disabled "
            + "account answers the same. Disabling yourself answers 409 (ADMIN)")
    Mono<UserView> disable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return users.disable(id, Actor.from(jwt));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled account; it logs in again (refresh tokens from before stay refused). 200 "
            + "with the account; enabling an enabled account answers the same (ADMIN)")
    Mono<UserView> enable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return users.enable(id, Actor.from(jwt));
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Lift the account's login throttle (decision 0037): its failed logins are forgotten and it can "
            + "sign in again at once. 200 with the account; unlocking an account that is not throttled answers the "
            + "same and records nothing. A throttle on a client address is not lifted (ADMIN)")
    Mono<UserView> unlock(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return users.unlock(id, Actor.from(jwt));
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set the password the administrator typed (rules of creation) and end the account's refresh "
            + "tokens; the user must change it before anything else, unless it is your own account. 204 (ADMIN)")
    Mono<ResponseEntity<Void>> resetPassword(@PathVariable UUID id, @RequestBody PasswordReset request,
            @AuthenticationPrincipal Jwt jwt) {
        return users.resetPassword(id, request, Actor.from(jwt)).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "What administrators changed on the account, newest first: type (CREATED, UPDATED, DISABLED, "
            + "ENABLED, PASSWORD_RESET, PASSWORD_CHANGED by the user, UNLOCKED), who, when, and each field changed with "
            + "its value before and after, never a password. A repeat that changed "
            + "nothing is not listed. limit 1–200 (default 50), keyset pages (pass nextCursor back as cursor); 404 for "
            + "an unknown account (ADMIN)")
    Mono<UserChangePage> changes(@PathVariable UUID id, @RequestParam(defaultValue = "0") int limit,
            @RequestParam(required = false) String cursor) {
        return users.changes(id, limit, cursor);
    }
}
