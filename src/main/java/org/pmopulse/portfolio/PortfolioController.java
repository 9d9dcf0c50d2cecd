package org.pmopulse.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.access.Caller;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.PathValues;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/portfolio")
class PortfolioController {
    static final int MAX_TREND_WEEKS = 104;
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PortfolioService portfolio;

    PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @Operation(summary = "Every project of a week (default: the latest week with a project the caller reads) ranked "
            + "worst first, with counts per RAG and movers, and the projects that have not reported in it yet; filters "
            + "by methodology, phase, RAG and sponsor")
    @GetMapping
    PortfolioView view(Caller caller, @RequestParam(required = false) String asOf, @RequestParam(required = false) String methodology,
                       @RequestParam(required = false) String phase, @RequestParam(required = false) String rag,
                       @RequestParam(required = false) String sponsor) {
        return portfolio.view(asOf == null ? null : PathValues.date("asOf", asOf), new PortfolioService.Filter(
                PathValues.enumValue("methodology", methodology, Methodology.class),
                PathValues.enumValue("phase", phase, Phase.class), PathValues.enumValue("rag", rag, Rag.class), sponsor),
                caller);
    }

    @Operation(summary = "The weekly report: summary, movers, red and amber projects with their top findings and "
            + "recommendations, cross-project conflicts, forecasts; format md (default), csv or html")
    @GetMapping("/report")
    ResponseEntity<String> report(Caller caller, @RequestParam(required = false) String asOf,
                                  @RequestParam(defaultValue = "md") String format) {
        WeeklyReport report = portfolio.report(asOf == null ? null : PathValues.date("asOf", asOf), caller);
        return switch (format) {
            case "md" -> ResponseEntity.ok().contentType(MARKDOWN).body(report.markdown());
            case "csv" -> ResponseEntity.ok().contentType(CSV).body(report.csv());
            // a document to keep and send on: its style is inline, and it has no script at all
            case "html" -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .body(report.html());
            default -> throw InvalidInputException.parameter("format", "must be md, csv or html, was '" + format + "'");
        };
    }

    @Operation(summary = "Each project's score and RAG per week over the last N weeks (default 12), oldest first")
    @GetMapping("/history")
    Map<String, List<WeekScore>> history(Caller caller,
                                         @RequestParam(defaultValue = "12") String weeks) {
        return portfolio.histories(weeks(weeks), caller);
    }

    @Operation(summary = "Dependencies between projects of the portfolio that are at risk, from the week's findings")
    @GetMapping("/conflicts")
    List<WeeklyReport.Conflict> conflicts(Caller caller,
                                          @RequestParam(required = false) String asOf) {
        return portfolio.report(asOf == null ? null : PathValues.date("asOf", asOf), caller).conflicts();
    }

    @Operation(summary = "Counts per RAG and mean score for each of the last N weeks (default 12), oldest first")
    @GetMapping("/trend")
    List<TrendPoint> trend(Caller caller, @RequestParam(defaultValue = "12") String weeks) {
        return portfolio.trend(weeks(weeks), caller);
    }

    private static int weeks(String weeks) {
        int n;
        try {
            n = Integer.parseInt(weeks);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_TREND_WEEKS) {
            throw InvalidInputException.parameter("weeks", "must be a whole number from 1 to " + MAX_TREND_WEEKS + ", was '" + weeks + "'");
        }
        return n;
    }
}
