package io.cuadra.billing.infrastructure.sunat;

import java.net.URI;

/** SUNAT's billService endpoints: beta for homologation and tests, production for documents that count. */
public enum SunatEnvironment {
    BETA("https://e-beta.sunat.gob.pe/ol-ti-itcpfegem-beta/billService"),
    PRODUCTION("https://e-factura.sunat.gob.pe/ol-ti-itcpfegem/billService");

    private final URI billService;

    SunatEnvironment(String billService) {
        this.billService = URI.create(billService);
    }

    public URI billService() {
        return billService;
    }
}
