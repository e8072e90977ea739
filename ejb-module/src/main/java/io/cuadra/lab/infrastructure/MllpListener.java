package io.cuadra.lab.infrastructure;

import io.cuadra.lab.application.LabResults;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MLLP port laboratory systems send their results (ORU^R01) to, opened when the application starts and
 * closed when it stops: one managed thread accepts, each connection is served on the managed executor, every
 * framed message is answered with its ACK. Off when {@code cuadra.lab.mllp.port} is 0.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MllpListener {

    private static final Logger LOG = Logger.getLogger(MllpListener.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService executor;

    @Inject
    LabResults results;

    @Inject
    @ConfigProperty(name = "cuadra.lab.mllp.port", defaultValue = "0")
    int port;

    /** 127.0.0.1 unless a LIS on another host must reach it (then e.g. 0.0.0.0, behind a firewall). */
    @Inject
    @ConfigProperty(name = "cuadra.lab.mllp.bind", defaultValue = "127.0.0.1")
    String bind;

    /** A connection silent this long is closed (the LIS reconnects for its next message). */
    @Inject
    @ConfigProperty(name = "cuadra.lab.mllp.idle-seconds", defaultValue = "300")
    int idleSeconds;

    private volatile ServerSocket server;

    @PostConstruct
    void open() {
        if (port <= 0) {
            LOG.info("LIS results over MLLP: off (cuadra.lab.mllp.port is 0)");
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 50);
            server = socket;
            threads.newThread(this::accept).start();
            LOG.info(() -> "LIS results over MLLP on " + bind + ":" + port);
        } catch (IOException e) {
            // The application still serves everything else; results wait in the LIS until the port is free.
            LOG.log(Level.SEVERE, "The MLLP port " + bind + ":" + port + " for LIS results cannot be opened", e);
        }
    }

    @PreDestroy
    void close() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "MLLP port closed with an error", e);
            }
        }
    }

    public boolean listening() {
        return server != null;
    }

    private void accept() {
        while (server != null) {
            try {
                Socket connection = server.accept();
                executor.execute(() -> serve(connection));
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "MLLP accept failed", e);
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(idleSeconds * 1000);
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            for (String message; (message = Mllp.read(in)) != null; ) {
                Mllp.write(out, results.receive(message));
            }
        } catch (SocketTimeoutException idle) {
            LOG.fine("MLLP connection idle, closed");
        } catch (IOException e) {
            LOG.log(Level.INFO, "MLLP connection from " + connection.getRemoteSocketAddress() + " ended: "
                    + e.getMessage());
        }
    }
}
