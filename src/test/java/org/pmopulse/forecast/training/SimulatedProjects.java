package org.pmopulse.forecast.training;

import org.pmopulse.protrack.SmallProTrackFile;

import java.util.ArrayList;
import java.util.List;

/** Test data without the research files: simulated executions of the small hand-written project, each its own project. */
public final class SimulatedProjects {
    private SimulatedProjects() {
    }

    public static List<ClosedProject> projects(int n, long seed) {
        Simulation.Settings settings = new Simulation.Settings(seed, n, 1.05, 0.2, 0.3);
        List<ClosedProject> projects = new ArrayList<>();
        List<ClosedProject> runs = Simulation.executions(SmallProTrackFile.project(), settings);
        for (int i = 0; i < runs.size(); i++) {
            projects.add(new ClosedProject(String.format("P%02d", i), runs.get(i).snapshots(), runs.get(i).realFinish()));
        }
        return projects;
    }

    public static List<TrainingRow> rows(int n, long seed) {
        return projects(n, seed).stream().flatMap(p -> p.rows().stream()).toList();
    }
}
