package org.pmopulse.portfolio;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the reconciliation runs: once at start, after the demo load, before Pulse says it is ready (requests are
 * already served meanwhile); then every {@code pulse.reconcile.interval}, except while a batch job runs, whose
 * half-written week is not a crash's. The server's schedule: a command-line run does not reconcile.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE)
class ReconciliationSchedule implements ApplicationRunner {
    private final Reconciler reconciler;
    private final WeeklyBatch batch;

    ReconciliationSchedule(Reconciler reconciler, WeeklyBatch batch) {
        this.reconciler = reconciler;
        this.batch = batch;
    }

    @Override
    public void run(ApplicationArguments args) {
        reconciler.reconcile(Reconciler.Trigger.START);
    }

    @Scheduled(fixedDelayString = "${pulse.reconcile.interval:5m}", initialDelayString = "${pulse.reconcile.interval:5m}")
    void periodically() {
        if (!batch.anyRunning()) {
            reconciler.reconcile(Reconciler.Trigger.PERIODIC);
        }
    }
}
