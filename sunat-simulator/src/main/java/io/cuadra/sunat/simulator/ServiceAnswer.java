package io.cuadra.sunat.simulator;

/** What the bill service gives back for one SOAP call, before it is written as an envelope. */
sealed interface ServiceAnswer {

    /** sendBill's answer: the CDR ZIP, for accepted and rejected documents alike. */
    record ApplicationResponse(byte[] cdrZip) implements ServiceAnswer {
    }

    /** sendSummary's answer: the ticket to ask getStatus about. */
    record TicketIssued(String ticket) implements ServiceAnswer {
    }

    /** getStatus's answer: 98 still processing, 0 processed, 99 processed with errors; content is the CDR ZIP. */
    record TicketStatus(String statusCode, byte[] content) implements ServiceAnswer {
    }

    /**
     * The call was handled (a sendBill registered its document) but the answer never reaches the caller, as
     * when a proxy in front of SUNAT times out: written as HTTP 504 without a SOAP envelope.
     */
    record Lost() implements ServiceAnswer {
    }

    /** A SOAP fault; code is null only for a request that is not a SUNAT call at all. */
    record Fault(String code, String text, boolean serverSide) implements ServiceAnswer {

        static Fault of(Finding finding) {
            return new Fault(finding.code().code(), finding.text(), finding.code().isServerSide());
        }

        static Fault of(ReturnCode code) {
            return of(new Finding(code, null));
        }
    }
}
