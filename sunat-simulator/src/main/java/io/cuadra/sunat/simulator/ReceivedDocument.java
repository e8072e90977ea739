package io.cuadra.sunat.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file that reached the simulator through sendBill or sendSummary, kept with the answer it got, so tests can
 * see what was really sent (and as whom) and what SUNAT would have said.
 *
 * @param operation "sendBill" or "sendSummary"
 * @param username  the WS-Security user name that sent it, or "" when the request never got that far
 * @param fileName  the fileName parameter as received
 * @param zip       the decoded contentFile, or an empty array when it was not valid base64
 */
public record ReceivedDocument(Instant receivedAt, String operation, String username, String fileName, byte[] zip,
                               Verdict verdict) {

    public ReceivedDocument {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(verdict, "verdict");
        zip = zip.clone();
    }

    @Override
    public byte[] zip() {
        return zip.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedDocument d && receivedAt.equals(d.receivedAt) && operation.equals(d.operation)
                && username.equals(d.username) && Objects.equals(fileName, d.fileName) && Arrays.equals(zip, d.zip)
                && verdict.equals(d.verdict);
    }

    @Override
    public int hashCode() {
        return Objects.hash(receivedAt, operation, username, fileName, Arrays.hashCode(zip), verdict);
    }

    @Override
    public String toString() {
        return "ReceivedDocument[" + receivedAt + " " + operation + " " + fileName + " by " + username + " -> "
                + verdict + "]";
    }
}
