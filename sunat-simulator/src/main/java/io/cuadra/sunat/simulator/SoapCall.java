package io.cuadra.sunat.simulator;

import java.util.Map;
import java.util.Optional;

/**
 * A billService call as read from its envelope.
 *
 * @param credentials the wsse:UsernameToken, absent when the header was missing or incomplete
 * @param operation   the local name of the body's element: sendBill, sendSummary, getStatus
 * @param parameters  its child elements by local name (fileName, contentFile, ticket)
 */
record SoapCall(Optional<Credentials> credentials, String operation, Map<String, String> parameters) {

    record Credentials(String username, String password) {
    }

    String parameter(String name) {
        return parameters.getOrDefault(name, "");
    }
}
