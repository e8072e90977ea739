package io.cuadra.sunat.simulator;

import com.sun.net.httpserver.HttpHandler;
import io.cuadra.simulator.support.HttpStandIn;
import io.cuadra.simulator.support.StandInHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local SUNAT: serves the billService SOAP protocol (sendBill, sendSummary, getStatus) at SUNAT's beta path,
 * validating what it receives the way SUNAT does and answering with CDRs or SOAP faults from SUNAT's catalogue.
 *
 * <pre>{@code
 * try (SunatSimulator sunat = SunatSimulator.onPort(0).withUser("20100070970", "CUADRA01", "secret")) {
 *     sunat.start();
 *     URI endpoint = sunat.billServiceUri();
 *     ...
 *     sunat.simulateOutage(2);                  // the next two calls get exception 0100
 *     List<ReceivedDocument> seen = sunat.receivedDocuments();
 * }
 * }</pre>
 *
 * <p>Logins are Clave SOL secondary users registered with {@link #withUser}, plus beta's {RUC}MODDATOS/moddatos
 * for any RUC.
 */
public final class SunatSimulator extends HttpStandIn {

    /** The path of SUNAT's beta billService, so a client switches between the two by host alone. */
    public static final String BILL_SERVICE_PATH = "/ol-ti-itcpfegem-beta/billService";

    private final InetSocketAddress address;
    private final SolUsers users = new SolUsers();
    private final BillService service;

    private SunatSimulator(InetSocketAddress address, Clock clock) {
        this.address = address;
        this.service = new BillService(users, clock);
    }

    /** Listens on the loopback interface; port 0 takes any free port (see {@link #port()} once started). */
    public static SunatSimulator onPort(int port) {
        return new SunatSimulator(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), Clock.systemUTC());
    }

    public static SunatSimulator on(InetSocketAddress address) {
        return new SunatSimulator(address, Clock.systemUTC());
    }

    /** Registers a Clave SOL user; its WS-Security user name is ruc + solUser. */
    public SunatSimulator withUser(String ruc, String solUser, String password) {
        users.register(ruc, solUser, password);
        return this;
    }

    /** Starts listening; {@link #stop()} stops at once: a client calling afterwards meets a refused connection, as when SUNAT is down. */
    public SunatSimulator start() throws IOException {
        startServer();
        return this;
    }

    @Override
    protected StandInHttpServer open() throws IOException {
        Map<String, HttpHandler> contexts = new LinkedHashMap<>();
        contexts.put(BILL_SERVICE_PATH, new SoapEndpoint(service));
        contexts.put(AdminEndpoint.PATH, new AdminEndpoint(service));
        return StandInHttpServer.start(address, 0, 4, "sunat-simulator", contexts);
    }

    public URI billServiceUri() {
        return URI.create("http://" + hostForUri() + ":" + port() + BILL_SERVICE_PATH);
    }

    /** The next {@code requests} calls, whatever they are, fail with fault 0100 as during a SUNAT outage. */
    public void simulateOutage(int requests) {
        service.simulateOutage(requests);
    }

    /**
     * The next {@code sendBills} documents are registered (accepted or rejected) but their answers are lost: the
     * caller gets HTTP 504 without a SOAP envelope, and the same number sent again is fault 1033 (or 1032).
     */
    public void simulateLostAnswers(int sendBills) {
        service.simulateLostAnswers(sendBills);
    }

    /** Every document received so far with the answer it got, oldest first; a snapshot, not a live view. */
    public List<ReceivedDocument> receivedDocuments() {
        return service.receivedDocuments();
    }

    private String hostForUri() {
        InetAddress host = address.getAddress();
        if (host == null || host.isAnyLocalAddress()) {
            return "localhost";
        }
        String literal = host.getHostAddress();
        return literal.contains(":") ? "[" + literal + "]" : literal;
    }

    /** {@code java -jar sunat-simulator.jar [--port 8089] [--user RUC:SOLUSER:PASSWORD]...} */
    public static void main(String[] args) throws IOException {
        int port = 8089;
        List<String> arguments = List.of(args);
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--port") && i + 1 < arguments.size()) {
                port = Integer.parseInt(arguments.get(++i));
            }
        }
        SunatSimulator simulator = onPort(port);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--user") && i + 1 < arguments.size()) {
                String[] parts = arguments.get(++i).split(":", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("--user takes RUC:SOLUSER:PASSWORD");
                }
                simulator.withUser(parts[0], parts[1], parts[2]);
            } else if (argument.equals("--port")) {
                i++;
            } else {
                throw new IllegalArgumentException("Unknown argument " + argument
                        + "; usage: [--port N] [--user RUC:SOLUSER:PASSWORD]...");
            }
        }
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "sunat-simulator-shutdown"));
        System.out.println("SUNAT simulator: billService at " + simulator.billServiceUri()
                + " ; controls at http://localhost:" + simulator.port() + AdminEndpoint.PATH + "{outage,documents}");
    }
}
