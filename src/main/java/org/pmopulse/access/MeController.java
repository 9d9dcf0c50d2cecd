package org.pmopulse.access;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** Who the caller is, for the dashboard's header and for checking a token. */
@RestController
class MeController {
    /**
     * @param projects  the projects the caller manages as a project manager, or null for every project
     * @param limitedTo a token's projects, outside which it does nothing; null when not limited
     */
    record Me(String name, Set<Role> roles, List<String> projects, List<String> limitedTo, Caller.Via via) {}

    @Operation(summary = "The signed-in caller: name, roles, the projects they manage or are limited to, and how"
            + " they signed in")
    @GetMapping("/api/me")
    Me me(Caller caller) {
        return new Me(caller.name(), caller.roles(), sorted(caller.assigned()), sorted(caller.limitedTo()), caller.via());
    }

    private static List<String> sorted(Set<String> projects) {
        return projects == null ? null : projects.stream().sorted().toList();
    }
}
