package org.pmopulse.access;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.system.NotFoundException;
import org.pmopulse.system.StrictJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The ADMIN's user management; each change is recorded in the audit trail. */
@RestController
class UsersController {
    private final UserStore users;

    UsersController(UserStore users) {
        this.users = users;
    }

    @Operation(summary = "Every user, with roles, projects and whether they may sign in (never a password)")
    @GetMapping("/api/users")
    List<PulseUser.View> list() {
        return users.all().stream().map(PulseUser::view).toList();
    }

    @Operation(summary = "One user")
    @GetMapping("/api/users/{name}")
    PulseUser.View one(@PathVariable String name) {
        return users.find(name).map(PulseUser::view).orElseThrow(() -> new NotFoundException("name", "no user '" + name + "'"));
    }

    @Operation(summary = "Add a user: {name, password, roles, projects}; 201, 409 when the name is taken")
    @PostMapping(path = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PulseUser.View> add(Caller caller,
                                       @RequestBody(required = false) byte[] body) {
        UserStore.NewUser user = StrictJson.bind(StrictJson.parse(body), UserStore.NewUser.class);
        PulseUser added = users.add(user, caller);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/users/" + added.name()))
                .body(added.view());
    }

    @Operation(summary = "Change a user: any of {roles, projects, enabled, password}; what is left out stays")
    @PatchMapping(path = "/api/users/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    PulseUser.View change(Caller caller, @PathVariable String name,
                          @RequestBody(required = false) byte[] body) {
        return users.change(name, StrictJson.bind(StrictJson.parse(body), UserStore.Change.class), caller).view();
    }
}
