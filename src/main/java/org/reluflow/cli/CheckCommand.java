package org.reluflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.claims.Catalog;
import org.reluflow.claims.Claim;
import org.reluflow.claims.ClaimContext;
import org.reluflow.claims.ClaimResult;
import org.reluflow.claims.ClaimRunner;
import org.reluflow.claims.Power;
import org.reluflow.claims.Verdict;
import org.reluflow.dynamics.Simulator;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.report.RunReport;
import org.reluflow.report.RunSummary;
import org.reluflow.spec.Examples;
import org.reluflow.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the claim catalog: each paper's predictions on concrete instances, with a verdict per claim "
                + "(CERTIFIED: proved on the instance by exact or interval arithmetic; CONSISTENT: floating-point evidence "
                + "within the stated tolerance; VIOLATED: with the counterexample; INCONCLUSIVE: with why). Writes "
                + "reports/check/report.md and claims.json.",
                "With --power each claim is also checked under its mutants (wrong predictions, wrong dynamics): a mutant "
                + "is killed when the claim says VIOLATED; the catalog's power is the last line.",
                "Exit codes: 0 no claim violated (and no regression against --baseline), 1 otherwise, 2 bad input."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--paper", paramLabel = "ID", description = "Only this paper: wang-ma-2023, boursier-2022, cheridito-2024, bu-2021, classic.")
    String paper;

    @Option(names = "--claim", paramLabel = "ID", description = "Only this claim, e.g. P3.2.") String claim;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A previous claims.json: a verdict that got worse is a regression (exit 1).")
    Path baseline;

    @Option(names = "--json", description = "Print {\"claims\": [...]} on stdout.") boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/check).")
    Path out = Path.of("reports", "check");

    @Option(names = "--examples", description = "Instead: run every built-in example end to end (outputs under reports/examples).")
    boolean examples;

    @Option(names = "--no-figures", description = "Do not render the paper figures into the report (faster).") boolean noFigures;

    @Option(names = "--no-progress", description = "No progress output.") boolean noProgress;

    @Option(names = "--power", description = "Also check every claim under each of its mutants and report killed / total "
            + "per claim, the survivors with their reasons, and the catalog's power.")
    boolean power;

    @Option(names = "--claim-timeout", paramLabel = "SECONDS", description = "Time limit of one check of a claim (unmutated "
            + "or under one mutant) instead of the catalog's per-claim default; a check without a verdict by then is INCONCLUSIVE.")
    Double claimTimeout;

    @Option(names = "--spec", paramLabel = "FILE", description = "Run the --claim on this spec's experiment instead of its "
            + "default instance (claims whose instance is an experiment: " + "P1.1-P1.7, P2.1-P2.9, classic.balancedness, "
            + "classic.gd-balancedness, classic.saxe, classic.lyu-li).")
    Path spec;

    @Option(names = "--threads", paramLabel = "N", description = "Claims checked side by side (default: the number of cores).")
    Integer threads;

    /** Seconds between two progress lines on stderr. */
    static final long PROGRESS_EVERY_SECONDS = 5;

    @Override public Integer call() throws Exception {
        if (examples) return runExamples();
        if (paper != null && !Catalog.PAPERS.contains(paper))
            throw new UserError("unknown paper '" + paper + "': one of " + String.join(", ", Catalog.PAPERS));
        if (claimTimeout != null && !(claimTimeout > 0 && Double.isFinite(claimTimeout)))
            throw new UserError("--claim-timeout must be a positive number of seconds, got " + claimTimeout);
        if (threads != null && threads < 1) throw new UserError("--threads must be at least 1, got " + threads);
        List<Claim> claims = selectClaims();
        Map<String, String> before = baseline != null ? readBaseline(baseline) : Map.of();
        SimulateCommand.checkWritable(out);
        boolean terminal = System.console() != null && !noProgress && !json;
        ClaimRunner runner = new ClaimRunner(threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                c -> claimTimeout != null ? claimTimeout : Catalog.timeLimit(c.id()));
        List<ClaimRunner.Run> runs;
        long t0 = System.nanoTime();
        try (ClaimContext ctx = new ClaimContext(); ProgressLines lines = new ProgressLines(runner, !noProgress)) {
            runs = power ? runner.power(claims, ctx) : runner.check(claims, ctx).stream().map(r -> new ClaimRunner.Run(r, null)).toList();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        List<ClaimResult> results = runs.stream().map(ClaimRunner.Run::result).toList();
        List<String> regressions = new ArrayList<>();
        for (ClaimResult r : results) {
            String was = before.get(r.id());
            if (was != null && r.verdict().worseThan(Verdict.valueOf(was))) regressions.add(r.id() + ": " + was + " -> " + r.verdict());
        }
        List<String> figures = new ArrayList<>();
        if (!noFigures && paper == null && claim == null && !power) {
            try (org.reluflow.symbolic.SymjaSession s = org.reluflow.symbolic.SymjaSession.withDefaults()) {
                for (org.reluflow.figures.Figures.Entry f : org.reluflow.figures.Figures.all().values()) {
                    if (terminal) System.err.print("\rfigure " + f.name() + " ...                    ");
                    for (Path png : f.generator().write(out.resolve("figures"), s))
                        if (png.toString().endsWith(".png")) figures.add("figures/" + png.getFileName());
                }
            } catch (Exception e) {
                figures.add("(figures failed: " + e.getMessage() + ")");
            }
            if (terminal) System.err.print("\r" + " ".repeat(40) + "\r");
        }
        writeReport(runs, regressions, figures);
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ClaimResult r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("paper", r.paper());
                m.put("verdict", r.verdict().name());
                m.put("provenance", r.provenance());
                m.put("title", r.title());
                m.put("summary", r.summary());
                m.put("evidence", r.evidence());
                m.put("seconds", r.seconds());
                Power pw = runs.get(rows.size()).power();
                if (pw != null) m.put("power", powerJson(pw));
                rows.add(m);
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("claims", rows);
            if (power) o.put("power", catalogPowerJson(runs));
            o.put("wall_seconds", wall);
            if (baseline != null) o.put("regressions", regressions);
            System.out.println(SpecLoader.json().writeValueAsString(o));
        } else {
            System.out.printf("%-22s %-15s %-13s %8s  %s%n", "claim", "paper", "verdict", "seconds", "summary");
            for (ClaimResult r : results)
                System.out.printf("%-22s %-15s %-13s %8.2f  %s%n", r.id(), r.paper(), r.verdict(), r.seconds(), shorten(r.summary(), 110));
            Map<Verdict, Integer> counts = new LinkedHashMap<>();
            for (Verdict v : Verdict.values()) counts.put(v, 0);
            for (ClaimResult r : results) counts.merge(r.verdict(), 1, Integer::sum);
            System.out.println();
            System.out.println(counts + String.format("; %.1f s; report: ", wall) + out.resolve("report.md"));
            for (String s : regressions) System.out.println("regression: " + s);
            if (power) {
                System.out.println();
                System.out.printf("%-22s %9s  %s%n", "claim", "killed", "survivors (why)");
                for (ClaimRunner.Run run : runs) {
                    Power pw = run.power();
                    System.out.printf("%-22s %9s  %s%n", run.result().id(), pw.killed() + " / " + pw.total(),
                            pw.survivors().isEmpty() ? "-" : "");
                    for (String sv : pw.survivors()) System.out.println("    " + sv + ": " + shorten(pw.reasons().get(sv), 140));
                }
                System.out.println();
                System.out.println(catalogPowerLine(runs));
            }
        }
        boolean violated = results.stream().anyMatch(r -> r.verdict() == Verdict.VIOLATED);
        return violated || !regressions.isEmpty() ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK;
    }

    /** The claims the filters select, or the --claim rebuilt on the --spec experiment. */
    private List<Claim> selectClaims() throws Exception {
        if (spec != null) {
            if (claim == null) throw new UserError("--spec needs --claim ID: the claim to run on the spec's experiment");
            boolean known = Catalog.defaults().stream().anyMatch(c -> c.id().equalsIgnoreCase(claim));
            if (!known) throw new UserError("no claim matches '" + claim + "'");
            var experiment = SpecLoader.load(spec);
            String id = Catalog.defaults().stream().map(Claim::id).filter(i -> i.equalsIgnoreCase(claim)).findFirst().orElseThrow();
            return List.of(Catalog.onExperiment(id, experiment).orElseThrow(() -> new UserError("claim " + id
                    + " cannot take a spec: its instance is not an experiment; claims that can: " + String.join(", ", Catalog.SPEC_CLAIMS))));
        }
        List<Claim> claims = new ArrayList<>();
        for (Claim c : Catalog.defaults())
            if ((paper == null || c.paper().equals(paper)) && (claim == null || c.id().equalsIgnoreCase(claim))) claims.add(c);
        if (claims.isEmpty()) throw new UserError("no claim matches" + (claim != null ? " '" + claim + "'" : ""));
        return claims;
    }

    private static Map<String, Object> powerJson(Power pw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("killed", pw.killed());
        m.put("total", pw.total());
        m.put("survivors", pw.survivors());
        m.put("reasons", pw.reasons());
        return m;
    }

    private static Map<String, Object> catalogPowerJson(List<ClaimRunner.Run> runs) {
        int killed = 0, total = 0, full = 0;
        for (ClaimRunner.Run r : runs) { killed += r.power().killed(); total += r.power().total(); if (r.power().full()) full++; }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("killed", killed);
        m.put("total", total);
        m.put("claims_with_full_power", full);
        m.put("claims", runs.size());
        return m;
    }

    /** "power: K / N mutants killed; C of M claims at full power": the last line of a power run. */
    static String catalogPowerLine(List<ClaimRunner.Run> runs) {
        Map<String, Object> m = catalogPowerJson(runs);
        return "power: " + m.get("killed") + " / " + m.get("total") + " mutants killed; " + m.get("claims_with_full_power") + " of "
                + m.get("claims") + " claims at full power (every mutant VIOLATED)";
    }

    private static String shorten(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 3) + "..."; }

    private Map<String, String> readBaseline(Path file) {
        try {
            JsonNode root = SpecLoader.json().readTree(Files.readString(file));
            Map<String, String> m = new LinkedHashMap<>();
            JsonNode claimsNode = root.get("claims");
            if (claimsNode == null || !claimsNode.isArray()) throw new UserError("--baseline " + file + ": no \"claims\" array");
            for (JsonNode c : claimsNode) {
                if (c.get("id") == null || c.get("verdict") == null) throw new UserError("--baseline " + file + ": a claim without id or verdict");
                Verdict.valueOf(c.get("verdict").asText());
                m.put(c.get("id").asText(), c.get("verdict").asText());
            }
            return m;
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot read --baseline " + file + ": " + e.getMessage());
        }
    }

    private void writeReport(List<ClaimRunner.Run> runs, List<String> regressions, List<String> figures) {
        List<ClaimResult> results = runs.stream().map(ClaimRunner.Run::result).toList();
        StringBuilder md = new StringBuilder("# reluflow check\n\n");
        try {
            verdictChart(results).write(out, "verdicts");
            md.append("![verdicts per paper](verdicts.png)\n\n");
        } catch (IOException e) {
            md.append("(verdict chart not written: ").append(e.getMessage()).append(")\n\n");
        }
        md.append("| claim | paper | verdict | provenance | summary |\n| --- | --- | --- | --- | --- |\n");
        for (ClaimResult r : results)
            md.append("| ").append(r.id()).append(" | ").append(r.paper()).append(" | ").append(r.verdict()).append(" | ")
                    .append(r.provenance()).append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
        for (ClaimResult r : results) {
            md.append("\n## ").append(r.id()).append(": ").append(r.title()).append("\n\n");
            md.append("- verdict: **").append(r.verdict()).append("** (").append(String.format("%.2f", r.seconds())).append(" s)\n");
            md.append("- hypotheses: ").append(r.hypotheses()).append("\n");
            md.append("- criterion: ").append(r.criterion()).append("\n");
            md.append("- provenance: ").append(r.provenance()).append("\n");
            md.append("- result: ").append(r.summary()).append("\n");
            try {
                md.append("- evidence: `").append(SpecLoader.json().writeValueAsString(r.evidence())).append("`\n");
            } catch (IOException e) {
                md.append("- evidence: (not serializable)\n");
            }
        }
        if (power) {
            md.append("\n## Mutation power\n\n").append(catalogPowerLine(runs)).append(".\n\n")
                    .append("Each claim is checked under each of its mutants (proofs-notes/README.md); a mutant is killed when the "
                            + "verdict is VIOLATED.\n\n| claim | killed | survivors (why) |\n| --- | --- | --- |\n");
            for (ClaimRunner.Run run : runs) {
                Power pw = run.power();
                List<String> why = new ArrayList<>();
                for (String sv : pw.survivors()) why.add(sv + ": " + pw.reasons().get(sv));
                md.append("| ").append(run.result().id()).append(" | ").append(pw.killed()).append(" / ").append(pw.total()).append(" | ")
                        .append(why.isEmpty() ? "-" : String.join("<br>", why).replace("|", "\\|")).append(" |\n");
            }
        }
        if (!figures.isEmpty()) {
            md.append("\n## Figures (reluflow reproduce)\n\n");
            for (String f : figures) md.append(f.startsWith("(") ? f + "\n" : "![" + f + "](" + f + ")\n\n");
        }
        if (!regressions.isEmpty()) md.append("\n## Regressions against the baseline\n\n").append(String.join("\n", regressions)).append("\n");
        try {
            Files.writeString(out.resolve("report.md"), md.toString());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ClaimResult r : results) rows.add(Map.of("id", r.id(), "paper", r.paper(), "verdict", r.verdict().name(),
                    "provenance", r.provenance(), "evidence", r.evidence()));
            Files.writeString(out.resolve("claims.json"), SpecLoader.json().writeValueAsString(Map.of("claims", rows)));
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + out + ": " + e.getMessage());
        }
    }

    /** Verdict counts per paper as points: x = paper index, y = count, one series per verdict. */
    private static org.reluflow.report.Figure verdictChart(List<ClaimResult> results) {
        org.reluflow.report.Figure f = new org.reluflow.report.Figure("verdicts per paper (x: " + String.join(", ", Catalog.PAPERS) + ")",
                "paper (1 = " + Catalog.PAPERS.get(0) + ", ..., " + Catalog.PAPERS.size() + " = " + Catalog.PAPERS.get(Catalog.PAPERS.size() - 1) + ")", "claims");
        for (Verdict v : Verdict.values()) {
            double[] x = new double[Catalog.PAPERS.size()], y = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
                String paperId = Catalog.PAPERS.get(k);
                y[k] = results.stream().filter(r -> r.paper().equals(paperId) && r.verdict() == v).count();
            }
            f.add(v.name(), x, y, org.reluflow.report.Figure.Style.MARKERS);
        }
        return f;
    }

    private Integer runExamples() throws Exception {
        Path dir = out.equals(Path.of("reports", "check")) ? Path.of("reports", "examples") : out;
        List<RunSummary> rows = new ArrayList<>();
        boolean allCompleted = true;
        SimulateCommand.checkWritable(dir);
        if (!json) System.out.printf("%-22s %-15s %-10s %12s %10s %8s %12s %8s %8s%n",
                "example", "method", "status", "final loss", "reduction", "events", "drift", "plateaus", "seconds");
        for (String name : Examples.names()) {
            Experiment e = Examples.load(name);
            long t0 = System.nanoTime();
            Trajectory tr = Simulator.run(e, new ProgressBar(name, !noProgress && !json));
            RunSummary s = RunReport.write(dir.resolve(name), e, tr, (System.nanoTime() - t0) / 1e9);
            rows.add(s);
            allCompleted &= s.completed();
            if (!json) System.out.printf("%-22s %-15s %-10s %12.4e %10.3g %8d %12.3e %8d %8.2f%n", name, s.method(), s.status(),
                    s.finalLoss(), s.initialLoss() / s.finalLoss(), s.switchEvents(), s.invariantDrift(), s.plateaus().size(), s.seconds());
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("examples", rows);
            o.put("all_completed", allCompleted);
            System.out.println(SpecLoader.json().writeValueAsString(o));
        } else {
            System.out.println();
            System.out.println("Outputs (summary.json, trajectory.csv, plots) under " + dir + ".");
        }
        return allCompleted ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }
}
