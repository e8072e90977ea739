package io.cuadra.it.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time spent by the application server and PostgreSQL while a phase runs, read from /proc (Linux),
 * when exactly one Payara domain runs on this machine and a postmaster listens on {@code pgPort}:
 * what an order costs, whatever the machine's speed. Prints nothing elsewhere.
 */
final class ServerCpu {

    /** On a machine shared with other domains: {@code -Dbench.payara=/work/me/var} picks the one measured. */
    private static final String PAYARA_FILTER = System.getProperty("bench.payara", "");

    private final long payara;
    private final long postmaster;

    private ServerCpu(long payara, long postmaster) {
        this.payara = payara;
        this.postmaster = postmaster;
    }

    static ServerCpu find(int pgPort) {
        return find(pgPort, PAYARA_FILTER);
    }

    /** The domain whose command line contains {@code filter} (e.g. the worktree's path) and the postmaster. */
    static ServerCpu find(int pgPort, String filter) {
        List<Long> payaras = new ArrayList<>();
        long postmaster = -1;
        File[] procs = new File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (File p : procs == null ? new File[0] : procs) {
            String cmd = cmdline(p.getName());
            if (cmd.contains("com.sun.enterprise.glassfish.bootstrap.ASMain") && cmd.contains(filter)) {
                payaras.add(Long.parseLong(p.getName()));
            } else if (cmd.contains("bin/postgres\0") && cmd.contains("\0" + pgPort + "\0")) {
                postmaster = Long.parseLong(p.getName());
            }
        }
        if (payaras.size() != 1 || postmaster < 0) {
            System.out.printf("Server CPU not measured (%d Payara domains running, postmaster on %d %s)%n",
                    payaras.size(), pgPort, postmaster < 0 ? "not found" : "found");
            return new ServerCpu(-1, -1);
        }
        return new ServerCpu(payaras.get(0), postmaster);
    }

    /**
     * Starts a JFR recording of the measured Payara ({@code jcmd PID JFR.start}, profile settings) into
     * {@code file}; false when no single domain was found or jcmd failed. Summarise it with
     * {@code integration-tests/bench/jfr-summary.py}.
     */
    boolean startRecording(String file) {
        return payara >= 0 && jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file);
    }

    /** Stops the recording started by {@link #startRecording} and writes its file. */
    void stopRecording() {
        if (payara >= 0) {
            jcmd("JFR.stop", "name=bench");
        }
    }

    private boolean jcmd(String... command) {
        List<String> args = new ArrayList<>(List.of("jcmd", String.valueOf(payara)));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            System.out.println("  " + String.join(" ", args) + ": " + out.replace('\n', ' '));
            return p.waitFor() == 0 && !out.contains("Could not");
        } catch (IOException e) {
            System.out.println("  jcmd failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {payara, postgres} CPU in clock ticks. */
    long[] sample() {
        if (payara < 0) {
            return new long[]{0, 0};
        }
        // the backends that ended are counted in the postmaster's children's time (cutime + cstime): without them a
        // phase whose connections closed could come out negative
        long pg = ticks(postmaster) + reapedTicks(postmaster);
        File[] procs = new File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (File p : procs == null ? new File[0] : procs) {
            if (parent(p.getName()) == postmaster) {
                pg += ticks(Long.parseLong(p.getName()));
            }
        }
        return new long[]{ticks(payara), pg};
    }

    /** {Payara, PostgreSQL} milliseconds of CPU per request since {@code before}; {-1, -1} when not measured. */
    double[] perRequest(long[] before, int requests) {
        if (payara < 0 || requests == 0) {
            return new double[]{-1, -1};
        }
        long[] after = sample();
        double msPerTick = 10.0; // USER_HZ is 100 on Linux
        return new double[]{(after[0] - before[0]) * msPerTick / requests, (after[1] - before[1]) * msPerTick / requests};
    }

    /** The 1, 5 and 15 minute load averages (what uptime prints): the machine is shared. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    void print(String phase, long[] before, int requests) {
        double[] ms = perRequest(before, requests);
        if (ms[0] < 0) {
            return;
        }
        System.out.printf("  CPU per request (%s): Payara %.2f ms + PostgreSQL %.2f ms = %.2f ms (load average %s)%n",
                phase, ms[0], ms[1], ms[0] + ms[1], loadAverage());
    }

    private static String cmdline(String pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long parent(String pid) {
        String[] f = stat(Long.parseLong(pid));
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    /** cutime + cstime (fields 16 and 17 of /proc/pid/stat): the CPU of its children that ended. */
    private static long reapedTicks(long pid) {
        String[] f = stat(pid);
        return f == null ? 0 : Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** utime + stime (fields 14 and 15 of /proc/pid/stat; 12 and 13 after the command name). */
    private static long ticks(long pid) {
        String[] f = stat(pid);
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
