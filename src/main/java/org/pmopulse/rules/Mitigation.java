package org.pmopulse.rules;

import java.util.List;

/**
 * A playbook entry: what to do about the findings it answers. {@code answers} holds rule ids and may hold
 * {@code forecast}, meaning a forecast slip.
 */
public record Mitigation(String id, String title, List<String> actions, String ownerRole, Urgency urgency,
                         List<String> answers) {}
