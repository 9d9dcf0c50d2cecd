package org.pmopulse.rules;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the rules folder every {@code pulse.rules.poll-interval} (1 s by default) and reloads it when a file
 * changed. Polling file sizes and times is cheap and, unlike a file-system watch, sees every sub-folder and
 * works on network and container file systems alike.
 */
@Component
class RulesWatcher {
    private final LiveRules rules;

    RulesWatcher(LiveRules rules) {
        this.rules = rules;
    }

    @Scheduled(fixedDelayString = "${pulse.rules.poll-interval:1s}", initialDelayString = "${pulse.rules.poll-interval:1s}")
    void poll() {
        rules.refreshIfChanged();
    }
}
