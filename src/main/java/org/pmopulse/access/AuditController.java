package org.pmopulse.access;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.PathValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The audit trail for ADMIN and PMO_LEAD. */
@RestController
class AuditController {
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "Audit entries, newest first; filter by actor, action, target, and days from/to (UTC, "
            + "inclusive); at most limit (default 100, up to 1000)")
    @GetMapping("/api/audit")
    List<AuditEntry> entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                             @RequestParam(required = false) String target, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(defaultValue = "100") String limit) {
        LocalDate first = from == null ? null : PathValues.date("from", from);
        LocalDate last = to == null ? null : PathValues.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw InvalidInputException.parameter("to", "is before from (" + first + ")");
        }
        return audit.entries(new AuditLog.Filter(actor, PathValues.enumValue("action", action, AuditEntry.Action.class),
                target, first == null ? null : startOf(first), last == null ? null : startOf(last.plusDays(1)),
                limit(limit)));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static int limit(String limit) {
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= AuditLog.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.parameter("limit", "must be a whole number from 1 to " + AuditLog.MAX_LIMIT
                + ", was '" + limit + "'");
    }
}
