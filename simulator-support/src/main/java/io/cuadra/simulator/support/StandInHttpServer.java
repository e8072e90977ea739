package io.cuadra.simulator.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in's HTTP side: the JDK's server on a fixed pool of daemon workers (a test or the run command never
 * waits for them to exit), stopped at once so a client calling afterwards meets a refused connection, as when
 * the real service is down.
 *
 * <pre>
 * StandInHttpServer http = StandInHttpServer.start(address, 64, 8, "shopify-simulator", Map.of("/", this::handle));
 * int port = http.port();
 * http.stop();
 * </pre>
 */
public final class StandInHttpServer {

    private final HttpServer server;
    private final ExecutorService workers;

    private StandInHttpServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Binds {@code address} (port 0: any free port) and serves each path prefix with its handler.
     *
     * @param backlog  connections the socket queues before refusing (0: the system's default)
     * @param threads  workers answering requests at once
     * @param name     the workers' thread name, to tell the stand-ins apart in a thread dump
     * @param contexts path prefix → handler, registered in the map's order
     */
    public static StandInHttpServer start(InetSocketAddress address, int backlog, int threads, String name,
                                          Map<String, HttpHandler> contexts) throws IOException {
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("A stand-in serves at least one path");
        }
        HttpServer created = HttpServer.create(address, backlog);
        new LinkedHashMap<>(contexts).forEach(created::createContext);
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon(name));
        created.setExecutor(workers);
        created.start();
        return new StandInHttpServer(created, workers);
    }

    /** Threads that never keep the JVM alive, named after their stand-in. */
    public static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The port it listens on (the one chosen when it was started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Runs other work of the stand-in (a protocol's connections) on the same workers. */
    public void execute(Runnable work) {
        workers.execute(work);
    }

    /** Stops listening at once and ends the workers (waiting a few seconds for those answering). */
    public void stop() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
