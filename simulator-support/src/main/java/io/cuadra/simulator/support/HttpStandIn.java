package io.cuadra.simulator.support;

import java.io.IOException;
import java.net.URI;

/**
 * The life of a stand-in that answers over HTTP: started once, stopped (a client then meets a refused
 * connection), closed by try-with-resources, asked its port once started. A stand-in opens its own
 * {@link StandInHttpServer} with its paths and says what else ends with it.
 */
public abstract class HttpStandIn implements AutoCloseable {

    private StandInHttpServer server;

    /** Opens the stand-in's HTTP server; called once per start. */
    protected abstract StandInHttpServer open() throws IOException;

    /** What ends before the HTTP server stops (callbacks, another protocol's socket); nothing by default. */
    protected void beforeStop() {
    }

    /** Opens the HTTP server; a stand-in's fluent {@code start()} calls it and returns itself. */
    protected final synchronized void startServer() throws IOException {
        if (server != null) {
            throw new IllegalStateException("Already running on port " + server.port());
        }
        server = open();
    }

    /** Stops listening at once; a stopped stand-in can be started again. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        beforeStop();
        server.stop();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Not running");
        }
        return server.port();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    /** The running server, or null once stopped. */
    protected final synchronized StandInHttpServer server() {
        return server;
    }
}
