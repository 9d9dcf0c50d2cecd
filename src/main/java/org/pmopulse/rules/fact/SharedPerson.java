package org.pmopulse.rules.fact;

import java.util.List;

/**
 * A person of this project who also works on other projects in the same week, with their total allocation.
 *
 * @param allocations each project's share, in words: {@code "BILLING 60 %, CRM-2026 60 %, ERP-2026 100 %"}
 */
public record SharedPerson(String person, double totalPct, double ownPct, List<String> projects, String allocations) {}
