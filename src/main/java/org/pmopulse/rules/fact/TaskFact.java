package org.pmopulse.rules.fact;

/**
 * An unfinished task of the network, for the checks whose limit is a number of days (DCMA high float and high
 * duration). Days are working days: the scheduling tool's total float when the snapshot gives it, else the
 * float of Pulse's own critical path calculation; calendar days convert as x 5/7.
 */
public record TaskFact(String id, Double floatWorkingDays, double durationWorkingDays) {}
