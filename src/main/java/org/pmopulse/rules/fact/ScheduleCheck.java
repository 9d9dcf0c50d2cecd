package org.pmopulse.rules.fact;

import java.util.List;

/**
 * The measured value of one DCMA 14-point check on the snapshot's task network, computed in plain Java
 * ({@code org.pmopulse.schedule}); rules compare it with the thresholds. {@code percent} is count / total x 100
 * where the check counts tasks or relationships; {@code value} holds ratios (CPLI, BEI) and is null when the
 * check cannot be computed; {@code offending} lists up to ten task ids.
 */
public record ScheduleCheck(String check, int count, int total, double percent, Double value,
                            List<String> offending) {}
