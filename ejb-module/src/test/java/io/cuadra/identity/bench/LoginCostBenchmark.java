package io.cuadra.identity.bench;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Prints what one password check costs with the production parameters (PBKDF2-HMAC-SHA512,
 * 210,000 iterations, 32-byte salt, 64-byte key): the price of every sign-in, and of every guess.
 * Run: ./mvnw -B -q -pl ejb-module -am package -DskipTests \
 *      -Dunit.bench=io.cuadra.identity.bench.LoginCostBenchmark [-Dunit.bench.args=checks]
 */
public final class LoginCostBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        char[] password = "Cajero-Cuadra-2026!".toCharArray();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            factory.generateSecret(new PBEKeySpec(password, salt, 210_000, 512)).getEncoded();
        }
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            factory.generateSecret(new PBEKeySpec(password, salt, 210_000, 512)).getEncoded();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("PBKDF2-HMAC-SHA512 x 210000, %d checks: CPU p50 %.0f ms, p95 %.0f ms; wall p50 %.0f ms,"
                        + " p95 %.0f ms; at most %.1f checks/s per core%n", rounds, cpu[rounds / 2],
                cpu[(int) (rounds * 0.95)], wall[rounds / 2], wall[(int) (rounds * 0.95)], 1000 / cpu[rounds / 2]);
    }
}
