package org.pmopulse.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.PathValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/portfolio")
class PortfolioController {
    static final int MAX_TREND_WEEKS = 104;

    private final PortfolioService portfolio;

    PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @Operation(summary = "Every project of a week (default: the latest) ranked worst first, with counts per RAG and movers; "
            + "filters by methodology, phase, RAG and sponsor")
    @GetMapping
    PortfolioView view(@RequestParam(required = false) String asOf, @RequestParam(required = false) String methodology,
                       @RequestParam(required = false) String phase, @RequestParam(required = false) String rag,
                       @RequestParam(required = false) String sponsor) {
        return portfolio.view(asOf == null ? null : PathValues.date("asOf", asOf), new PortfolioService.Filter(
                PathValues.enumValue("methodology", methodology, Methodology.class),
                PathValues.enumValue("phase", phase, Phase.class), PathValues.enumValue("rag", rag, Rag.class), sponsor));
    }

    @Operation(summary = "Counts per RAG and mean score for each of the last N weeks (default 12), oldest first")
    @GetMapping("/trend")
    List<TrendPoint> trend(@RequestParam(defaultValue = "12") String weeks) {
        int n;
        try {
            n = Integer.parseInt(weeks);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_TREND_WEEKS) {
            throw InvalidInputException.parameter("weeks", "must be a whole number from 1 to " + MAX_TREND_WEEKS + ", was '" + weeks + "'");
        }
        return portfolio.trend(n);
    }
}
